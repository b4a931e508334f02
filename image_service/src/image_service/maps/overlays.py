"""What can be drawn over a map on request: the grid, fog of war, tokens and areas of effect."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from image_service.maps.areas import AreaOfEffect
from image_service.maps.layout import Cell

TokenKind = Literal["character", "npc", "hostile"]
CreatureSize = Literal["tiny", "small", "medium", "large", "huge", "gargantuan"]

#: Squares a creature's space spans per side (SRD 5.2 "Creature Size and Space"; Tiny shares a square).
SPACE_SQUARES: dict[CreatureSize, float] = {
    "tiny": 0.5,
    "small": 1,
    "medium": 1,
    "large": 2,
    "huge": 3,
    "gargantuan": 4,
}


@dataclass(frozen=True)
class Token:
    """A creature on the map; ``(x, y)`` is the top-left square of its space."""

    x: int
    y: int
    label: str
    kind: TokenKind = "character"
    size: CreatureSize = "medium"


@dataclass(frozen=True)
class Overlays:
    grid: bool = True
    #: ``None``: no fog. Otherwise only these squares are shown; everything else is hidden.
    revealed: frozenset[Cell] | None = None
    tokens: tuple[Token, ...] = ()
    areas: tuple[AreaOfEffect, ...] = field(default_factory=tuple)
    show_spawn_points: bool = False
