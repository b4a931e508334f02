"""``/api/v1/images/maps``: procedural tactical maps as PNG, SVG and JSON; overlays on request;
``/api/v1/images/areas``: which squares an area of effect covers."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser
from image_service.assets.access import etag_of
from image_service.assets.dependencies import BlobStoreDep, CampaignsDep, IfMatch, SettingsDep
from image_service.assets.schemas import API_PREFIX
from image_service.limits import enforce_generation_limit
from image_service.maps.schemas import (
    AreasOut,
    AreasRequest,
    MapCreate,
    MapOut,
    MapPage,
    MapPatch,
    MapSummary,
    RenderRequest,
)
from image_service.maps.service import MapService, open_grid_areas

router = APIRouter(prefix=API_PREFIX, tags=["maps"])


def get_map_service(session: SessionDep, store: BlobStoreDep, campaigns: CampaignsDep) -> MapService:
    return MapService(session, store, campaigns)


MapServiceDep = Annotated[MapService, Depends(get_map_service)]


@router.post("/maps", response_model=MapOut, status_code=201)
async def create_map(
    body: MapCreate, user: CurrentUser, maps: MapServiceDep, settings: SettingsDep, request: Request, response: Response
) -> MapOut:
    """Generate a dungeon, cave, tavern or wilderness map; counts against the generation limit."""
    await enforce_generation_limit(request.app.state.redis, user.user_id, settings.generation_rate_limit_per_minute)
    record = await maps.create(user, body)
    response.headers["Location"] = f"{API_PREFIX}/maps/{record.id}"
    response.headers["ETag"] = etag_of(record)
    return MapOut.of(record)


@router.get("/maps", response_model=MapPage)
async def list_maps(
    user: CurrentUser,
    maps: MapServiceDep,
    deleted: Annotated[bool, Query(description="my soft-deleted maps")] = False,
    campaign_id: Annotated[uuid.UUID | None, Query(description="maps shared with this campaign")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> MapPage:
    """The caller's maps, or those shared with a campaign the caller is in; oldest first."""
    page = await maps.page(user, limit=limit, cursor=cursor, deleted=deleted, campaign_id=campaign_id)
    return MapPage(
        items=[MapSummary.model_validate(record, from_attributes=True) for record in page.items],
        next_cursor=page.next_cursor,
    )


@router.get("/maps/{map_id}", response_model=MapOut)
async def get_map(map_id: uuid.UUID, user: CurrentUser, maps: MapServiceDep, response: Response) -> MapOut:
    """The map's parameters, its JSON description and links to its PNG and SVG."""
    record = await maps.visible(user, map_id)
    response.headers["ETag"] = etag_of(record)
    return MapOut.of(record)


@router.post(
    "/maps/{map_id}/render",
    response_class=Response,
    responses={200: {"content": {"image/png": {}, "image/svg+xml": {}}}},
)
async def render_map(map_id: uuid.UUID, body: RenderRequest, user: CurrentUser, maps: MapServiceDep) -> Response:
    """Draw the map with overlays (grid, fog of war, tokens, areas of effect); nothing is stored."""
    data, content_type = await maps.render(user, map_id, body)
    return Response(content=data, media_type=content_type, headers={"Cache-Control": "no-store"})


@router.post("/maps/{map_id}/areas", response_model=AreasOut)
async def areas_on_map(map_id: uuid.UUID, body: AreasRequest, user: CurrentUser, maps: MapServiceDep) -> AreasOut:
    """Squares each area covers on this map (walls and squares behind them excluded)."""
    return AreasOut(areas=await maps.areas_on_map(user, map_id, body.areas))


@router.post("/areas", response_model=AreasOut)
async def areas_on_open_grid(body: AreasRequest, user: CurrentUser) -> AreasOut:
    """Squares each area covers on an open grid (no map)."""
    return AreasOut(areas=open_grid_areas(body.areas))


@router.patch("/maps/{map_id}", response_model=MapOut)
async def update_map(
    map_id: uuid.UUID,
    body: MapPatch,
    user: CurrentUser,
    maps: MapServiceDep,
    response: Response,
    if_match: IfMatch = None,
) -> MapOut:
    """Rename or share the map (its renders follow); owner only; ``If-Match`` guards against lost updates."""
    record = await maps.update(user, map_id, body, if_match)
    response.headers["ETag"] = etag_of(record)
    return MapOut.of(record)


@router.delete("/maps/{map_id}", status_code=204)
async def delete_map(map_id: uuid.UUID, user: CurrentUser, maps: MapServiceDep, if_match: IfMatch = None) -> Response:
    """Soft delete the map and its renders."""
    await maps.delete(user, map_id, if_match)
    return Response(status_code=204)


@router.post("/maps/{map_id}/restore", response_model=MapOut)
async def restore_map(map_id: uuid.UUID, user: CurrentUser, maps: MapServiceDep) -> MapOut:
    """Bring a soft-deleted map (and its renders) back."""
    return MapOut.of(await maps.restore(user, map_id))
