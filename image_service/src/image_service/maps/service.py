"""Generating, storing, re-rendering and sharing maps. Never commits (the request does)."""

from __future__ import annotations

import asyncio
import secrets
import time
import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from dnd_shared.db.pagination import Page
from dnd_shared.errors import ErrorDetail, UnprocessableError
from dnd_shared.identity import Principal
from image_service.assets.access import (
    NO_CAMPAIGNS,
    CampaignMembership,
    can_see,
    check_if_match,
    check_owner,
    not_found,
)
from image_service.assets.service import AssetService, NewImage, check_campaign_member
from image_service.assets.sharing import sharing_values
from image_service.assets.storage import BlobStore
from image_service.maps.areas import covered_squares, squares_on_map
from image_service.maps.generation import generate_map, size_problem
from image_service.maps.layout import WALL, MapKind, MapLayout, layout_from_dict
from image_service.maps.models import MapRecord
from image_service.maps.overlays import SPACE_SQUARES, Overlays
from image_service.maps.rendering import map_png, map_svg
from image_service.maps.repository import MapRepository
from image_service.maps.schemas import AreaIn, AreaSquares, MapCreate, MapPatch, OverlaysIn, RenderRequest
from image_service.maps.themes import MAP_THEMES, MapTheme
from image_service.metrics import GENERATIONS, RENDER_SECONDS

NOUN = "map"


@dataclass(frozen=True)
class RenderedMap:
    layout: MapLayout
    png: NewImage
    svg: NewImage


def _check_overlays(overlays: OverlaysIn, width: int, height: int) -> None:
    problems = []
    for index, cell in enumerate(overlays.revealed or []):
        if not (0 <= cell[0] < width and 0 <= cell[1] < height):
            problems.append(ErrorDetail(f"overlays.revealed[{index}]", f"square {list(cell)} is off the map"))
            break
    for index, token in enumerate(overlays.tokens):
        side = max(1, int(SPACE_SQUARES[token.size]))
        if token.x + side > width or token.y + side > height:
            problems.append(ErrorDetail(f"overlays.tokens[{index}]", "the token's space is off the map"))
    for index, area in enumerate(overlays.areas):
        x, y = area.origin
        if not (0 <= x <= width and 0 <= y <= height):
            problems.append(ErrorDetail(f"overlays.areas[{index}].origin", "the origin is off the map"))
    if problems:
        raise UnprocessableError("The overlays do not fit the map.", details=problems)


def render_new_map(
    kind: MapKind, width: int, height: int, seed: int, theme: MapTheme, overlays: Overlays, scale: int | None
) -> RenderedMap:
    """Generate and draw a map (CPU work: call it in a worker thread)."""
    layout = generate_map(kind, width, height, seed)
    png, pw, ph = map_png(layout, theme, overlays, scale)
    svg, sw, sh = map_svg(layout, theme, overlays, scale)
    prompt = f"{kind} {width}x{height} seed {seed} theme {theme}"
    return RenderedMap(
        layout,
        NewImage(png, "image/png", pw, ph, "procedural", prompt),
        NewImage(svg, "image/svg+xml", sw, sh, "procedural", prompt),
    )


def _stored_theme(value: str) -> MapTheme:
    """A theme read back from the database (written from a validated request)."""
    if value not in MAP_THEMES:
        raise ValueError(f"unknown stored theme {value!r}")
    return value


