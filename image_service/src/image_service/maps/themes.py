"""Map palettes by theme: the same layout can be drawn as a classic battle map, on parchment, in
darkness, frost, hellfire or deep forest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from image_service.drawing.scene import Color

MapTheme = Literal["classic", "parchment", "dark", "frost", "infernal", "verdant"]
MAP_THEMES: tuple[MapTheme, ...] = ("classic", "parchment", "dark", "frost", "infernal", "verdant")


@dataclass(frozen=True)
class MapPalette:
    rock: Color  # solid rock / wall mass
    wall: Color  # the face of a wall next to open ground
    wall_line: Color
    floor: Color
    ground: Color
    road: Color
    trees: Color
    tree_crown: Color
    water: Color
    shallows: Color
    boulder: Color
    door: Color
    wood: Color
    grid: Color
    label: Color
    fog: Color


PALETTES: dict[MapTheme, MapPalette] = {
    "classic": MapPalette(
        rock=(46, 44, 48),
        wall=(92, 88, 96),
        wall_line=(20, 18, 22),
        floor=(206, 196, 176),
        ground=(150, 170, 110),
        road=(186, 160, 118),
        trees=(96, 130, 72),
        tree_crown=(52, 94, 48),
        water=(58, 104, 160),
        shallows=(110, 160, 196),
        boulder=(120, 116, 110),
        door=(140, 90, 44),
        wood=(120, 78, 40),
        grid=(40, 40, 40),
        label=(60, 40, 30),
        fog=(12, 12, 16),
    ),
    "parchment": MapPalette(
        rock=(196, 172, 128),
        wall=(120, 92, 60),
        wall_line=(70, 50, 30),
        floor=(238, 222, 186),
        ground=(226, 210, 166),
        road=(210, 186, 140),
        trees=(188, 190, 130),
        tree_crown=(120, 126, 70),
        water=(132, 160, 170),
        shallows=(180, 196, 186),
        boulder=(160, 138, 104),
        door=(150, 96, 50),
        wood=(140, 100, 60),
        grid=(120, 96, 64),
        label=(90, 60, 30),
        fog=(70, 56, 40),
    ),
    "dark": MapPalette(
        rock=(10, 10, 14),
        wall=(44, 44, 56),
        wall_line=(0, 0, 0),
        floor=(70, 70, 84),
        ground=(52, 62, 52),
        road=(84, 76, 64),
        trees=(36, 52, 40),
        tree_crown=(22, 36, 28),
        water=(22, 34, 60),
        shallows=(40, 60, 90),
        boulder=(60, 60, 66),
        door=(110, 70, 36),
        wood=(90, 60, 34),
        grid=(140, 140, 160),
        label=(210, 210, 230),
        fog=(0, 0, 0),
    ),
    "frost": MapPalette(
        rock=(60, 78, 100),
        wall=(130, 156, 184),
        wall_line=(34, 48, 70),
        floor=(226, 236, 244),
        ground=(236, 242, 248),
        road=(196, 206, 214),
        trees=(170, 196, 200),
        tree_crown=(70, 110, 110),
        water=(90, 140, 190),
        shallows=(176, 212, 236),
        boulder=(150, 164, 180),
        door=(120, 96, 80),
        wood=(110, 90, 76),
        grid=(70, 90, 120),
        label=(30, 50, 80),
        fog=(16, 22, 34),
    ),
    "infernal": MapPalette(
        rock=(40, 12, 10),
        wall=(110, 34, 24),
        wall_line=(20, 4, 4),
        floor=(150, 96, 80),
        ground=(120, 70, 50),
        road=(170, 110, 70),
        trees=(90, 50, 40),
        tree_crown=(60, 24, 20),
        water=(220, 90, 20),
        shallows=(240, 150, 60),
        boulder=(80, 50, 44),
        door=(60, 30, 20),
        wood=(80, 40, 24),
        grid=(30, 6, 6),
        label=(255, 220, 180),
        fog=(10, 2, 2),
    ),
    "verdant": MapPalette(
        rock=(52, 64, 40),
        wall=(104, 120, 84),
        wall_line=(30, 40, 24),
        floor=(196, 200, 160),
        ground=(120, 168, 84),
        road=(176, 150, 100),
        trees=(80, 140, 64),
        tree_crown=(34, 96, 40),
        water=(50, 120, 140),
        shallows=(100, 170, 170),
        boulder=(130, 130, 116),
        door=(130, 84, 40),
        wood=(110, 74, 40),
        grid=(30, 50, 30),
        label=(40, 50, 30),
        fog=(8, 14, 8),
    ),
}
