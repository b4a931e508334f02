"""Map generator invariants: every room reachable, walls closed, same seed same map, sizes respected."""

from __future__ import annotations

from collections import Counter

import pytest

from image_service.maps.generation import MAX_SIDE, generate_map
from image_service.maps.layout import PASSABLE, WALL, flood, wall_edges

KINDS = ("dungeon", "cave", "tavern", "wilderness")
SIZES = ((40, 40), (23, 57), (100, 60), (14, 12))
SEEDS = (1, 2, 3, 99, 12345)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("size", SIZES)
def test_sizes_respected(kind: str, size: tuple[int, int]) -> None:
    layout = generate_map(kind, size[0], size[1], 7)  # type: ignore[arg-type]
    assert (layout.width, layout.height) == size
    assert len(layout.cells) == size[1]
    assert all(len(row) == size[0] for row in layout.cells)
    data = layout.to_dict()
    assert len(data["grid"]) == size[1] and {len(row) for row in data["grid"]} == {size[0]}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", SEEDS)
def test_every_room_and_spawn_point_is_reachable(kind: str, seed: int) -> None:
    layout = generate_map(kind, 48, 36, seed)  # type: ignore[arg-type]
    walkable = layout.walkable()
    party = next(spawn for spawn in layout.spawn_points if spawn.side == "party")
    reached = flood((party.x, party.y), walkable)
    assert layout.rooms, "every kind has rooms, caverns or clearings"
    for room in layout.rooms:
        assert room.anchor in reached, f"room {room.id} ({room.name}) is cut off"
    for spawn in layout.spawn_points:
        assert (spawn.x, spawn.y) in reached
    assert any(spawn.side == "hostile" for spawn in layout.spawn_points)
    if kind in ("dungeon", "cave"):
        # Nothing open is stranded: one connected system.
        assert reached == walkable
    for door in layout.doors:
        assert (door.x, door.y) in reached


@pytest.mark.parametrize("kind", ("dungeon", "cave", "tavern"))
@pytest.mark.parametrize("seed", SEEDS)
def test_walls_are_closed(kind: str, seed: int) -> None:
    layout = generate_map(kind, 44, 34, seed)  # type: ignore[arg-type]
    if kind in ("dungeon", "cave"):
        # The rock mass encloses everything: the border ring is solid wall.
        for x in range(layout.width):
            assert layout.at(x, 0) == WALL and layout.at(x, layout.height - 1) == WALL
        for y in range(layout.height):
            assert layout.at(0, y) == WALL and layout.at(layout.width - 1, y) == WALL
    else:
        # The tavern's outer wall is an unbroken ring except for its doors.
        inside = {(x, y) for y in range(layout.height) for x in range(layout.width) if layout.at(x, y) == "."}
        outside = {
            (x, y) for y in range(layout.height) for x in range(layout.width) if layout.at(x, y) in (",", "=", "T")
        }
        for x, y in inside:
            for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
                assert (nx, ny) not in outside, "floor touches the outside without a wall or door"
    # Wall outlines are closed polygons: every grid point touches an even number of wall edges.
    degree: Counter[tuple[int, int]] = Counter()
    for a, b in wall_edges(layout.cells):
        degree[a] += 1
        degree[b] += 1
    assert all(count % 2 == 0 for count in degree.values())
    # Every door sits in a wall line: walls on both sides across its passage.
    for door in layout.doors:
        if door.orientation == "horizontal":
            assert layout.at(door.x - 1, door.y) == WALL and layout.at(door.x + 1, door.y) == WALL
        else:
            assert layout.at(door.x, door.y - 1) == WALL and layout.at(door.x, door.y + 1) == WALL


@pytest.mark.parametrize("kind", KINDS)
def test_same_seed_same_map_and_other_seed_other_map(kind: str) -> None:
    first = generate_map(kind, 40, 40, 2024).to_dict()  # type: ignore[arg-type]
    again = generate_map(kind, 40, 40, 2024).to_dict()  # type: ignore[arg-type]
    other = generate_map(kind, 40, 40, 2025).to_dict()  # type: ignore[arg-type]
    assert first == again
    assert first["grid"] != other["grid"] or first["furniture"] != other["furniture"]


def test_dungeon_has_rooms_corridors_and_doors() -> None:
    layout = generate_map("dungeon", 60, 40, 5)
    assert len(layout.rooms) >= 6
    assert len(layout.doors) >= len(layout.rooms) - 1
    for room in layout.rooms:
        assert all(
            layout.at(x, y) in PASSABLE
            for y in range(room.y, room.y + room.height)
            for x in range(room.x, room.x + room.width)
        )


def test_tavern_is_furnished_and_named() -> None:
    layout = generate_map("tavern", 30, 24, 3)
    assert [room.name for room in layout.rooms][:2] == ["Common room", "Kitchen"]
    kinds = Counter(item.kind for item in layout.furniture)
    assert kinds["bar"] == 1 and kinds["hearth"] == 1 and kinds["table"] >= 4 and kinds["chair"] >= 4


def test_wilderness_has_terrain_and_a_road_across() -> None:
    layout = generate_map("wilderness", 60, 40, 8)
    codes = Counter(code for row in layout.cells for code in row)
    assert codes["="] >= 60 and codes["T"] > 0 and codes[","] > 0
    assert layout.at(0, layout.spawn_points[0].y) == "="


@pytest.mark.parametrize(
    ("kind", "width", "height"),
    [("dungeon", 9, 20), ("cave", 20, MAX_SIDE + 1), ("tavern", 13, 30), ("wilderness", 30, 5)],
)
def test_sizes_out_of_range_are_refused(kind: str, width: int, height: int) -> None:
    with pytest.raises(ValueError, match="needs"):
        generate_map(kind, width, height, 1)  # type: ignore[arg-type]
