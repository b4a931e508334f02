"""Wilderness: value-noise terrain (water, shallows, woods, boulders, open ground), a road from edge
to edge, and clearings joined to the road."""

from __future__ import annotations

import math
import random

from image_service.maps.layout import (
    GROUND,
    PASSABLE,
    ROAD,
    ROCK,
    SHALLOWS,
    TREES,
    WATER,
    Cell,
    MapLayout,
    Room,
    SpawnPoint,
)


def value_noise(width: int, height: int, scale: float, rng: random.Random) -> list[list[float]]:
    """Smooth noise in [0, 1]: random values on a lattice every ``scale`` cells, smoothstep-blended,
    with a second octave at twice the frequency for detail."""
    field = [[0.0] * width for _ in range(height)]
    for octave, weight in ((scale, 0.7), (scale / 2, 0.3)):
        step = max(1.0, octave)
        lattice_w = int(width / step) + 2
        lattice_h = int(height / step) + 2
        lattice = [[rng.random() for _ in range(lattice_w)] for _ in range(lattice_h)]
        for y in range(height):
            fy = y / step
            iy = int(fy)
            ty = fy - iy
            ty = ty * ty * (3 - 2 * ty)
            row_a, row_b = lattice[iy], lattice[iy + 1]
            out = field[y]
            for x in range(width):
                fx = x / step
                ix = int(fx)
                tx = fx - ix
                tx = tx * tx * (3 - 2 * tx)
                top = row_a[ix] + (row_a[ix + 1] - row_a[ix]) * tx
                bottom = row_b[ix] + (row_b[ix + 1] - row_b[ix]) * tx
                out[x] += weight * (top + (bottom - top) * ty)
    return field


def _terrain(elevation: float, moisture: float) -> str:
    if elevation < 0.30:
        return WATER
    if elevation < 0.36:
        return SHALLOWS
    if elevation > 0.76:
        return ROCK
    if moisture > 0.56:
        return TREES
    return GROUND


def _carve_path(cells: list[list[str]], start: Cell, end: Cell, code: str, keep: frozenset[str]) -> None:
    """A straight-ish orthogonal path; cells whose terrain is in ``keep`` stay as they are, deep water
    becomes a ford (shallows) unless the path is the road."""
    x, y = start
    ex, ey = end
    while True:
        current = cells[y][x]
        if current not in keep:
            cells[y][x] = code if (code == ROAD or current != WATER) else SHALLOWS
        if (x, y) == (ex, ey):
            break
        dx, dy = ex - x, ey - y
        if abs(dx) >= abs(dy):
            x += 1 if dx > 0 else -1
        else:
            y += 1 if dy > 0 else -1


def generate_wilderness(width: int, height: int, seed: int, rng: random.Random) -> MapLayout:
    """Open country; the road and every clearing are connected, the rest is as the land lies."""
    scale = max(4.0, min(width, height) / 4)
    elevation = value_noise(width, height, scale, rng)
    moisture = value_noise(width, height, scale * 0.8, rng)
    cells = [[_terrain(elevation[y][x], moisture[y][x]) for x in range(width)] for y in range(height)]

    # The road: left edge to right edge, drifting up and down, two squares wide where the map allows.
    y = rng.randint(height // 3, max(height // 3, 2 * height // 3))
    drift = 0
    road: list[Cell] = []
    for x in range(width):
        if rng.random() < 0.35:
            drift = max(-1, min(1, drift + rng.choice((-1, 1))))
        new_y = max(1, min(height - 2, y + drift)) if x > 0 else y
        for cy in range(min(y, new_y), max(y, new_y) + 1):
            cells[cy][x] = ROAD
            road.append((x, cy))
        y = new_y
        if height >= 16 and y + 1 < height - 1:
            cells[y + 1][x] = ROAD

    # Clearings off the road, each joined to it by a trail.
    rooms: list[Room] = []
    count = max(2, min(6, (width * height) // 400))
    for index in range(count):
        radius = rng.randint(2, max(2, min(5, min(width, height) // 6)))
        cx = rng.randint(radius + 1, width - radius - 2)
        cy = rng.randint(radius + 1, height - radius - 2)
        area: set[Cell] = set()
        for yy in range(cy - radius, cy + radius + 1):
            for xx in range(cx - radius, cx + radius + 1):
                if math.hypot(xx - cx, yy - cy) <= radius + 0.3:
                    if cells[yy][xx] != ROAD:
                        cells[yy][xx] = GROUND
                    area.add((xx, yy))
        nearest = min(road, key=lambda c: (abs(c[0] - cx) + abs(c[1] - cy), c))
        _carve_path(cells, (cx, cy), nearest, GROUND, frozenset({ROAD, GROUND, SHALLOWS, TREES}))
        xs = [c[0] for c in area]
        ys = [c[1] for c in area]
        rooms.append(
            Room(
                index + 1,
                f"Clearing {index + 1}",
                min(xs),
                min(ys),
                max(xs) - min(xs) + 1,
                max(ys) - min(ys) + 1,
                (cx, cy),
                len(area),
            )
        )

    layout = MapLayout("wilderness", width, height, seed, cells, rooms=rooms)
    start = road[0]
    layout.spawn_points.append(SpawnPoint(start[0], start[1], "party", None))
    end = road[-1]
    layout.spawn_points.append(SpawnPoint(end[0], end[1], "hostile", None))
    for room in rooms[:3]:
        layout.spawn_points.append(SpawnPoint(room.anchor[0], room.anchor[1], "hostile", room.id))
    assert all(layout.at(s.x, s.y) in PASSABLE for s in layout.spawn_points)
    return layout
