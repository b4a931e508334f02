"""2024 areas of effect on a 5-ft grid: cone, cube, cylinder, emanation, line, sphere.

The SRD 5.2 defines the shapes (Rules Glossary, "Area of Effect" and each shape's entry): a Cone
is as wide at any point as that point's distance from the origin; a Cube's origin lies on one of its
faces and its size is the side; a Cylinder and a Sphere are centred on their origin (which they
include); a Line has a length and a width; an Emanation extends a distance in every direction from a
creature's space, which it excludes unless its creator decides otherwise.

Placing them on squares follows the grid convention the DMG gives for areas: the point of origin
is a point in grid units (an intersection of grid lines is a whole number, a square's centre ends in
.5), and a square is in the area when **at least half of it** is covered. Cone, cube and line
coverage is computed exactly (polygon clipping); circles are sampled on a 16 x 16 lattice per
square. An Emanation uses the grid's distance rule instead (count squares, a diagonal step costs
one square, as movement and ranges do on the grid), so it is the square ring of squares within its
distance. Walls block: a square is left out when every line from the origin to it (its centre and
four points near its corners) passes through a wall square, as the glossary's total-cover rule says.

Directions are degrees clockwise from east on the map (0 east, 90 south, 180 west, 270 north),
because the map's ``y`` axis points down.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

AreaShape = Literal["cone", "cube", "cylinder", "emanation", "line", "sphere"]
AREA_SHAPES: tuple[AreaShape, ...] = ("cone", "cube", "cylinder", "emanation", "line", "sphere")
FEET_PER_SQUARE = 5
HALF = 0.5
CIRCLE_SAMPLES = 16

Point = tuple[float, float]
Square = tuple[int, int]


@dataclass(frozen=True)
class AreaOfEffect:
    """One area. ``size_ft`` is the cone's or line's length, the cube's side, the sphere's or
    cylinder's radius, or the emanation's distance. For an emanation ``origin`` is the top-left
    square of the creature's space and ``creature_squares`` its side (1 Medium, 2 Large, ...)."""

    shape: AreaShape
    origin: Point
    size_ft: int
    direction_deg: float = 0.0
    width_ft: int = 5
    creature_squares: int = 1
    include_origin: bool = False

    def outline(self) -> tuple[Point, ...] | None:
        """The polygon in grid units (cone, cube, line), or ``None`` for round and grid shapes."""
        length = self.size_ft / FEET_PER_SQUARE
        ox, oy = self.origin
        angle = math.radians(self.direction_deg)
        ux, uy = math.cos(angle), math.sin(angle)
        vx, vy = -uy, ux
        if self.shape == "cone":
            half = length / 2
            return (
                (ox, oy),
                (ox + length * ux + half * vx, oy + length * uy + half * vy),
                (ox + length * ux - half * vx, oy + length * uy - half * vy),
            )
        if self.shape in ("cube", "line"):
            half = (length if self.shape == "cube" else self.width_ft / FEET_PER_SQUARE) / 2
            return (
                (ox + half * vx, oy + half * vy),
                (ox + length * ux + half * vx, oy + length * uy + half * vy),
                (ox + length * ux - half * vx, oy + length * uy - half * vy),
                (ox - half * vx, oy - half * vy),
            )
        return None

    def radius(self) -> float:
        return self.size_ft / FEET_PER_SQUARE


def _clip(polygon: list[Point], inside: Callable[[Point], bool], cut: Callable[[Point, Point], Point]) -> list[Point]:
    result: list[Point] = []
    for index, current in enumerate(polygon):
        previous = polygon[index - 1]
        if inside(current):
            if not inside(previous):
                result.append(cut(previous, current))
            result.append(current)
        elif inside(previous):
            result.append(cut(previous, current))
    return result


def _cut_x(value: float) -> Callable[[Point, Point], Point]:
    def cut(a: Point, b: Point) -> Point:
        t = (value - a[0]) / (b[0] - a[0])
        return (value, a[1] + t * (b[1] - a[1]))

    return cut


def _cut_y(value: float) -> Callable[[Point, Point], Point]:
    def cut(a: Point, b: Point) -> Point:
        t = (value - a[1]) / (b[1] - a[1])
        return (a[0] + t * (b[0] - a[0]), value)

    return cut


def _area(polygon: list[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True))) / 2


