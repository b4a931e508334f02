"""A backend-neutral picture: a list of primitives in abstract units, drawn by :mod:`.png` (Pillow)
and :mod:`.svg` (our own writer) so both formats show exactly the same thing."""

from __future__ import annotations

from dataclasses import dataclass, field

Color = tuple[int, int, int]
Point = tuple[float, float]


@dataclass(frozen=True)
class Style:
    fill: Color | None = None
    stroke: Color | None = None
    stroke_width: float = 0.0  # in scene units
    opacity: float = 1.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    style: Style


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    style: Style


@dataclass(frozen=True)
class Polygon:
    points: tuple[Point, ...]
    style: Style


@dataclass(frozen=True)
class Polyline:
    points: tuple[Point, ...]
    style: Style


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # vertical centre of the text
    text: str
    size: float  # font size in scene units
    fill: Color
    bold: bool = False


Primitive = Rect | Circle | Polygon | Polyline | Text


@dataclass
class Scene:
    """``width`` x ``height`` scene units; ``scale`` pixels per unit when rasterised."""

    width: float
    height: float
    background: Color
    scale: float = 1.0
    title: str = ""
    layers: list[tuple[str, list[Primitive]]] = field(default_factory=list)

    def layer(self, name: str) -> list[Primitive]:
        """The primitives of layer ``name`` (created on first use; layers draw in creation order)."""
        for existing, items in self.layers:
            if existing == name:
                return items
        items = []
        self.layers.append((name, items))
        return items
