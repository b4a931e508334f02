"""Storing, finding, sharing, deleting and restoring images. Never commits (the request does)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from dnd_shared.db.pagination import Page
from dnd_shared.identity import Principal
from image_service.assets.access import (
    NO_CAMPAIGNS,
    CampaignMembership,
    can_see,
    check_if_match,
    check_owner,
    not_found,
)
from image_service.assets.models import Asset, AssetVersion
from image_service.assets.repository import AssetRepository, AssetVersionRepository
from image_service.assets.schemas import AssetPatch
from image_service.assets.sharing import sharing_values
from image_service.assets.storage import BlobStore, content_hash, storage_key

NOUN = "image"


async def check_campaign_member(principal: Principal, campaign_id: uuid.UUID, campaigns: CampaignMembership) -> None:
    """404 ``campaign_not_found`` unless the caller is in the campaign (or an admin)."""
    if not principal.is_admin and not await campaigns.is_member(campaign_id, principal.user_id):
        raise not_found("campaign")


@dataclass(frozen=True)
class NewImage:
    """Rendered bytes and what produced them."""

    data: bytes
    content_type: str
    width: int
    height: int
    provider: str
    prompt: str = ""


class AssetService:
    def __init__(self, session: AsyncSession, store: BlobStore, campaigns: CampaignMembership = NO_CAMPAIGNS) -> None:
        self.assets = AssetRepository(session)
        self.versions = AssetVersionRepository(session)
        self.store = store
        self.campaigns = campaigns

    async def create(
        self, owner_id: uuid.UUID, kind: str, title: str, image: NewImage, visibility: str = "private"
    ) -> tuple[Asset, AssetVersion]:
        """A new asset with its first version. The bytes are written before the row; a rolled-back
        request leaves at most an unreferenced, content-addressed blob."""
        asset = await self.assets.create(
            owner_id=owner_id, kind=kind, title=title[:200], visibility=visibility, shared_with=[], current_version=1
        )
        version = await self._store_version(asset, 1, image)
        return asset, version

    async def add_version(self, asset: Asset, image: NewImage) -> AssetVersion:
        """Store a new rendition and make it current."""
        number = await self.versions.latest_number(asset.id) + 1
        version = await self._store_version(asset, number, image)
        await self.assets.update(asset, {"current_version": number})
        return version

    async def _store_version(self, asset: Asset, number: int, image: NewImage) -> AssetVersion:
        digest = content_hash(image.data)
        key = storage_key(asset.kind, digest, image.content_type)
        await self.store.put(key, image.data, image.content_type)
        return await self.versions.create(
            asset_id=asset.id,
            number=number,
            storage_key=key,
            content_type=image.content_type,
            size_bytes=len(image.data),
            content_hash=digest,
            width=image.width,
            height=image.height,
            provider=image.provider,
            prompt=image.prompt,
        )

    async def visible(self, principal: Principal, asset_id: uuid.UUID, *, include_deleted: bool = False) -> Asset:
        """The asset if the caller may see it (deleted ones only for their owner)."""
        asset = await self.assets.get(asset_id, include_deleted=include_deleted)
        if asset is None or not await can_see(principal, asset, self.campaigns):
            raise not_found(NOUN)
        if asset.deleted_at is not None and asset.owner_id != principal.user_id and not principal.is_admin:
            raise not_found(NOUN)
        return asset

    async def current_version(self, asset: Asset) -> AssetVersion:
        return await self.versions.get_number(asset.id, asset.current_version)

    async def version(self, asset: Asset, number: int) -> AssetVersion:
        return await self.versions.get_number(asset.id, number)

    async def history(self, asset: Asset) -> list[AssetVersion]:
        return await self.versions.all_of(asset.id)

    async def read_bytes(self, version: AssetVersion) -> bytes:
        return await self.store.get(version.storage_key)

    async def page(
        self,
        principal: Principal,
        *,
        kind: str | None,
        mine_only: bool,
        limit: int,
        cursor: str | None,
        deleted: bool,
        campaign_id: uuid.UUID | None = None,
    ) -> Page[Asset]:
        """What the caller may see; with ``campaign_id``, what is shared with that campaign (members only)."""
        if campaign_id is not None:
            await check_campaign_member(principal, campaign_id, self.campaigns)
        return await self.assets.list_for(
            principal.user_id,
            kind=kind,
            mine_only=mine_only,
            limit=limit,
            cursor=cursor,
            only_deleted=deleted,
            campaign_id=campaign_id,
        )

    async def update(self, principal: Principal, asset_id: uuid.UUID, patch: AssetPatch, if_match: str | None) -> Asset:
        asset = await self.visible(principal, asset_id)
        check_owner(principal, asset, NOUN)
        check_if_match(asset, if_match)
        values = await sharing_values(asset, patch.model_dump(exclude_unset=True, exclude_none=True), self.campaigns)
        return await self.assets.update(asset, values)

    async def delete(self, principal: Principal, asset_id: uuid.UUID, if_match: str | None) -> None:
        asset = await self.visible(principal, asset_id)
        check_owner(principal, asset, NOUN)
        check_if_match(asset, if_match)
        await self.assets.soft_delete(asset)

    async def restore(self, principal: Principal, asset_id: uuid.UUID) -> Asset:
        asset = await self.visible(principal, asset_id, include_deleted=True)
        check_owner(principal, asset, NOUN)
        if asset.deleted_at is None:
            return asset
        return await self.assets.restore(asset)
