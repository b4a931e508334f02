"""HTTP shapes of maps, overlays and areas of effect."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from image_service.assets.schemas import API_PREFIX, Visibility
from image_service.maps.areas import AreaOfEffect, AreaShape
from image_service.maps.layout import MapKind
from image_service.maps.models import MapRecord
from image_service.maps.overlays import CreatureSize, Overlays, Token, TokenKind
from image_service.maps.themes import MapTheme


class AreaIn(BaseModel):
    """An area of effect. ``origin`` is ``[x, y]`` in squares (whole numbers are grid intersections,
    ``.5`` the middle of a square); for an emanation it is the top-left square of the creature."""

    shape: AreaShape
    origin: tuple[float, float]
    size_ft: int = Field(
        ge=5, le=500, description="cone/line length, cube side, sphere/cylinder radius, emanation distance"
    )
    direction_deg: float = Field(default=0.0, ge=-360, le=360, description="0 east, 90 south, 180 west, 270 north")
    width_ft: int = Field(default=5, ge=5, le=100, description="a line's width")
    creature_squares: int = Field(default=1, ge=1, le=4, description="an emanation's origin creature, squares per side")
    include_origin: bool = False

    @field_validator("size_ft", "width_ft")
    @classmethod
    def _whole_squares(cls, value: int) -> int:
        if value % 5:
            raise ValueError("must be a multiple of 5 feet")
        return value

    def to_area(self) -> AreaOfEffect:
        return AreaOfEffect(
            self.shape,
            self.origin,
            self.size_ft,
            self.direction_deg,
            self.width_ft,
            self.creature_squares,
            self.include_origin,
        )


class TokenIn(BaseModel):
    x: int = Field(ge=0, le=199)
    y: int = Field(ge=0, le=199)
    label: str = Field(min_length=1, max_length=40)
    kind: TokenKind = "character"
    size: CreatureSize = "medium"


class OverlaysIn(BaseModel):
    grid: bool = True
    #: Fog of war: only these ``[x, y]`` squares are shown. Omit for no fog.
    revealed: list[tuple[int, int]] | None = Field(default=None, max_length=40_000)
    tokens: list[TokenIn] = Field(default_factory=list, max_length=200)
    areas: list[AreaIn] = Field(default_factory=list, max_length=20)
    show_spawn_points: bool = False

    def to_overlays(self) -> Overlays:
        return Overlays(
            grid=self.grid,
            revealed=frozenset(self.revealed) if self.revealed is not None else None,
            tokens=tuple(Token(t.x, t.y, t.label, t.kind, t.size) for t in self.tokens),
            areas=tuple(a.to_area() for a in self.areas),
            show_spawn_points=self.show_spawn_points,
        )


class MapCreate(BaseModel):
    kind: MapKind
    width: int = Field(description="squares (5 ft each)")
    height: int = Field(description="squares (5 ft each)")
    seed: int | None = Field(default=None, ge=0, le=2**53, description="same seed, same map; random when omitted")
    theme: MapTheme = "classic"
    title: str = Field(default="", max_length=200)
    overlays: OverlaysIn = Field(default_factory=OverlaysIn, description="drawn into the stored PNG and SVG")
    scale: int | None = Field(default=None, ge=8, le=64, description="pixels per square")


class RenderRequest(BaseModel):
    format: Literal["png", "svg"] = "png"
    theme: MapTheme | None = None
    overlays: OverlaysIn = Field(default_factory=OverlaysIn)
    scale: int | None = Field(default=None, ge=8, le=64)


class AreaSquares(BaseModel):
    shape: AreaShape
    squares: list[tuple[int, int]]


class AreasRequest(BaseModel):
    areas: list[AreaIn] = Field(min_length=1, max_length=20)


class AreasOut(BaseModel):
    areas: list[AreaSquares]


class RenderLink(BaseModel):
    asset_id: uuid.UUID
    url: str


class MapOut(BaseModel):
    id: uuid.UUID
    owner_id: uuid.UUID
    title: str
    kind: MapKind
    width: int
    height: int
    seed: int
    theme: MapTheme
    visibility: Visibility
    shared_with: list[uuid.UUID]
    campaign_id: uuid.UUID | None
    png: RenderLink
    svg: RenderLink
    layout: dict[str, Any]
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @classmethod
    def of(cls, record: MapRecord) -> MapOut:
        return cls(
            id=record.id,
            owner_id=record.owner_id,
            title=record.title,
            kind=record.kind,
            width=record.width,
            height=record.height,
            seed=record.seed,
            theme=record.theme,
            visibility=record.visibility,
            shared_with=list(record.shared_with),
            campaign_id=record.campaign_id,
            png=RenderLink(asset_id=record.png_asset_id, url=f"{API_PREFIX}/{record.png_asset_id}"),
            svg=RenderLink(asset_id=record.svg_asset_id, url=f"{API_PREFIX}/{record.svg_asset_id}"),
            layout=record.layout,
            version=record.version,
            created_at=record.created_at,
            updated_at=record.updated_at,
            deleted_at=record.deleted_at,
        )


class MapSummary(BaseModel):
    id: uuid.UUID
    title: str
    kind: MapKind
    width: int
    height: int
    seed: int
    theme: MapTheme
    created_at: datetime
    deleted_at: datetime | None


class MapPage(BaseModel):
    items: list[MapSummary]
    next_cursor: str | None


class MapPatch(BaseModel):
    title: str | None = Field(default=None, max_length=200)
    visibility: Visibility | None = None
    shared_with: list[uuid.UUID] | None = Field(default=None, max_length=100)
    campaign_id: uuid.UUID | None = Field(default=None, description="with visibility campaign: the campaign")
