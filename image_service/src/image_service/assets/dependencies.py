"""FastAPI dependencies shared by the image service's routers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, Request

from dnd_shared.db.engine import SessionDep
from image_service.assets.access import CampaignMembership
from image_service.assets.campaigns import HubCampaignMembership
from image_service.assets.service import AssetService
from image_service.assets.storage import BlobStore
from image_service.config import Settings


def get_settings(request: Request) -> Settings:
    settings: Any = request.app.state.settings
    assert isinstance(settings, Settings)
    return settings


def get_blob_store(request: Request) -> BlobStore:
    store: BlobStore = request.app.state.blob_store
    return store


def get_campaigns(request: Request) -> CampaignMembership:
    """Campaign membership through this instance's hub (none without a running hub: closed)."""
    return HubCampaignMembership(getattr(request.app.state, "hub", None))


def get_asset_service(
    session: SessionDep,
    store: Annotated[BlobStore, Depends(get_blob_store)],
    campaigns: Annotated[CampaignMembership, Depends(get_campaigns)],
) -> AssetService:
    return AssetService(session, store, campaigns)


SettingsDep = Annotated[Settings, Depends(get_settings)]
BlobStoreDep = Annotated[BlobStore, Depends(get_blob_store)]
CampaignsDep = Annotated[CampaignMembership, Depends(get_campaigns)]
AssetServiceDep = Annotated[AssetService, Depends(get_asset_service)]
IfMatch = Annotated[str | None, Header(alias="If-Match")]
