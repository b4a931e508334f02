"""Map generation entry point: validates sizes, seeds the generator, dispatches by kind."""

from __future__ import annotations

import random
from collections.abc import Callable

from image_service.maps.cave import generate_cave
from image_service.maps.dungeon import generate_dungeon
from image_service.maps.layout import MapKind, MapLayout
from image_service.maps.tavern import MIN_HEIGHT as TAVERN_MIN_HEIGHT
from image_service.maps.tavern import MIN_WIDTH as TAVERN_MIN_WIDTH
from image_service.maps.tavern import generate_tavern
from image_service.maps.wilderness import generate_wilderness

MIN_SIDE = 10
MAX_SIDE = 200

Generator = Callable[[int, int, int, random.Random], MapLayout]

GENERATORS: dict[MapKind, Generator] = {
    "dungeon": generate_dungeon,
    "cave": generate_cave,
    "tavern": generate_tavern,
    "wilderness": generate_wilderness,
}

MINIMUM_SIZE: dict[MapKind, tuple[int, int]] = {
    "dungeon": (MIN_SIDE, MIN_SIDE),
    "cave": (MIN_SIDE, MIN_SIDE),
    "tavern": (TAVERN_MIN_WIDTH, TAVERN_MIN_HEIGHT),
    "wilderness": (MIN_SIDE, MIN_SIDE),
}


def size_problem(kind: MapKind, width: int, height: int) -> str | None:
    """Why ``width`` x ``height`` squares cannot be generated for ``kind``, or ``None`` if it can."""
    min_w, min_h = MINIMUM_SIZE[kind]
    if not (min_w <= width <= MAX_SIDE and min_h <= height <= MAX_SIDE):
        return f"a {kind} needs {min_w}..{MAX_SIDE} squares wide and {min_h}..{MAX_SIDE} high"
    return None


def generate_map(kind: MapKind, width: int, height: int, seed: int) -> MapLayout:
    """The same ``(kind, width, height, seed)`` always gives the same map."""
    problem = size_problem(kind, width, height)
    if problem is not None:
        raise ValueError(problem)
    rng = random.Random(f"{kind}:{width}x{height}:{seed}")
    return GENERATORS[kind](width, height, seed, rng)
