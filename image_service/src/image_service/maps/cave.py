"""Caves: cellular automata (the 4-5 rule) on random rock, small pockets filled, caverns tunnelled together."""

from __future__ import annotations

import random

from image_service.maps.layout import FLOOR, WALL, Cell, MapLayout, place_spawn_points, regions, room_from_cells

INITIAL_ROCK = 0.48
SMOOTHING_STEPS = 5
MIN_CAVERN = 8


def _smooth(cells: list[list[str]], width: int, height: int) -> list[list[str]]:
    result = [[WALL] * width for _ in range(height)]
    for y in range(1, height - 1):
        above, row, below = cells[y - 1], cells[y], cells[y + 1]
        for x in range(1, width - 1):
            rock = 0
            for line in (above, row, below):
                rock += (line[x - 1] == WALL) + (line[x] == WALL) + (line[x + 1] == WALL)
            result[y][x] = WALL if rock >= 5 else FLOOR
    return result


def _tunnel(cells: list[list[str]], start: Cell, end: Cell, rng: random.Random) -> None:
    """A wandering orthogonal tunnel that always closes the distance to ``end``."""
    x, y = start
    ex, ey = end
    height, width = len(cells), len(cells[0])
    while (x, y) != (ex, ey):
        if x != ex and (y == ey or rng.random() < 0.5):
            x += 1 if ex > x else -1
        else:
            y += 1 if ey > y else -1
        cells[y][x] = FLOOR
        # Widen now and then so tunnels read as cave passages, never touching the border.
        if rng.random() < 0.3:
            wx, wy = x + rng.choice((-1, 1)), y + rng.choice((-1, 1))
            if 1 <= wx < width - 1 and 1 <= wy < height - 1:
                cells[wy][wx] = FLOOR


def _closest_pair(a: list[Cell], b: list[Cell]) -> tuple[Cell, Cell]:
    return min(((p, q) for p in a for q in b), key=lambda pq: (abs(pq[0][0] - pq[1][0]) + abs(pq[0][1] - pq[1][1]), pq))


def generate_cave(width: int, height: int, seed: int, rng: random.Random) -> MapLayout:
    """Organic caverns; every open cell belongs to one connected cave system."""
    cells = [
        [
            WALL if x in (0, width - 1) or y in (0, height - 1) or rng.random() < INITIAL_ROCK else FLOOR
            for x in range(width)
        ]
        for y in range(height)
    ]
    for _ in range(SMOOTHING_STEPS):
        cells = _smooth(cells, width, height)
    open_cells = {(x, y) for y in range(height) for x in range(width) if cells[y][x] == FLOOR}
    caverns = [region for region in regions(open_cells) if len(region) >= MIN_CAVERN]
    for region in regions(open_cells):
        if len(region) < MIN_CAVERN:
            for x, y in region:
                cells[y][x] = WALL
    if not caverns:
        cx, cy = width // 2, height // 2
        blob = {
            (x, y)
            for y in range(cy - 2, cy + 3)
            for x in range(cx - 2, cx + 3)
            if 1 <= x < width - 1 and 1 <= y < height - 1
        }
        for x, y in blob:
            cells[y][x] = FLOOR
        caverns = [blob]
    # Join every cavern to the growing connected system, nearest first.
    joined = [sorted(caverns[0])]
    pending = [sorted(region) for region in caverns[1:]]
    while pending:
        sample_joined = [cell for part in joined for cell in part[:: max(1, len(part) // 40)]]
        best_index, best_pair = 0, None
        best_distance = None
        for index, candidate in enumerate(pending):
            pair = _closest_pair(candidate[:: max(1, len(candidate) // 40)], sample_joined)
            distance = abs(pair[0][0] - pair[1][0]) + abs(pair[0][1] - pair[1][1])
            if best_distance is None or distance < best_distance:
                best_index, best_pair, best_distance = index, pair, distance
        assert best_pair is not None
        _tunnel(cells, best_pair[0], best_pair[1], rng)
        joined.append(pending.pop(best_index))
    caverns.sort(key=lambda region: (min(region)[1] // 8, min(region)[0]))
    rooms = [room_from_cells(index + 1, f"Cavern {index + 1}", region) for index, region in enumerate(caverns)]
    layout = MapLayout("cave", width, height, seed, cells, rooms=rooms)
    place_spawn_points(layout)
    return layout
