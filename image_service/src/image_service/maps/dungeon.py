"""Dungeons: rectangular rooms joined by corridors along a spanning tree plus a few loops."""

from __future__ import annotations

import random

from image_service.maps.layout import DOOR, FLOOR, WALL, Cell, Door, MapLayout, Room, place_spawn_points

MIN_ROOM = 3


def _room_limits(width: int, height: int) -> tuple[int, int]:
    return max(MIN_ROOM, min(11, (width - 4) // 3)), max(MIN_ROOM, min(9, (height - 4) // 3))


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int], margin: int) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return not (ax + aw + margin <= bx or bx + bw + margin <= ax or ay + ah + margin <= by or by + bh + margin <= ay)


def _place_rooms(width: int, height: int, rng: random.Random) -> list[tuple[int, int, int, int]]:
    max_w, max_h = _room_limits(width, height)
    target = max(2, min(40, (width * height) // 110))
    placed: list[tuple[int, int, int, int]] = []
    for _ in range(target * 30):
        if len(placed) >= target:
            break
        w = rng.randint(MIN_ROOM, max_w)
        h = rng.randint(MIN_ROOM, max_h)
        if w > width - 2 or h > height - 2:
            continue
        x = rng.randint(1, width - w - 1)
        y = rng.randint(1, height - h - 1)
        candidate = (x, y, w, h)
        # Three cells between rooms: a wall for each and a corridor between, so doors never stack.
        if all(not _overlaps(candidate, other, 3) for other in placed):
            placed.append(candidate)
    if not placed:
        w, h = min(max_w, width - 2), min(max_h, height - 2)
        placed.append(((width - w) // 2, (height - h) // 2, w, h))
    return placed


def _center(room: tuple[int, int, int, int]) -> Cell:
    x, y, w, h = room
    return (x + w // 2, y + h // 2)


def _spanning_edges(centers: list[Cell], rng: random.Random) -> list[tuple[int, int]]:
    """Prim's minimum spanning tree over room centres, plus about one extra edge per six rooms."""

    def dist(i: int, j: int) -> int:
        return abs(centers[i][0] - centers[j][0]) + abs(centers[i][1] - centers[j][1])

    n = len(centers)
    in_tree = {0}
    edges: list[tuple[int, int]] = []
    while len(in_tree) < n:
        i, j = min(
            ((a, b) for a in in_tree for b in range(n) if b not in in_tree),
            key=lambda pair: (dist(*pair), pair),
        )
        in_tree.add(j)
        edges.append((i, j))
    extra = n // 6
    candidates = [(a, b) for a in range(n) for b in range(a + 1, n) if (a, b) not in edges and (b, a) not in edges]
    candidates.sort(key=lambda pair: (dist(*pair), pair))
    for pair in candidates[: max(0, extra * 3)]:
        if extra <= 0:
            break
        if rng.random() < 0.5:
            edges.append(pair)
            extra -= 1
    return edges


def _carve_corridor(cells: list[list[str]], start: Cell, end: Cell, horizontal_first: bool) -> None:
    (x1, y1), (x2, y2) = start, end
    corner = (x2, y1) if horizontal_first else (x1, y2)
    for (ax, ay), (bx, by) in ((start, corner), (corner, end)):
        for x in range(min(ax, bx), max(ax, bx) + 1):
            for y in range(min(ay, by), max(ay, by) + 1):
                cells[y][x] = FLOOR


def _doors(cells: list[list[str]], rooms: list[tuple[int, int, int, int]]) -> list[Door]:
    """A door where a one-cell corridor crosses the wall ring of a room."""
    doors: dict[Cell, Door] = {}
    for x, y, w, h in rooms:
        for cx in range(x, x + w):
            for cy in (y - 1, y + h):
                if cells[cy][cx] == FLOOR and cells[cy][cx - 1] == WALL and cells[cy][cx + 1] == WALL:
                    doors[(cx, cy)] = Door(cx, cy, "horizontal")
        for cy in range(y, y + h):
            for cx in (x - 1, x + w):
                if cells[cy][cx] == FLOOR and cells[cy - 1][cx] == WALL and cells[cy + 1][cx] == WALL:
                    doors[(cx, cy)] = Door(cx, cy, "vertical")
    for cx, cy in doors:
        cells[cy][cx] = DOOR
    return [doors[cell] for cell in sorted(doors, key=lambda c: (c[1], c[0]))]


def generate_dungeon(width: int, height: int, seed: int, rng: random.Random) -> MapLayout:
    """Rooms and corridors inside a solid rock mass (the border is always rock)."""
    cells = [[WALL] * width for _ in range(height)]
    boxes = _place_rooms(width, height, rng)
    # Rooms numbered roughly left-to-right, top-to-bottom so the key reads naturally.
    boxes.sort(key=lambda box: (box[1] // 8, box[0]))
    for x, y, w, h in boxes:
        for cy in range(y, y + h):
            for cx in range(x, x + w):
                cells[cy][cx] = FLOOR
    centers = [_center(box) for box in boxes]
    for i, j in _spanning_edges(centers, rng):
        _carve_corridor(cells, centers[i], centers[j], rng.random() < 0.5)
    doors = _doors(cells, boxes)
    rooms = [
        Room(index + 1, f"Room {index + 1}", x, y, w, h, _center((x, y, w, h)), w * h)
        for index, (x, y, w, h) in enumerate(boxes)
    ]
    layout = MapLayout("dungeon", width, height, seed, cells, rooms=rooms, doors=doors)
    place_spawn_points(layout)
    return layout
