"""Class emblems as vector shapes for Pillow: one function per SRD 5.2 class, each drawing inside a
box centred at ``(cx, cy)`` with half-size ``r``."""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import ImageDraw

#: An RGB colour, or RGBA for a translucent emblem.
RGB = tuple[int, ...]
Emblem = Callable[[ImageDraw.ImageDraw, float, float, float, RGB], None]


def _rotate(points: list[tuple[float, float]], cx: float, cy: float, degrees: float) -> list[tuple[float, float]]:
    a = math.radians(degrees)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in points]


def _sword(cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    w = r * 0.09
    return [
        (cx, cy - r),
        (cx + w, cy - r * 0.8),
        (cx + w, cy + r * 0.35),
        (cx + w * 3.2, cy + r * 0.35),
        (cx + w * 3.2, cy + r * 0.47),
        (cx + w * 0.8, cy + r * 0.47),
        (cx + w * 0.8, cy + r * 0.85),
        (cx + w * 1.5, cy + r),
        (cx - w * 1.5, cy + r),
        (cx - w * 0.8, cy + r * 0.85),
        (cx - w * 0.8, cy + r * 0.47),
        (cx - w * 3.2, cy + r * 0.47),
        (cx - w * 3.2, cy + r * 0.35),
        (cx - w, cy + r * 0.35),
        (cx - w, cy - r * 0.8),
    ]


def fighter(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    for angle in (-35, 35):
        draw.polygon(_rotate(_sword(cx, cy, r), cx, cy, angle), fill=color)


def rogue(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    draw.polygon(_rotate(_sword(cx, cy + r * 0.2, r * 0.75), cx, cy, 20), fill=color)


def wizard(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    points = []
    for i in range(16):
        radius = r if i % 2 == 0 else r * 0.38
        angle = math.pi * i / 8 - math.pi / 2
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=color)


def sorcerer(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    flame = [
        (cx, cy - r),
        (cx + r * 0.35, cy - r * 0.35),
        (cx + r * 0.2, cy - r * 0.55),
        (cx + r * 0.7, cy),
        (cx + r * 0.6, cy + r * 0.6),
        (cx, cy + r),
        (cx - r * 0.6, cy + r * 0.6),
        (cx - r * 0.7, cy),
        (cx - r * 0.3, cy - r * 0.3),
        (cx - r * 0.25, cy - r * 0.6),
    ]
    draw.polygon(flame, fill=color)


def cleric(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    for i in range(12):
        angle = math.pi * i / 6
        tip = (cx + r * math.cos(angle), cy + r * math.sin(angle))
        left = (cx + r * 0.5 * math.cos(angle - 0.18), cy + r * 0.5 * math.sin(angle - 0.18))
        right = (cx + r * 0.5 * math.cos(angle + 0.18), cy + r * 0.5 * math.sin(angle + 0.18))
        draw.polygon([tip, left, right], fill=color)
    draw.ellipse((cx - r * 0.45, cy - r * 0.45, cx + r * 0.45, cy + r * 0.45), fill=color)


def paladin(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    shield = [
        (cx - r * 0.75, cy - r * 0.85),
        (cx + r * 0.75, cy - r * 0.85),
        (cx + r * 0.75, cy),
        (cx, cy + r),
        (cx - r * 0.75, cy),
    ]
    draw.polygon(shield, fill=color)
    w = r * 0.12
    draw.rectangle((cx - w, cy - r * 0.7, cx + w, cy + r * 0.6), fill=(0, 0, 0, 90))
    draw.rectangle((cx - r * 0.5, cy - r * 0.35 - w, cx + r * 0.5, cy - r * 0.35 + w), fill=(0, 0, 0, 90))


def barbarian(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    draw.rectangle((cx - r * 0.07, cy - r * 0.9, cx + r * 0.07, cy + r), fill=color)
    for side in (-1, 1):
        blade = [
            (cx, cy - r * 0.75),
            (cx + side * r * 0.8, cy - r * 1.0),
            (cx + side * r * 0.65, cy - r * 0.4),
            (cx + side * r * 0.8, cy + r * 0.15),
            (cx, cy - r * 0.1),
        ]
        draw.polygon(blade, fill=color)


def bard(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    # Two beamed notes.
    for dx in (-0.45, 0.45):
        x = cx + dx * r
        draw.ellipse((x - r * 0.3, cy + r * 0.45, x + r * 0.2, cy + r * 0.85), fill=color)
        draw.rectangle((x + r * 0.08, cy - r * 0.7, x + r * 0.2, cy + r * 0.65), fill=color)
    draw.polygon(
        [
            (cx - r * 0.37, cy - r * 0.7),
            (cx + r * 0.65, cy - r * 0.95),
            (cx + r * 0.65, cy - r * 0.7),
            (cx - r * 0.37, cy - r * 0.45),
        ],
        fill=color,
    )


def druid(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    leaf = []
    for i in range(41):
        t = i / 40 * math.pi
        leaf.append((cx + r * 0.5 * math.sin(t), cy - r + 2 * r * i / 40))
    for i in range(41):
        t = i / 40 * math.pi
        leaf.append((cx - r * 0.5 * math.sin(t), cy + r - 2 * r * i / 40))
    draw.polygon(_rotate(leaf, cx, cy, 30), fill=color)
    draw.line(
        _rotate([(cx, cy - r * 0.8), (cx, cy + r * 1.05)], cx, cy, 30), fill=(0, 0, 0, 110), width=max(2, int(r * 0.06))
    )


def monk(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    width = max(3, int(r * 0.22))
    draw.arc((cx - r, cy - r, cx + r, cy + r), start=-60, end=250, fill=color, width=width)
    draw.ellipse((cx - r * 0.18, cy - r * 0.18, cx + r * 0.18, cy + r * 0.18), fill=color)


def ranger(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    width = max(3, int(r * 0.1))
    draw.arc((cx - r * 1.3, cy - r, cx + r * 0.5, cy + r), start=-70, end=70, fill=color, width=width)
    draw.line([(cx - r * 0.85, cy), (cx + r, cy)], fill=color, width=max(2, int(r * 0.06)))
    draw.polygon([(cx + r, cy), (cx + r * 0.7, cy - r * 0.15), (cx + r * 0.7, cy + r * 0.15)], fill=color)
    draw.line([(cx + r * 0.5, cy - r * 0.95), (cx + r * 0.5, cy + r * 0.95)], fill=color, width=max(1, int(r * 0.03)))


def warlock(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    eye = []
    for i in range(33):
        t = math.pi * i / 32
        eye.append((cx - r * math.cos(t), cy - r * 0.55 * math.sin(t)))
    for i in range(33):
        t = math.pi * i / 32
        eye.append((cx + r * math.cos(t), cy + r * 0.55 * math.sin(t)))
    draw.polygon(eye, fill=color)
    draw.ellipse((cx - r * 0.32, cy - r * 0.32, cx + r * 0.32, cy + r * 0.32), fill=(0, 0, 0, 160))
    draw.ellipse((cx - r * 0.1, cy - r * 0.28, cx + r * 0.1, cy + r * 0.28), fill=color)


def adventurer(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, color: RGB) -> None:
    """No class given: a compass rose."""
    points = []
    for i in range(8):
        radius = r if i % 2 == 0 else r * 0.3
        angle = math.pi * i / 4 - math.pi / 2
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=color)


EMBLEMS: dict[str, Emblem] = {
    "barbarian": barbarian,
    "bard": bard,
    "cleric": cleric,
    "druid": druid,
    "fighter": fighter,
    "monk": monk,
    "paladin": paladin,
    "ranger": ranger,
    "rogue": rogue,
    "sorcerer": sorcerer,
    "warlock": warlock,
    "wizard": wizard,
}


def emblem_for(character_class: str) -> Emblem:
    """The class's emblem (an unknown class gets the adventurer's compass)."""
    return EMBLEMS.get(character_class.strip().lower(), adventurer)
