"""Taverns: a walled building (common room, kitchen, storeroom, sometimes a snug) with a bar,
hearth, tables and stores, standing on open ground. Furniture never cuts a room off."""

from __future__ import annotations

import random

from image_service.maps.layout import (
    DOOR,
    FLOOR,
    GROUND,
    ROAD,
    TREES,
    WALL,
    Cell,
    Door,
    Furniture,
    MapLayout,
    Room,
    SpawnPoint,
    flood,
)

MIN_WIDTH = 14
MIN_HEIGHT = 12
MAX_BUILDING_WIDTH = 44
MAX_BUILDING_HEIGHT = 32


def _box(cells: list[list[str]], x0: int, y0: int, x1: int, y1: int, code: str) -> None:
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            cells[y][x] = code


class _Builder:
    def __init__(self, layout: MapLayout, rng: random.Random, building: tuple[int, int, int, int]) -> None:
        self.layout = layout
        self.rng = rng
        self.door_cells: set[Cell] = set()
        x0, y0, x1, y1 = building
        self.building = (x0, y0, x1, y1)
        self.walkable: set[Cell] | None = None

    def building_walkable(self) -> set[Cell]:
        if self.walkable is None:
            x0, y0, x1, y1 = self.building
            self.walkable = {
                (x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1) if self.layout.at(x, y) in (FLOOR, DOOR)
            }
        return self.walkable

    def door(self, x: int, y: int, orientation: str) -> None:
        self.layout.cells[y][x] = DOOR
        self.layout.doors.append(Door(x, y, "horizontal" if orientation == "horizontal" else "vertical"))
        self.door_cells.add((x, y))

    def place(self, item: Furniture, anchors: list[Cell]) -> bool:
        """Add ``item`` unless it overlaps something, stands in a doorway's approach, or would cut any
        anchor (room cells, doors) off from the others."""
        layout = self.layout
        taken = {cell for other in layout.furniture for cell in other.cells()}
        for x, y in item.cells():
            if not layout.in_bounds(x, y) or layout.at(x, y) != FLOOR or (x, y) in taken:
                return False
            if any(abs(x - dx) + abs(y - dy) <= 1 for dx, dy in self.door_cells):
                return False
        if item.blocking:
            if any(anchor in set(item.cells()) for anchor in anchors):
                return False
            walkable = self.building_walkable() - set(item.cells())
            if not _ring_stays_connected(walkable, item):
                reached = flood(anchors[0], walkable)
                if not all(anchor in reached for anchor in anchors):
                    return False
            self.walkable = walkable
        layout.furniture.append(item)
        return True


def _ring_stays_connected(walkable: set[Cell], item: Furniture) -> bool:
    """Cheap sufficient test that blocking ``item`` cuts nothing off: the open squares on the ring
    around it form one unbroken run, so everything that touched it still connects around it."""
    x0, y0, x1, y1 = item.x - 1, item.y - 1, item.x + item.width, item.y + item.height
    ring = (
        [(x, y0) for x in range(x0, x1 + 1)]
        + [(x1, y) for y in range(y0 + 1, y1 + 1)]
        + [(x, y1) for x in range(x1 - 1, x0 - 1, -1)]
        + [(x0, y) for y in range(y1 - 1, y0, -1)]
    )
    open_ring = [cell in walkable for cell in ring]
    runs = sum(1 for i, is_open in enumerate(open_ring) if is_open and not open_ring[i - 1])
    return runs <= 1 and any(open_ring)