def polygon_coverage(polygon: tuple[Point, ...], square: Square) -> float:
    """Exact fraction of ``square`` inside the convex ``polygon`` (Sutherland-Hodgman clipping)."""
    x0, y0 = square
    clipped = list(polygon)
    for inside, cut in (
        (lambda p: p[0] >= x0, _cut_x(x0)),
        (lambda p: p[0] <= x0 + 1, _cut_x(x0 + 1)),
        (lambda p: p[1] >= y0, _cut_y(y0)),
        (lambda p: p[1] <= y0 + 1, _cut_y(y0 + 1)),
    ):
        if not clipped:
            return 0.0
        clipped = _clip(clipped, inside, cut)
    return _area(clipped) if len(clipped) >= 3 else 0.0


def circle_coverage(center: Point, radius: float, square: Square) -> float:
    """Fraction of ``square`` inside the circle, sampled on a lattice of sub-square centres."""
    cx, cy = center
    x0, y0 = square
    step = 1 / CIRCLE_SAMPLES
    r2 = radius * radius + 1e-9
    inside = 0
    for i in range(CIRCLE_SAMPLES):
        dx = x0 + (i + 0.5) * step - cx
        for j in range(CIRCLE_SAMPLES):
            dy = y0 + (j + 0.5) * step - cy
            if dx * dx + dy * dy <= r2:
                inside += 1
    return inside / (CIRCLE_SAMPLES * CIRCLE_SAMPLES)


def _bounds(points: list[Point]) -> tuple[int, int, int, int]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return math.floor(min(xs)), math.floor(min(ys)), math.ceil(max(xs)), math.ceil(max(ys))


def covered_squares(area: AreaOfEffect) -> list[Square]:
    """Every square the area covers, on an unbounded open grid, sorted by ``(y, x)``."""
    found: list[Square] = []
    if area.shape == "emanation":
        n = area.size_ft // FEET_PER_SQUARE
        sx, sy = math.floor(area.origin[0]), math.floor(area.origin[1])
        k = area.creature_squares
        for y in range(sy - n, sy + k + n):
            for x in range(sx - n, sx + k + n):
                in_space = sx <= x < sx + k and sy <= y < sy + k
                if not in_space or area.include_origin:
                    found.append((x, y))
        return sorted(found, key=lambda s: (s[1], s[0]))
    outline = area.outline()
    if outline is not None:
        x0, y0, x1, y1 = _bounds(list(outline))
        for y in range(y0, y1):
            for x in range(x0, x1):
                if polygon_coverage(outline, (x, y)) >= HALF - 1e-9:
                    found.append((x, y))
    else:
        r = area.radius()
        ox, oy = area.origin
        for y in range(math.floor(oy - r), math.ceil(oy + r)):
            for x in range(math.floor(ox - r), math.ceil(ox + r)):
                if circle_coverage(area.origin, r, (x, y)) >= HALF:
                    found.append((x, y))
    return sorted(found, key=lambda s: (s[1], s[0]))


def _line_clear(start: Point, end: Point, is_wall: Callable[[int, int], bool], target: Square) -> bool:
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    steps = max(1, math.ceil(length / 0.1))
    for i in range(1, steps):
        t = i / steps
        x = start[0] + (end[0] - start[0]) * t
        y = start[1] + (end[1] - start[1]) * t
        cell = (math.floor(x), math.floor(y))
        if cell != target and is_wall(*cell):
            return False
    return True


def squares_on_map(area: AreaOfEffect, width: int, height: int, is_wall: Callable[[int, int], bool]) -> list[Square]:
    """:func:`covered_squares` limited to the map, without wall squares and squares behind walls."""
    if area.shape == "emanation":
        k = area.creature_squares
        origin = (math.floor(area.origin[0]) + k / 2, math.floor(area.origin[1]) + k / 2)
    else:
        origin = area.origin
    kept: list[Square] = []
    for x, y in covered_squares(area):
        if not (0 <= x < width and 0 <= y < height) or is_wall(x, y):
            continue
        probes = ((x + 0.5, y + 0.5), (x + 0.1, y + 0.1), (x + 0.9, y + 0.1), (x + 0.1, y + 0.9), (x + 0.9, y + 0.9))
        if any(_line_clear(origin, probe, is_wall, (x, y)) for probe in probes):
            kept.append((x, y))
    return kept
