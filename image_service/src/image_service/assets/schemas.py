"""HTTP shapes of stored images."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from image_service.assets.models import Asset, AssetVersion

Visibility = Literal["private", "shared", "campaign", "public"]
API_PREFIX = "/api/v1/images"


class VersionOut(BaseModel):
    number: int
    content_type: str
    size_bytes: int
    content_hash: str
    width: int
    height: int
    provider: str
    prompt: str
    created_at: datetime
    url: str

    @classmethod
    def of(cls, version: AssetVersion) -> VersionOut:
        return cls(
            number=version.number,
            content_type=version.content_type,
            size_bytes=version.size_bytes,
            content_hash=version.content_hash,
            width=version.width,
            height=version.height,
            provider=version.provider,
            prompt=version.prompt,
            created_at=version.created_at,
            url=f"{API_PREFIX}/{version.asset_id}/versions/{version.number}",
        )


class AssetOut(BaseModel):
    id: uuid.UUID
    owner_id: uuid.UUID
    kind: str
    title: str
    visibility: Visibility
    shared_with: list[uuid.UUID]
    campaign_id: uuid.UUID | None
    url: str
    current: VersionOut
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @classmethod
    def of(cls, asset: Asset, current: AssetVersion) -> AssetOut:
        return cls(
            id=asset.id,
            owner_id=asset.owner_id,
            kind=asset.kind,
            title=asset.title,
            visibility=asset.visibility,
            shared_with=list(asset.shared_with),
            campaign_id=asset.campaign_id,
            url=f"{API_PREFIX}/{asset.id}",
            current=VersionOut.of(current),
            version=asset.version,
            created_at=asset.created_at,
            updated_at=asset.updated_at,
            deleted_at=asset.deleted_at,
        )


class AssetPage(BaseModel):
    items: list[AssetOut]
    next_cursor: str | None


class AssetPatch(BaseModel):
    """Change the title or who can see the image."""

    title: str | None = Field(default=None, max_length=200)
    visibility: Visibility | None = None
    shared_with: list[uuid.UUID] | None = Field(default=None, max_length=100)
    campaign_id: uuid.UUID | None = Field(default=None, description="with visibility campaign: the campaign")
