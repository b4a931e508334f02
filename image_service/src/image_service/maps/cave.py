"""Caves: cellular automata (the 4-5 rule) on random rock, small pockets filled, caverns tunnelled together."""

from __future__ import annotations

import random

from image_service.maps.layout import FLOOR, WALL, Cell, MapLayout, place_spawn_points, regions, room_from_cells

INITIAL_ROCK = 0.48
SMOOTHING_STEPS = 5
MIN_CAVERN = 8


def _smooth(rock: list[list[int]], width: int) -> list[list[int]]:
    """One step of the 4-5 rule on a 0/1 rock grid: a square becomes rock when at least 5 of the 9
    squares around it (itself included) are rock. The border stays rock. Column sums make it fast."""
    result = [[1] * width]
    for above, row, below in zip(rock, rock[1:], rock[2:], strict=False):
        column = [a + b + c for a, b, c in zip(above, row, below, strict=True)]
        sums = [a + b + c for a, b, c in zip(column, column[1:], column[2:], strict=False)]
        result.append([1, *(1 if total >= 5 else 0 for total in sums), 1])
    result.append([1] * width)
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


class _Cavern:
    """A cavern while joining: its centre and up to ~40 of its squares, evenly spread."""

    def __init__(self, region: set[Cell]) -> None:
        ordered = sorted(region)
        self.first = ordered[0]
        self.sample = ordered[:: max(1, len(ordered) // 40)]
        self.cx = sum(x for x, _ in ordered) / len(ordered)
        self.cy = sum(y for _, y in ordered) / len(ordered)

    def distance(self, other: _Cavern) -> float:
        return abs(self.cx - other.cx) + abs(self.cy - other.cy)


def generate_cave(width: int, height: int, seed: int, rng: random.Random) -> MapLayout:
    """Organic caverns; every open cell belongs to one connected cave system."""
    rock = [
        [1 if x in (0, width - 1) or y in (0, height - 1) or rng.random() < INITIAL_ROCK else 0 for x in range(width)]
        for y in range(height)
    ]
    for _ in range(SMOOTHING_STEPS):
        rock = _smooth(rock, width)
    cells = [[WALL if solid else FLOOR for solid in row] for row in rock]
    open_cells = {(x, y) for y in range(height) for x in range(width) if cells[y][x] == FLOOR}
    found = regions(open_cells)
    caverns = [region for region in found if len(region) >= MIN_CAVERN]
    for region in found:
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
    # Join every cavern to the growing connected system: each time the pending cavern whose centre is
    # nearest to a joined cavern's centre, tunnelled between the closest of their sampled squares.
    joined = [_Cavern(caverns[0])]
    pending = [_Cavern(region) for region in caverns[1:]]
    while pending:
        candidate, target = min(
            ((p, j) for p in pending for j in joined), key=lambda pair: (pair[0].distance(pair[1]), pair[0].first)
        )
        start, end = _closest_pair(candidate.sample, target.sample)
        _tunnel(cells, start, end, rng)
        pending.remove(candidate)
        joined.append(candidate)
    caverns.sort(key=lambda region: (min(region)[1] // 8, min(region)[0]))
    rooms = [room_from_cells(index + 1, f"Cavern {index + 1}", region) for index, region in enumerate(caverns)]
    layout = MapLayout("cave", width, height, seed, cells, rooms=rooms)
    place_spawn_points(layout)
    return layout