class MapService:
    def __init__(self, session: AsyncSession, store: BlobStore, campaigns: CampaignMembership = NO_CAMPAIGNS) -> None:
        self.campaigns = campaigns
        self.maps = MapRepository(session)
        self.assets = AssetService(session, store)

    async def create(self, principal: Principal, request: MapCreate) -> MapRecord:
        problem = size_problem(request.kind, request.width, request.height)
        if problem is not None:
            raise UnprocessableError(
                "The map size is out of range.",
                code="map_size_invalid",
                details=[ErrorDetail("width", problem), ErrorDetail("height", problem)],
            )
        _check_overlays(request.overlays, request.width, request.height)
        seed = request.seed if request.seed is not None else secrets.randbelow(2**31)
        started = time.perf_counter()
        rendered = await asyncio.to_thread(
            render_new_map,
            request.kind,
            request.width,
            request.height,
            seed,
            request.theme,
            request.overlays.to_overlays(),
            request.scale,
        )
        RENDER_SECONDS.labels("map", "procedural").observe(time.perf_counter() - started)
        GENERATIONS.labels("map", "procedural", "succeeded").inc()
        title = request.title or f"{request.kind.capitalize()} {request.width}x{request.height} #{seed}"
        png_asset, _ = await self.assets.create(principal.user_id, "map", title, rendered.png)
        svg_asset, _ = await self.assets.create(principal.user_id, "map", title, rendered.svg)
        return await self.maps.create(
            owner_id=principal.user_id,
            title=title,
            kind=request.kind,
            width=request.width,
            height=request.height,
            seed=seed,
            theme=request.theme,
            layout=rendered.layout.to_dict(),
            png_asset_id=png_asset.id,
            svg_asset_id=svg_asset.id,
            visibility="private",
            shared_with=[],
        )

    async def visible(self, principal: Principal, map_id: uuid.UUID, *, include_deleted: bool = False) -> MapRecord:
        record = await self.maps.get(map_id, include_deleted=include_deleted)
        if record is None or not await can_see(principal, record, self.campaigns):
            raise not_found(NOUN)
        if record.deleted_at is not None and record.owner_id != principal.user_id and not principal.is_admin:
            raise not_found(NOUN)
        return record

    async def page(
        self,
        principal: Principal,
        *,
        limit: int,
        cursor: str | None,
        deleted: bool,
        campaign_id: uuid.UUID | None = None,
    ) -> Page[MapRecord]:
        """The caller's maps; with ``campaign_id``, the maps shared with that campaign (members only)."""
        if campaign_id is not None:
            await check_campaign_member(principal, campaign_id, self.campaigns)
            return await self.maps.list_campaign(campaign_id, limit=limit, cursor=cursor)
        return await self.maps.list_owned(principal.user_id, limit=limit, cursor=cursor, only_deleted=deleted)

    async def render(self, principal: Principal, map_id: uuid.UUID, request: RenderRequest) -> tuple[bytes, str]:
        """The map drawn with the requested overlays (not stored): bytes and content type."""
        record = await self.visible(principal, map_id)
        _check_overlays(request.overlays, record.width, record.height)
        layout = layout_from_dict(record.layout)
        theme = request.theme or _stored_theme(record.theme)
        draw = map_png if request.format == "png" else map_svg
        data, _, _ = await asyncio.to_thread(draw, layout, theme, request.overlays.to_overlays(), request.scale)
        return data, "image/png" if request.format == "png" else "image/svg+xml"

    async def areas_on_map(self, principal: Principal, map_id: uuid.UUID, areas: list[AreaIn]) -> list[AreaSquares]:
        """The squares each area covers on this map: inside it, not walls, not behind walls."""
        record = await self.visible(principal, map_id)
        layout = layout_from_dict(record.layout)

        def is_wall(x: int, y: int) -> bool:
            return layout.in_bounds(x, y) and layout.at(x, y) == WALL

        return [
            AreaSquares(shape=area.shape, squares=squares_on_map(area.to_area(), layout.width, layout.height, is_wall))
            for area in areas
        ]

    async def update(self, principal: Principal, map_id: uuid.UUID, patch: MapPatch, if_match: str | None) -> MapRecord:
        record = await self.visible(principal, map_id)
        check_owner(principal, record, NOUN)
        check_if_match(record, if_match)
        values = await sharing_values(record, patch.model_dump(exclude_unset=True, exclude_none=True), self.campaigns)
        # The stored renders follow the map's sharing.
        for asset_id in (record.png_asset_id, record.svg_asset_id):
            asset = await self.assets.assets.get_or_raise(asset_id)
            await self.assets.assets.update(asset, values)
        return await self.maps.update(record, values)

    async def delete(self, principal: Principal, map_id: uuid.UUID, if_match: str | None) -> None:
        record = await self.visible(principal, map_id)
        check_owner(principal, record, NOUN)
        check_if_match(record, if_match)
        for asset_id in (record.png_asset_id, record.svg_asset_id):
            asset = await self.assets.assets.get(asset_id)
            if asset is not None:
                await self.assets.assets.soft_delete(asset)
        await self.maps.soft_delete(record)

    async def restore(self, principal: Principal, map_id: uuid.UUID) -> MapRecord:
        record = await self.visible(principal, map_id, include_deleted=True)
        check_owner(principal, record, NOUN)
        if record.deleted_at is None:
            return record
        for asset_id in (record.png_asset_id, record.svg_asset_id):
            asset = await self.assets.assets.get(asset_id, include_deleted=True)
            if asset is not None and asset.deleted_at is not None:
                await self.assets.assets.restore(asset)
        return await self.maps.restore(record)


def open_grid_areas(areas: list[AreaIn]) -> list[AreaSquares]:
    """The squares each area covers on an open, unbounded grid."""
    return [AreaSquares(shape=area.shape, squares=covered_squares(area.to_area())) for area in areas]
