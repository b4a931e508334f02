"""The offline item-art renderer: an icon by item category, framed and glowing in its rarity's
colour, deterministic by seed, labelled as generated offline."""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFilter, PngImagePlugin

from image_service.drawing.png import font
from image_service.providers.palettes import RARITY_COLORS, ItemRarity

ItemCategory = Literal[
    "weapon", "armor", "shield", "potion", "ring", "wand", "staff", "rod", "scroll", "wondrous", "ammunition"
]
ITEM_CATEGORIES: tuple[ItemCategory, ...] = (
    "weapon",
    "armor",
    "shield",
    "potion",
    "ring",
    "wand",
    "staff",
    "rod",
    "scroll",
    "wondrous",
    "ammunition",
)
OUTPUT_SIZE = 256
SUPERSAMPLE = 2

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class ItemSpec:
    name: str
    category: ItemCategory
    rarity: ItemRarity
    description: str
    seed: int


def _metal(rng: random.Random) -> RGB:
    return rng.choice(((200, 204, 214), (214, 180, 90), (180, 120, 80), (150, 160, 176)))


def _draw_icon(draw: ImageDraw.ImageDraw, category: ItemCategory, s: float, accent: RGB, rng: random.Random) -> None:
    c = s / 2
    ink = (24, 20, 28)
    metal = _metal(rng)
    wood = (140, 92, 50)
    w = max(2, int(s * 0.012))
    if category == "weapon":
        blade = [
            (c, s * 0.12),
            (c + s * 0.05, s * 0.2),
            (c + s * 0.05, s * 0.62),
            (c - s * 0.05, s * 0.62),
            (c - s * 0.05, s * 0.2),
        ]
        draw.polygon(blade, fill=metal, outline=ink, width=w)
        draw.rectangle((c - s * 0.17, s * 0.62, c + s * 0.17, s * 0.67), fill=accent, outline=ink, width=w)
        draw.rectangle((c - s * 0.03, s * 0.67, c + s * 0.03, s * 0.82), fill=wood, outline=ink, width=w)
        draw.ellipse((c - s * 0.05, s * 0.8, c + s * 0.05, s * 0.9), fill=accent, outline=ink, width=w)
    elif category == "armor":
        body = [
            (c - s * 0.28, s * 0.22),
            (c - s * 0.1, s * 0.18),
            (c, s * 0.26),
            (c + s * 0.1, s * 0.18),
            (c + s * 0.28, s * 0.22),
            (c + s * 0.24, s * 0.5),
            (c + s * 0.2, s * 0.8),
            (c - s * 0.2, s * 0.8),
            (c - s * 0.24, s * 0.5),
        ]
        draw.polygon(body, fill=metal, outline=ink, width=w)
        draw.line([(c, s * 0.28), (c, s * 0.78)], fill=ink, width=w)
        draw.arc((c - s * 0.2, s * 0.3, c + s * 0.2, s * 0.6), 20, 160, fill=accent, width=w * 2)
    elif category == "shield":
        shield = [
            (c - s * 0.28, s * 0.18),
            (c + s * 0.28, s * 0.18),
            (c + s * 0.28, s * 0.5),
            (c, s * 0.86),
            (c - s * 0.28, s * 0.5),
        ]
        draw.polygon(shield, fill=metal, outline=ink, width=w)
        inner = [
            (c - s * 0.2, s * 0.25),
            (c + s * 0.2, s * 0.25),
            (c + s * 0.2, s * 0.48),
            (c, s * 0.76),
            (c - s * 0.2, s * 0.48),
        ]
        draw.polygon(inner, fill=accent, outline=ink, width=w)
    elif category == "potion":
        draw.ellipse((c - s * 0.22, s * 0.38, c + s * 0.22, s * 0.82), fill=(230, 236, 244), outline=ink, width=w)
        draw.chord((c - s * 0.2, s * 0.4, c + s * 0.2, s * 0.8), 10, 170, fill=accent)
        draw.rectangle((c - s * 0.07, s * 0.2, c + s * 0.07, s * 0.4), fill=(230, 236, 244), outline=ink, width=w)
        draw.rectangle((c - s * 0.09, s * 0.14, c + s * 0.09, s * 0.21), fill=wood, outline=ink, width=w)
        for _ in range(3):
            bx, by, br = c + rng.uniform(-0.1, 0.1) * s, s * rng.uniform(0.55, 0.72), s * rng.uniform(0.015, 0.03)
            draw.ellipse((bx - br, by - br, bx + br, by + br), fill=(255, 255, 255))
    elif category == "ring":
        draw.ellipse((c - s * 0.25, s * 0.35, c + s * 0.25, s * 0.85), outline=metal, width=int(s * 0.06))
        draw.ellipse((c - s * 0.25, s * 0.35, c + s * 0.25, s * 0.85), outline=ink, width=w)
        gem = [(c, s * 0.15), (c + s * 0.11, s * 0.27), (c, s * 0.4), (c - s * 0.11, s * 0.27)]
        draw.polygon(gem, fill=accent, outline=ink, width=w)
    elif category in ("wand", "staff", "rod"):
        length = {"wand": 0.5, "staff": 0.78, "rod": 0.62}[category]
        thickness = {"wand": 0.025, "staff": 0.035, "rod": 0.045}[category]
        top = (c + s * length * 0.35, s * (0.5 - length / 2))
        bottom = (c - s * length * 0.35, s * (0.5 + length / 2))
        draw.line([top, bottom], fill=wood if category != "rod" else metal, width=int(s * thickness * 2))
        tip_r = s * (0.06 if category == "wand" else 0.09)
        draw.ellipse(
            (top[0] - tip_r, top[1] - tip_r, top[0] + tip_r, top[1] + tip_r), fill=accent, outline=ink, width=w
        )
    elif category == "scroll":
        draw.rectangle((c - s * 0.22, s * 0.25, c + s * 0.22, s * 0.75), fill=(236, 222, 186), outline=ink, width=w)
        for end in (0.22, 0.75):
            draw.ellipse(
                (c - s * 0.27, s * end - s * 0.05, c + s * 0.27, s * end + s * 0.05),
                fill=(214, 196, 150),
                outline=ink,
                width=w,
            )
        for row in range(4):
            y = s * (0.36 + row * 0.09)
            draw.line([(c - s * 0.15, y), (c + s * rng.uniform(0.05, 0.15), y)], fill=accent, width=w)
    elif category == "ammunition":
        for dx in (-0.12, 0, 0.12):
            x = c + dx * s
            draw.line([(x, s * 0.25), (x, s * 0.82)], fill=wood, width=int(s * 0.02))
            draw.polygon([(x, s * 0.14), (x + s * 0.04, s * 0.26), (x - s * 0.04, s * 0.26)], fill=metal, outline=ink)
            draw.polygon([(x, s * 0.74), (x + s * 0.04, s * 0.86), (x - s * 0.04, s * 0.86)], fill=accent)
    else:  # wondrous: an amulet
        draw.arc((c - s * 0.2, s * 0.12, c + s * 0.2, s * 0.6), 200, 340, fill=metal, width=int(s * 0.02))
        points = []
        for i in range(12):
            r = s * (0.2 if i % 2 == 0 else 0.15)
            a = math.pi * i / 6
            points.append((c + r * math.cos(a), s * 0.6 + r * math.sin(a)))
        draw.polygon(points, fill=metal, outline=ink, width=w)
        draw.ellipse((c - s * 0.1, s * 0.5, c + s * 0.1, s * 0.7), fill=accent, outline=ink, width=w)


