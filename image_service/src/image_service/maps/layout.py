"""The tactical map as data: a grid of terrain codes plus rooms, doors, furniture and spawn points.

One cell is one 5-ft square. Coordinates are ``(x, y)`` with ``x`` to the right and ``y`` down;
cell ``(x, y)`` spans ``[x, x + 1] x [y, y + 1]`` in grid units. This is what clients render
themselves (the JSON description) and what the PNG and SVG renderers draw.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

MapKind = Literal["dungeon", "cave", "tavern", "wilderness"]
MAP_KINDS: tuple[MapKind, ...] = ("dungeon", "cave", "tavern", "wilderness")

WALL = "#"
FLOOR = "."
DOOR = "+"
GROUND = ","
TREES = "T"
WATER = "~"
SHALLOWS = "w"
ROCK = "^"
ROAD = "="

#: Every terrain code, what it means, and how it plays (difficult terrain costs double to enter).
TERRAIN: dict[str, dict[str, Any]] = {
    WALL: {"name": "wall", "passable": False, "difficult": False},
    FLOOR: {"name": "floor", "passable": True, "difficult": False},
    DOOR: {"name": "door", "passable": True, "difficult": False},
    GROUND: {"name": "ground", "passable": True, "difficult": False},
    TREES: {"name": "trees", "passable": True, "difficult": True},
    WATER: {"name": "deep water", "passable": False, "difficult": False},
    SHALLOWS: {"name": "shallow water", "passable": True, "difficult": True},
    ROCK: {"name": "boulders", "passable": False, "difficult": False},
    ROAD: {"name": "road", "passable": True, "difficult": False},
}
PASSABLE = frozenset(code for code, info in TERRAIN.items() if info["passable"])

Cell = tuple[int, int]


@dataclass(frozen=True)
class Room:
    """A room (dungeon, tavern), a cavern (cave) or a clearing (wilderness).

    ``x, y, width, height`` is the bounding box of its floor; ``anchor`` is one of its floor cells.
    """

    id: int
    name: str
    x: int
    y: int
    width: int
    height: int
    anchor: Cell
    area: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "x": self.x,
            "y": self.y,
            "width": self.width,
            "height": self.height,
            "anchor": list(self.anchor),
            "area_squares": self.area,
        }


@dataclass(frozen=True)
class Door:
    x: int
    y: int
    #: ``horizontal``: the door sits in a wall running left-right (you pass it moving up or down).
    orientation: Literal["horizontal", "vertical"]

    def to_dict(self) -> dict[str, Any]:
        return {"x": self.x, "y": self.y, "orientation": self.orientation}


@dataclass(frozen=True)
class Furniture:
    kind: str
    x: int
    y: int
    width: int = 1
    height: int = 1
    blocking: bool = True

    def cells(self) -> Iterator[Cell]:
        for dy in range(self.height):
            for dx in range(self.width):
                yield (self.x + dx, self.y + dy)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "x": self.x,
            "y": self.y,
            "width": self.width,
            "height": self.height,
            "blocking": self.blocking,
        }


@dataclass(frozen=True)
class SpawnPoint:
    x: int
    y: int
    side: Literal["party", "hostile"]
    room_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return {"x": self.x, "y": self.y, "side": self.side, "room_id": self.room_id}


@dataclass(frozen=True)
class WallSegment:
    """A straight piece of wall along grid lines, from ``(x1, y1)`` to ``(x2, y2)`` (grid units)."""

    x1: int
    y1: int
    x2: int
    y2: int

    def to_dict(self) -> dict[str, int]:
        return {"x1": self.x1, "y1": self.y1, "x2": self.x2, "y2": self.y2}


@dataclass
class MapLayout:
    """A generated map. ``cells[y][x]`` is a terrain code from :data:`TERRAIN`."""

    kind: MapKind
    width: int
    height: int
    seed: int
    cells: list[list[str]]
    rooms: list[Room] = field(default_factory=list)
    doors: list[Door] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    spawn_points: list[SpawnPoint] = field(default_factory=list)

    def at(self, x: int, y: int) -> str:
        return self.cells[y][x]

    def in_bounds(self, x: int, y: int) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height

    def blocked_by_furniture(self) -> set[Cell]:
        return {cell for item in self.furniture if item.blocking for cell in item.cells()}

    def walkable(self) -> set[Cell]:
        """Cells a Medium creature can stand in: passable terrain without blocking furniture."""
        blocked = self.blocked_by_furniture()
        return {
            (x, y)
            for y, row in enumerate(self.cells)
            for x, code in enumerate(row)
            if code in PASSABLE and (x, y) not in blocked
        }

    def rows(self) -> list[str]:
        return ["".join(row) for row in self.cells]

    def wall_segments(self) -> list[WallSegment]:
        """Grid-line edges between a wall cell and a non-wall cell, merged into straight runs.

        Only interior edges count; a map's outer border is not a wall (an enclosed map keeps a
        ring of wall cells inside its border instead)."""
        return merge_edges(wall_edges(self.cells))

    def to_dict(self) -> dict[str, Any]:
        """The JSON description clients render themselves."""
        return {
            "kind": self.kind,
            "width": self.width,
            "height": self.height,
            "seed": self.seed,
            "square_feet": 5,
            "legend": {code: info for code, info in TERRAIN.items()},
            "grid": self.rows(),
            "walls": [segment.to_dict() for segment in self.wall_segments()],
            "doors": [door.to_dict() for door in self.doors],
            "rooms": [room.to_dict() for room in self.rooms],
            "furniture": [item.to_dict() for item in self.furniture],
            "spawn_points": [spawn.to_dict() for spawn in self.spawn_points],
        }


Edge = tuple[Cell, Cell]


def wall_edges(cells: list[list[str]]) -> list[Edge]:
    """Unit edges (between grid points) separating a wall cell from a non-wall neighbour."""
    height, width = len(cells), len(cells[0])
    edges: list[Edge] = []
    for y in range(height):
        for x in range(width):
            is_wall = cells[y][x] == WALL
            if x + 1 < width and is_wall != (cells[y][x + 1] == WALL):
                edges.append(((x + 1, y), (x + 1, y + 1)))
            if y + 1 < height and is_wall != (cells[y + 1][x] == WALL):
                edges.append(((x, y + 1), (x + 1, y + 1)))
    return edges


def merge_edges(edges: Iterable[Edge]) -> list[WallSegment]:
    """Join collinear, touching unit edges into the longest straight segments."""
    horizontal: dict[int, list[int]] = {}
    vertical: dict[int, list[int]] = {}
    for (x1, y1), (x2, _y2) in edges:
        if x1 == x2:
            vertical.setdefault(x1, []).append(y1)
        else:
            horizontal.setdefault(y1, []).append(x1)
    segments: list[WallSegment] = []
    for y, starts in sorted(horizontal.items()):
        for start, end in _runs(starts):
            segments.append(WallSegment(start, y, end, y))
    for x, starts in sorted(vertical.items()):
        for start, end in _runs(starts):
            segments.append(WallSegment(x, start, x, end))
    return segments


def _runs(starts: list[int]) -> Iterator[tuple[int, int]]:
    ordered = sorted(starts)
    run_start = previous = ordered[0]
    for value in ordered[1:]:
        if value != previous + 1:
            yield run_start, previous + 1
            run_start = value
        previous = value
    yield run_start, previous + 1


def neighbours4(x: int, y: int) -> tuple[Cell, Cell, Cell, Cell]:
    return ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1))


def flood(start: Cell, open_cells: set[Cell]) -> set[Cell]:
    """Cells of ``open_cells`` reachable from ``start`` by orthogonal steps (no squeezing past corners)."""
    if start not in open_cells:
        return set()
    seen = {start}
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        for neighbour in neighbours4(x, y):
            if neighbour in open_cells and neighbour not in seen:
                seen.add(neighbour)
                queue.append(neighbour)
    return seen


def distances_from(start: Cell, open_cells: set[Cell]) -> dict[Cell, int]:
    """Orthogonal step counts from ``start`` to every reachable cell."""
    distance = {start: 0}
    queue = deque([start])
    while queue:
        x, y = queue.popleft()
        for neighbour in neighbours4(x, y):
            if neighbour in open_cells and neighbour not in distance:
                distance[neighbour] = distance[(x, y)] + 1
                queue.append(neighbour)
    return distance


def regions(open_cells: set[Cell]) -> list[set[Cell]]:
    """Connected components of ``open_cells``, largest first (ties by their smallest cell)."""
    remaining = set(open_cells)
    found: list[set[Cell]] = []
    while remaining:
        start = min(remaining)
        component = flood(start, remaining)
        remaining -= component
        found.append(component)
    found.sort(key=lambda component: (-len(component), min(component)))
    return found


def room_from_cells(room_id: int, name: str, cells: set[Cell]) -> Room:
    xs = [x for x, _ in cells]
    ys = [y for _, y in cells]
    cx = sum(xs) / len(xs)
    cy = sum(ys) / len(ys)
    anchor = min(cells, key=lambda c: ((c[0] - cx) ** 2 + (c[1] - cy) ** 2, c))
    return Room(room_id, name, min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1, anchor, len(cells))


def place_spawn_points(layout: MapLayout, hostile_groups: int = 3) -> None:
    """The party starts in the first room; hostiles wait at the farthest reachable square and in the
    farthest other rooms (distances walked orthogonally)."""
    if not layout.rooms:
        return
    start = layout.rooms[0].anchor
    distance = distances_from(start, layout.walkable())
    layout.spawn_points.append(SpawnPoint(start[0], start[1], "party", layout.rooms[0].id))
    far_rooms = sorted(layout.rooms[1:], key=lambda room: (-distance.get(room.anchor, -1), room.id))
    for room in far_rooms[:hostile_groups]:
        layout.spawn_points.append(SpawnPoint(room.anchor[0], room.anchor[1], "hostile", room.id))
    if len(far_rooms) < hostile_groups:
        farthest = max(distance, key=lambda cell: (distance[cell], -cell[1], -cell[0]))
        if farthest != start:
            owner = next(
                (
                    room.id
                    for room in layout.rooms
                    if room.x <= farthest[0] < room.x + room.width and room.y <= farthest[1] < room.y + room.height
                ),
                None,
            )
            layout.spawn_points.append(SpawnPoint(farthest[0], farthest[1], "hostile", owner))


def layout_from_dict(data: dict[str, Any]) -> MapLayout:
    """Rebuild a layout from its JSON description (what :meth:`MapLayout.to_dict` wrote)."""
    return MapLayout(
        kind=data["kind"],
        width=data["width"],
        height=data["height"],
        seed=data["seed"],
        cells=[list(row) for row in data["grid"]],
        rooms=[
            Room(
                r["id"],
                r["name"],
                r["x"],
                r["y"],
                r["width"],
                r["height"],
                (r["anchor"][0], r["anchor"][1]),
                r["area_squares"],
            )
            for r in data["rooms"]
        ],
        doors=[Door(d["x"], d["y"], d["orientation"]) for d in data["doors"]],
        furniture=[
            Furniture(f["kind"], f["x"], f["y"], f["width"], f["height"], f["blocking"]) for f in data["furniture"]
        ],
        spawn_points=[SpawnPoint(s["x"], s["y"], s["side"], s["room_id"]) for s in data["spawn_points"]],
    )
