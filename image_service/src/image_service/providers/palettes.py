"""Colour palettes of portraits and item icons by theme."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PortraitTheme = Literal["classic", "parchment", "dark", "frost", "infernal", "verdant"]
PORTRAIT_THEMES: tuple[PortraitTheme, ...] = ("classic", "parchment", "dark", "frost", "infernal", "verdant")

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class PortraitPalette:
    inner: RGB  # background centre
    outer: RGB  # background edge
    silhouette: RGB
    rim: RGB  # rim light on the silhouette
    emblem: RGB
    frame: RGB
    frame_dark: RGB
    frame_light: RGB
    banner: RGB
    banner_dark: RGB
    text: RGB
    eyes: RGB


PORTRAIT_PALETTES: dict[PortraitTheme, PortraitPalette] = {
    "classic": PortraitPalette(
        (86, 120, 168),
        (24, 34, 64),
        (22, 24, 36),
        (150, 180, 220),
        (200, 210, 235),
        (196, 160, 82),
        (110, 80, 30),
        (250, 224, 150),
        (140, 30, 36),
        (84, 14, 20),
        (250, 240, 220),
        (255, 230, 140),
    ),
    "parchment": PortraitPalette(
        (240, 226, 190),
        (188, 156, 108),
        (70, 50, 34),
        (236, 210, 160),
        (140, 106, 70),
        (150, 104, 60),
        (90, 60, 30),
        (220, 180, 120),
        (120, 70, 40),
        (70, 40, 20),
        (250, 236, 210),
        (250, 220, 150),
    ),
    "dark": PortraitPalette(
        (70, 56, 96),
        (8, 6, 16),
        (4, 4, 8),
        (120, 100, 170),
        (130, 110, 180),
        (120, 120, 132),
        (40, 40, 48),
        (200, 200, 214),
        (40, 36, 56),
        (16, 14, 24),
        (220, 214, 240),
        (170, 120, 255),
    ),
    "frost": PortraitPalette(
        (214, 236, 250),
        (90, 140, 190),
        (30, 52, 84),
        (230, 246, 255),
        (250, 255, 255),
        (176, 200, 222),
        (80, 110, 140),
        (240, 250, 255),
        (60, 100, 150),
        (30, 56, 96),
        (245, 250, 255),
        (160, 240, 255),
    ),
    "infernal": PortraitPalette(
        (236, 120, 40),
        (70, 8, 4),
        (24, 4, 4),
        (255, 170, 80),
        (255, 200, 120),
        (120, 30, 20),
        (50, 10, 6),
        (220, 110, 60),
        (30, 10, 10),
        (10, 2, 2),
        (255, 220, 180),
        (255, 240, 120),
    ),
    "verdant": PortraitPalette(
        (160, 200, 120),
        (30, 70, 40),
        (20, 36, 22),
        (200, 230, 150),
        (230, 250, 200),
        (150, 120, 70),
        (70, 50, 24),
        (220, 200, 140),
        (40, 90, 50),
        (20, 50, 26),
        (240, 250, 230),
        (250, 240, 140),
    ),
}

ItemRarity = Literal["common", "uncommon", "rare", "very_rare", "legendary", "artifact"]
ITEM_RARITIES: tuple[ItemRarity, ...] = ("common", "uncommon", "rare", "very_rare", "legendary", "artifact")

RARITY_COLORS: dict[ItemRarity, RGB] = {
    "common": (176, 176, 176),
    "uncommon": (60, 190, 80),
    "rare": (60, 130, 240),
    "very_rare": (170, 80, 230),
    "legendary": (250, 150, 30),
    "artifact": (230, 60, 50),
}