def generate_tavern(width: int, height: int, seed: int, rng: random.Random) -> MapLayout:
    """A tavern building centred on the map; large maps get a yard and a road to the front door."""
    cells = [[GROUND] * width for _ in range(height)]
    layout = MapLayout("tavern", width, height, seed, cells)
    bw = min(width - 2, MAX_BUILDING_WIDTH)
    bh = min(height - 2, MAX_BUILDING_HEIGHT)
    bx0 = (width - bw) // 2
    by0 = (height - bh) // 2
    bx1, by1 = bx0 + bw - 1, by0 + bh - 1
    builder = _Builder(layout, rng, (bx0, by0, bx1, by1))
    _box(cells, bx0, by0, bx1, by1, WALL)
    _box(cells, bx0 + 1, by0 + 1, bx1 - 1, by1 - 1, FLOOR)

    inner_w = bw - 2
    side_w = max(4, inner_w // 3)
    side_on_left = rng.random() < 0.5
    divider = bx0 + 1 + side_w if side_on_left else bx1 - 1 - side_w
    for y in range(by0 + 1, by1):
        cells[y][divider] = WALL
    common = (divider + 1, by0 + 1, bx1 - 1, by1 - 1) if side_on_left else (bx0 + 1, by0 + 1, divider - 1, by1 - 1)
    side_x0, side_x1 = (bx0 + 1, divider - 1) if side_on_left else (divider + 1, bx1 - 1)

    # Side rooms stacked top to bottom: kitchen, (snug,) storeroom.
    inner_h = bh - 2
    names = ["Kitchen", "Snug", "Storeroom"] if inner_h >= 14 else ["Kitchen", "Storeroom"]
    share = (inner_h - (len(names) - 1)) // len(names)
    side_rooms: list[tuple[str, int, int, int, int]] = []
    y = by0 + 1
    for index, name in enumerate(names):
        last = index == len(names) - 1
        y_end = by1 - 1 if last else y + share - 1
        side_rooms.append((name, side_x0, y, side_x1, y_end))
        if not last:
            for x in range(side_x0, side_x1 + 1):
                cells[y_end + 1][x] = WALL
        y = y_end + 2

    # Doors: each side room opens onto the common room; the front door faces the map's bottom edge.
    for _name, _x0, y0, _x1, y1 in side_rooms:
        builder.door(divider, rng.randint(y0 + (1 if y1 - y0 >= 2 else 0), y1 - (1 if y1 - y0 >= 2 else 0)), "vertical")
    front_x = rng.randint(common[0] + 1, common[2] - 1)
    builder.door(front_x, by1, "horizontal")
    kitchen = side_rooms[0]
    back_x = rng.randint(kitchen[1], kitchen[3])
    builder.door(back_x, by0, "horizontal")
    if by1 + 1 < height:
        for y in range(by1 + 1, height):
            cells[y][front_x] = ROAD
    # A yard around the building on large maps: a few trees, never on the road or against the walls.
    for y in range(height):
        for x in range(width):
            near_building = bx0 - 2 <= x <= bx1 + 2 and by0 - 2 <= y <= by1 + 2
            if not near_building and cells[y][x] == GROUND and rng.random() < 0.05:
                cells[y][x] = TREES

    rooms = [
        Room(
            1,
            "Common room",
            common[0],
            common[1],
            common[2] - common[0] + 1,
            common[3] - common[1] + 1,
            ((common[0] + common[2]) // 2, (common[1] + common[3]) // 2),
            (common[2] - common[0] + 1) * (common[3] - common[1] + 1),
        )
    ]
    for index, (name, x0, y0, x1, y1) in enumerate(side_rooms):
        rooms.append(
            Room(
                index + 2,
                name,
                x0,
                y0,
                x1 - x0 + 1,
                y1 - y0 + 1,
                ((x0 + x1) // 2, (y0 + y1) // 2),
                (x1 - x0 + 1) * (y1 - y0 + 1),
            )
        )
    layout.rooms = rooms
    # Everything inside must stay reachable from the front door (the yard outside is open ground).
    anchors = [(front_x, by1), *sorted(builder.door_cells), *(room.anchor for room in rooms)]

    _furnish_common_room(builder, common, divider, side_on_left, anchors)
    for name, x0, y0, x1, y1 in side_rooms:
        _furnish_side_room(builder, name, (x0, y0, x1, y1), anchors)

    walkable = builder.building_walkable()
    entrance = (front_x, by1 - 1)
    layout.spawn_points.append(_spawn(walkable, entrance, "party", 1))
    seats = [item for item in layout.furniture if item.kind == "chair"]
    rng.shuffle(seats)
    for chair in seats[:3]:
        layout.spawn_points.append(_spawn(walkable, (chair.x, chair.y), "hostile", 1))
    kitchen_room = rooms[1]
    layout.spawn_points.append(_spawn(walkable, kitchen_room.anchor, "hostile", kitchen_room.id))
    return layout


def _spawn(walkable: set[Cell], cell: Cell, side: str, room_id: int) -> SpawnPoint:
    if cell not in walkable:
        cell = min(walkable, key=lambda c: (abs(c[0] - cell[0]) + abs(c[1] - cell[1]), c))
    return SpawnPoint(cell[0], cell[1], "party" if side == "party" else "hostile", room_id)


def _furnish_common_room(
    builder: _Builder, box: tuple[int, int, int, int], divider: int, side_on_left: bool, anchors: list[Cell]
) -> None:
    x0, y0, x1, y1 = box
    rng = builder.rng
    # The bar: a counter one square off the top wall, kegs behind it against the wall.
    bar_len = max(3, (x1 - x0 + 1) // 2)
    bar_x = x0 + 1 if side_on_left else x1 - bar_len
    if bar_x + bar_len - 1 > x1 - 1:
        bar_x = x1 - bar_len
    builder.place(Furniture("bar", bar_x, y0 + 2, bar_len, 1), anchors)
    for kx in range(bar_x, bar_x + bar_len, 2):
        builder.place(Furniture("keg", kx, y0, 1, 1), anchors)
    # The hearth against the outer side wall, halfway down.
    hearth_x = x1 if side_on_left else x0
    builder.place(Furniture("hearth", hearth_x, (y0 + y1) // 2 - 1, 1, 2), anchors)
    # Tables with chairs on a loose lattice below the bar.
    for ty in range(y0 + 5, y1 - 1, 4):
        for tx in range(x0 + 2, x1 - 1, 4):
            jitter_x = tx + rng.randint(0, 1)
            wide = rng.random() < 0.4
            table = Furniture("table", jitter_x, ty, 2 if wide else 1, 1)
            if builder.place(table, anchors):
                for cx, cy in (
                    (jitter_x - 1, ty),
                    (jitter_x + table.width, ty),
                    (jitter_x, ty - 1),
                    (jitter_x, ty + 1),
                ):
                    if rng.random() < 0.75:
                        builder.place(Furniture("chair", cx, cy, 1, 1, blocking=False), anchors)


def _furnish_side_room(builder: _Builder, name: str, box: tuple[int, int, int, int], anchors: list[Cell]) -> None:
    x0, y0, x1, y1 = box
    rng = builder.rng
    if name == "Kitchen":
        # A stove against the top wall (wherever the back door leaves room), a prep table, stores.
        for sx in range(x0, x1):
            if builder.place(Furniture("stove", sx, y0, 2 if x1 - x0 >= 3 else 1, 1), anchors):
                break
        builder.place(Furniture("table", (x0 + x1) // 2, (y0 + y1) // 2 + 1, 2 if x1 - x0 >= 4 else 1, 1), anchors)
        for bx, by in ((x1, y1), (x1 - 1, y1), (x0, y1)):
            builder.place(Furniture("barrel", bx, by, 1, 1), anchors)
    elif name == "Storeroom":
        for _ in range(max(3, (x1 - x0 + 1) * (y1 - y0 + 1) // 6)):
            kind = rng.choice(("barrel", "crate"))
            builder.place(Furniture(kind, rng.randint(x0, x1), rng.randint(y0, y1), 1, 1), anchors)
    else:
        builder.place(Furniture("bed", x0, y0, 1, 2), anchors)
        builder.place(Furniture("table", x1, y0, 1, 1), anchors)
