"""``/api/v1/images/{id}``: the bytes (with ETag and caching headers), metadata, versions, sharing,
soft delete and restore; ``/api/v1/images`` lists what the caller can see."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response

from dnd_shared.identity import CurrentUser
from image_service.assets.access import etag_of
from image_service.assets.dependencies import AssetServiceDep, IfMatch, SettingsDep
from image_service.assets.models import Asset, AssetVersion
from image_service.assets.schemas import API_PREFIX, AssetOut, AssetPage, AssetPatch, VersionOut
from image_service.assets.service import AssetService

router = APIRouter(prefix=API_PREFIX, tags=["images"])


async def _serve(
    assets: AssetService, asset: Asset, version: AssetVersion, if_none_match: str | None, cache_control: str
) -> Response:
    """The bytes with their content type, or 304 when the client's copy (by ETag) is current."""
    etag = f'"{version.content_hash}"'
    headers = {
        "ETag": etag,
        "Cache-Control": cache_control,
        "X-Image-Version": str(version.number),
        "X-Image-Provider": version.provider,
        # Images are data, never documents: an SVG opened directly may not run or load anything.
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
        "X-Content-Type-Options": "nosniff",
    }
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        if "*" in tags or etag in tags:
            return Response(status_code=304, headers=headers)
    data = await assets.read_bytes(version)
    return Response(content=data, media_type=version.content_type, headers=headers)


def _cache_control(asset: Asset, max_age: int, *, immutable: bool = False) -> str:
    """A version's bytes never change: cache them long. The current-version URL may move to a new
    version, so caches revalidate it every time (a cheap 304 by ETag)."""
    scope = "public" if asset.visibility == "public" else "private"
    return f"{scope}, max-age={max_age}, immutable" if immutable else f"{scope}, no-cache"


@router.get("", response_model=AssetPage)
async def list_images(
    user: CurrentUser,
    assets: AssetServiceDep,
    kind: Annotated[Literal["portrait", "map", "item"] | None, Query()] = None,
    mine: Annotated[bool, Query(description="only images I own")] = False,
    deleted: Annotated[bool, Query(description="my soft-deleted images (to restore)")] = False,
    campaign_id: Annotated[uuid.UUID | None, Query(description="images shared with this campaign")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> AssetPage:
    """Images the caller owns, that are shared with them, or public; with ``campaign_id``, the
    images shared with that campaign (members only). Oldest first."""
    page = await assets.page(
        user, kind=kind, mine_only=mine, limit=limit, cursor=cursor, deleted=deleted, campaign_id=campaign_id
    )
    items = [AssetOut.of(asset, await assets.current_version(asset)) for asset in page.items]
    return AssetPage(items=items, next_cursor=page.next_cursor)


@router.get(
    "/{asset_id}", response_class=Response, responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}}
)
async def get_image_bytes(
    asset_id: uuid.UUID,
    user: CurrentUser,
    assets: AssetServiceDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match")] = None,
) -> Response:
    """The current version's bytes, with its content type, a strong ETag (the SHA-256) and caching headers."""
    asset = await assets.visible(user, asset_id)
    version = await assets.current_version(asset)
    return await _serve(assets, asset, version, if_none_match, _cache_control(asset, settings.cache_max_age_seconds))


@router.get("/{asset_id}/meta", response_model=AssetOut)
async def get_image_meta(
    asset_id: uuid.UUID, user: CurrentUser, assets: AssetServiceDep, response: Response
) -> AssetOut:
    """Owner, kind, size, content hash, dimensions, provider, prompt and sharing; ETag = row version."""
    asset = await assets.visible(user, asset_id)
    response.headers["ETag"] = etag_of(asset)
    return AssetOut.of(asset, await assets.current_version(asset))


@router.get("/{asset_id}/versions", response_model=list[VersionOut])
async def list_image_versions(asset_id: uuid.UUID, user: CurrentUser, assets: AssetServiceDep) -> list[VersionOut]:
    """Every stored rendition, oldest first."""
    asset = await assets.visible(user, asset_id)
    return [VersionOut.of(version) for version in await assets.history(asset)]


@router.get("/{asset_id}/versions/{number}", response_class=Response)
async def get_image_version_bytes(
    asset_id: uuid.UUID,
    number: int,
    user: CurrentUser,
    assets: AssetServiceDep,
    settings: SettingsDep,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match")] = None,
) -> Response:
    """One version's bytes (immutable: cached for a long time)."""
    asset = await assets.visible(user, asset_id)
    version = await assets.version(asset, number)
    cache_control = _cache_control(asset, settings.cache_max_age_seconds, immutable=True)
    return await _serve(assets, asset, version, if_none_match, cache_control)


@router.patch("/{asset_id}", response_model=AssetOut)
async def update_image(
    asset_id: uuid.UUID,
    body: AssetPatch,
    user: CurrentUser,
    assets: AssetServiceDep,
    response: Response,
    if_match: IfMatch = None,
) -> AssetOut:
    """Rename or share (``private`` | ``shared`` with ``shared_with`` | ``public``); owner only."""
    asset = await assets.update(user, asset_id, body, if_match)
    response.headers["ETag"] = etag_of(asset)
    return AssetOut.of(asset, await assets.current_version(asset))


@router.delete("/{asset_id}", status_code=204)
async def delete_image(
    asset_id: uuid.UUID, user: CurrentUser, assets: AssetServiceDep, if_match: IfMatch = None
) -> Response:
    """Soft delete (owner only); restore brings it back."""
    await assets.delete(user, asset_id, if_match)
    return Response(status_code=204)


@router.post("/{asset_id}/restore", response_model=AssetOut)
async def restore_image(asset_id: uuid.UUID, user: CurrentUser, assets: AssetServiceDep) -> AssetOut:
    """Undo a soft delete (owner only)."""
    asset = await assets.restore(user, asset_id)
    return AssetOut.of(asset, await assets.current_version(asset))
