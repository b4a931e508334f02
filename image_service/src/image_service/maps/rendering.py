"""Turn a :class:`MapLayout` plus :class:`Overlays` into a :class:`Scene` (grid units, one unit per
square), then into PNG bytes or SVG text with the shared backends."""

from __future__ import annotations

import math
import random

from image_service.drawing.png import png_bytes, render_png
from image_service.drawing.scene import Circle, Color, Polygon, Polyline, Primitive, Rect, Scene, Style, Text
from image_service.drawing.svg import render_svg
from image_service.maps.areas import squares_on_map
from image_service.maps.layout import DOOR, FLOOR, GROUND, ROAD, ROCK, SHALLOWS, TREES, WALL, WATER, MapLayout
from image_service.maps.overlays import SPACE_SQUARES, Overlays
from image_service.maps.themes import PALETTES, MapPalette, MapTheme

AREA_COLORS: tuple[Color, ...] = ((236, 112, 20), (170, 60, 220), (30, 150, 230), (220, 40, 60), (40, 170, 90))
TOKEN_COLORS: dict[str, Color] = {"character": (40, 96, 200), "npc": (214, 170, 40), "hostile": (196, 40, 40)}
FURNITURE_STYLE: dict[str, str] = {
    "table": "wood",
    "bar": "wood",
    "bed": "cloth",
    "chair": "wood",
    "keg": "barrel",
    "barrel": "barrel",
    "crate": "crate",
    "hearth": "fire",
    "stove": "fire",
}