def render_item_icon(spec: ItemSpec) -> bytes:
    """A 256 x 256 PNG icon. Same spec, same bytes."""
    rng = random.Random(f"item:{spec.seed}:{spec.category}:{spec.rarity}")
    size = OUTPUT_SIZE * SUPERSAMPLE
    rarity = RARITY_COLORS[spec.rarity]
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    base = ImageDraw.Draw(image)
    inset = size * 0.04
    base.rounded_rectangle(
        (inset, inset, size - inset, size - inset),
        radius=size * 0.12,
        fill=(30, 28, 38),
        outline=rarity,
        width=int(size * 0.025),
    )
    glow = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    ImageDraw.Draw(glow).ellipse((size * 0.2, size * 0.18, size * 0.8, size * 0.78), fill=(*rarity, 150))
    image = Image.alpha_composite(image, glow.filter(ImageFilter.GaussianBlur(size * 0.08)))
    icon = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    accent = (min(255, int(rarity[0] * 1.1)), min(255, int(rarity[1] * 1.1)), min(255, int(rarity[2] * 1.1)))
    _draw_icon(ImageDraw.Draw(icon), spec.category, size, accent, rng)
    image = Image.alpha_composite(image, icon)
    draw = ImageDraw.Draw(image)
    label = spec.rarity.replace("_", " ")
    draw.text(
        (size / 2, size * 0.91), f"{label} \u00b7 offline", font=font(int(size * 0.055)), fill=rarity, anchor="mm"
    )
    result = image.resize((OUTPUT_SIZE, OUTPUT_SIZE), Image.Resampling.LANCZOS)
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "dnd image service, offline renderer")
    info.add_text("Comment", f"generated offline; seed {spec.seed}")
    buffer = io.BytesIO()
    result.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()