def default_scale(width: int, height: int) -> int:
    """Pixels per square: large enough to read, the whole map within about 1600 px."""
    return max(10, min(48, 1600 // max(width, height)))


def _terrain_fill(code: str, palette: MapPalette) -> Color:
    return {
        FLOOR: palette.floor,
        DOOR: palette.floor,
        GROUND: palette.ground,
        ROAD: palette.road,
        TREES: palette.trees,
        WATER: palette.water,
        SHALLOWS: palette.shallows,
        ROCK: palette.ground,
    }.get(code, palette.rock)


def _terrain_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    width, height = layout.width, layout.height
    cells = layout.cells

    def fill_of(x: int, y: int) -> Color:
        code = cells[y][x]
        if code != WALL:
            return _terrain_fill(code, palette)
        for ny in range(max(0, y - 1), min(height, y + 2)):
            for nx in range(max(0, x - 1), min(width, x + 2)):
                if cells[ny][nx] != WALL:
                    return palette.wall
        return palette.rock

    for y in range(height):
        run_start = 0
        run_fill = fill_of(0, y)
        for x in range(1, width + 1):
            fill = fill_of(x, y) if x < width else None
            if fill != run_fill:
                out.append(Rect(run_start, y, x - run_start, 1, Style(fill=run_fill)))
                run_start = x
                if fill is not None:
                    run_fill = fill


def _details_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    """Trees, boulders, ripples and floor flagstones, placed deterministically from the map's seed."""
    rng = random.Random(f"details:{layout.seed}")
    for y, row in enumerate(layout.cells):
        for x, code in enumerate(row):
            roll = rng.random()
            if code == TREES:
                ox, oy = rng.uniform(-0.12, 0.12), rng.uniform(-0.12, 0.12)
                out.append(Circle(x + 0.5 + ox, y + 0.5 + oy, 0.46, Style(palette.tree_crown, palette.wall_line, 0.04)))
                out.append(Circle(x + 0.4 + ox, y + 0.4 + oy, 0.16, Style(palette.trees, None, 0, 0.8)))
            elif code == ROCK:
                points = tuple(
                    (
                        x + 0.5 + 0.4 * math.cos(a) * rng.uniform(0.75, 1.0),
                        y + 0.5 + 0.4 * math.sin(a) * rng.uniform(0.75, 1.0),
                    )
                    for a in (i * math.tau / 7 for i in range(7))
                )
                out.append(Polygon(points, Style(palette.boulder, palette.wall_line, 0.05)))
            elif code in (WATER, SHALLOWS) and roll < 0.35:
                yy = y + rng.uniform(0.3, 0.7)
                out.append(
                    Polyline(
                        ((x + 0.15, yy), (x + 0.35, yy - 0.08), (x + 0.55, yy), (x + 0.75, yy - 0.08)),
                        Style(None, (235, 245, 255), 0.05, 0.6),
                    )
                )
            elif code == GROUND and roll < 0.08:
                out.append(Circle(x + rng.random(), y + rng.random(), 0.06, Style(palette.trees, None, 0, 0.9)))


def _walls_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    for segment in layout.wall_segments():
        out.append(Polyline(((segment.x1, segment.y1), (segment.x2, segment.y2)), Style(None, palette.wall_line, 0.12)))


def _doors_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    for door in layout.doors:
        if door.orientation == "horizontal":
            rect = Rect(door.x + 0.1, door.y + 0.33, 0.8, 0.34, Style(palette.door, palette.wall_line, 0.06))
        else:
            rect = Rect(door.x + 0.33, door.y + 0.1, 0.34, 0.8, Style(palette.door, palette.wall_line, 0.06))
        out.append(rect)


def _furniture_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    for item in layout.furniture:
        style = FURNITURE_STYLE.get(item.kind, "wood")
        x, y, w, h = item.x, item.y, item.width, item.height
        if style == "barrel":
            out.append(Circle(x + 0.5, y + 0.5, 0.38, Style((150, 100, 56), palette.wall_line, 0.06)))
            out.append(Circle(x + 0.5, y + 0.5, 0.2, Style(None, palette.wall_line, 0.04)))
        elif style == "crate":
            out.append(Rect(x + 0.1, y + 0.1, 0.8, 0.8, Style((176, 132, 80), palette.wall_line, 0.06)))
            out.append(Polyline(((x + 0.1, y + 0.1), (x + 0.9, y + 0.9)), Style(None, palette.wall_line, 0.04)))
            out.append(Polyline(((x + 0.9, y + 0.1), (x + 0.1, y + 0.9)), Style(None, palette.wall_line, 0.04)))
        elif style == "fire":
            out.append(Rect(x + 0.05, y + 0.05, w - 0.1, h - 0.1, Style((90, 80, 76), palette.wall_line, 0.06)))
            out.append(Circle(x + w / 2, y + h / 2, min(w, h) * 0.3, Style((240, 120, 30), (255, 210, 80), 0.05)))
        elif style == "cloth":
            out.append(Rect(x + 0.1, y + 0.05, w - 0.2, h - 0.1, Style((150, 60, 60), palette.wall_line, 0.06)))
            out.append(Rect(x + 0.2, y + 0.12, w - 0.4, 0.35, Style((236, 230, 220), None, 0)))
        elif item.kind == "chair":
            out.append(Rect(x + 0.3, y + 0.3, 0.4, 0.4, Style(palette.wood, palette.wall_line, 0.04)))
        else:
            out.append(Rect(x + 0.08, y + 0.12, w - 0.16, h - 0.24, Style(palette.wood, palette.wall_line, 0.06)))


def _labels_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    for room in layout.rooms:
        ax, ay = room.anchor
        text = room.name if layout.kind == "tavern" else str(room.id)
        out.append(Text(ax + 0.5, ay + 0.5, text, 0.55 if layout.kind != "tavern" else 0.6, palette.label))


def _grid_layer(layout: MapLayout, palette: MapPalette, out: list[Primitive]) -> None:
    style = Style(None, palette.grid, 0.03, 0.35)
    for x in range(1, layout.width):
        out.append(Polyline(((x, 0), (x, layout.height)), style))
    for y in range(1, layout.height):
        out.append(Polyline(((0, y), (layout.width, y)), style))


def _areas_layer(layout: MapLayout, overlays: Overlays, out: list[Primitive]) -> None:
    def is_wall(x: int, y: int) -> bool:
        return layout.in_bounds(x, y) and layout.at(x, y) == WALL

    for index, area in enumerate(overlays.areas):
        color = AREA_COLORS[index % len(AREA_COLORS)]
        for x, y in squares_on_map(area, layout.width, layout.height, is_wall):
            out.append(Rect(x, y, 1, 1, Style(color, None, 0, 0.38)))
        outline = area.outline()
        if outline is not None:
            out.append(Polygon(outline, Style(None, color, 0.08)))
        elif area.shape in ("sphere", "cylinder"):
            out.append(Circle(area.origin[0], area.origin[1], area.radius(), Style(None, color, 0.08)))
        if area.shape != "emanation":
            out.append(Circle(area.origin[0], area.origin[1], 0.12, Style(color, (255, 255, 255), 0.04)))


def _tokens_layer(overlays: Overlays, out: list[Primitive]) -> None:
    for token in overlays.tokens:
        side = SPACE_SQUARES[token.size]
        color = TOKEN_COLORS[token.kind]
        cx, cy = token.x + max(side, 1) / 2, token.y + max(side, 1) / 2
        radius = side * 0.42
        out.append(Circle(cx + 0.05, cy + 0.07, radius, Style((0, 0, 0), None, 0, 0.35)))
        out.append(Circle(cx, cy, radius, Style(color, (255, 255, 255), 0.08)))
        initials = "".join(part[0] for part in token.label.split()[:2]).upper() or "?"
        out.append(Text(cx, cy, initials, radius * 0.9, (255, 255, 255), bold=True))


def _spawns_layer(layout: MapLayout, out: list[Primitive]) -> None:
    for spawn in layout.spawn_points:
        color = TOKEN_COLORS["character" if spawn.side == "party" else "hostile"]
        x, y = spawn.x, spawn.y
        out.append(
            Polygon(
                ((x + 0.5, y + 0.15), (x + 0.85, y + 0.8), (x + 0.15, y + 0.8)),
                Style(color, (255, 255, 255), 0.05, 0.8),
            )
        )


def _fog_layer(layout: MapLayout, overlays: Overlays, palette: MapPalette, out: list[Primitive]) -> None:
    revealed = overlays.revealed
    if revealed is None:
        return
    for y in range(layout.height):
        start: int | None = None
        for x in range(layout.width + 1):
            hidden = x < layout.width and (x, y) not in revealed
            if hidden and start is None:
                start = x
            elif not hidden and start is not None:
                out.append(Rect(start, y, x - start, 1, Style(palette.fog)))
                start = None


def build_scene(layout: MapLayout, theme: MapTheme, overlays: Overlays, scale: int | None = None) -> Scene:
    """Everything that will be drawn, in drawing order."""
    palette = PALETTES[theme]
    scene = Scene(
        layout.width,
        layout.height,
        palette.rock,
        scale or default_scale(layout.width, layout.height),
        title=f"{layout.kind} map {layout.width}x{layout.height} (seed {layout.seed})",
    )
    _terrain_layer(layout, palette, scene.layer("terrain"))
    _details_layer(layout, palette, scene.layer("details"))
    _walls_layer(layout, palette, scene.layer("walls"))
    _doors_layer(layout, palette, scene.layer("doors"))
    _furniture_layer(layout, palette, scene.layer("furniture"))
    _labels_layer(layout, palette, scene.layer("labels"))
    if overlays.grid:
        _grid_layer(layout, palette, scene.layer("grid"))
    if overlays.areas:
        _areas_layer(layout, overlays, scene.layer("areas"))
    if overlays.show_spawn_points:
        _spawns_layer(layout, scene.layer("spawn-points"))
    if overlays.tokens:
        _tokens_layer(overlays, scene.layer("tokens"))
    _fog_layer(layout, overlays, palette, scene.layer("fog"))
    return scene


def map_png(layout: MapLayout, theme: MapTheme, overlays: Overlays, scale: int | None = None) -> tuple[bytes, int, int]:
    """PNG bytes and pixel dimensions."""
    image = render_png(build_scene(layout, theme, overlays, scale))
    return png_bytes(image), image.width, image.height


def map_svg(layout: MapLayout, theme: MapTheme, overlays: Overlays, scale: int | None = None) -> tuple[bytes, int, int]:
    """SVG bytes and nominal pixel dimensions."""
    scene = build_scene(layout, theme, overlays, scale)
    return render_svg(scene).encode(), round(scene.width * scene.scale), round(scene.height * scene.scale)
