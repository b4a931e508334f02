"""The offline portrait renderer: a token-style portrait drawn with Pillow, deterministic by seed.

Composition (drawn at twice the output size, then downsampled for smooth edges): a background
gradient and pattern in the theme's palette, the class emblem large and faint behind a head-and-
shoulders silhouette shaped by species (ears, horns, beard, tusks, build) with a rim light and
glowing eyes, a metal frame (round token or rectangular card), a class medallion, and a name banner
that says the picture was generated offline. Nothing here reads the network or the system fonts.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFilter, PngImagePlugin

from image_service.drawing.png import font
from image_service.providers.emblems import emblem_for
from image_service.providers.palettes import PORTRAIT_PALETTES, PortraitPalette, PortraitTheme

PortraitStyle = Literal["token", "card"]
OUTPUT_SIZE = 512
SUPERSAMPLE = 2
OFFLINE_LABEL = "generated offline"

SPECIES = ("dragonborn", "dwarf", "elf", "gnome", "goliath", "halfling", "human", "orc", "tiefling")


@dataclass(frozen=True)
class PortraitSpec:
    """What a portrait shows; the offline renderer and the GetImg prompt both read it."""

    name: str
    species: str
    character_class: str
    appearance: str
    theme: PortraitTheme
    style: PortraitStyle
    seed: int


@dataclass(frozen=True)
class _Build:
    head_rx: float
    head_ry: float
    head_y: float
    shoulders: float
    neck: float


_BUILDS: dict[str, _Build] = {
    "human": _Build(118, 148, 455, 300, 62),
    "elf": _Build(104, 150, 450, 275, 52),
    "dwarf": _Build(136, 138, 480, 335, 72),
    "halfling": _Build(112, 122, 520, 235, 52),
    "gnome": _Build(108, 118, 525, 225, 48),
    "orc": _Build(134, 150, 455, 340, 78),
    "goliath": _Build(128, 152, 450, 370, 84),
    "dragonborn": _Build(112, 168, 440, 330, 76),
    "tiefling": _Build(114, 148, 460, 290, 60),
}


def _species_key(species: str) -> str:
    lowered = species.strip().lower()
    return next((known for known in SPECIES if known in lowered), "human")


HAIR_COLORS: dict[str, tuple[int, int, int]] = {
    "red": (150, 50, 30),
    "copper": (170, 90, 40),
    "ginger": (170, 90, 40),
    "auburn": (120, 50, 30),
    "blond": (200, 170, 90),
    "golden": (210, 170, 70),
    "brown": (100, 70, 45),
    "black": (30, 28, 32),
    "white": (225, 225, 230),
    "silver": (190, 195, 205),
    "grey": (140, 140, 145),
    "gray": (140, 140, 145),
    "green": (70, 130, 70),
    "blue": (60, 90, 170),
    "purple": (110, 60, 150),
}


def hair_color(appearance: str, palette: PortraitPalette) -> tuple[int, int, int]:
    """A colour word in the appearance, muted toward the silhouette; else a tone between silhouette and rim."""
    lowered = appearance.lower()
    for word, color in HAIR_COLORS.items():
        if word in lowered:
            return mix(color, palette.silhouette, 0.3)
    return mix(palette.silhouette, palette.rim, 0.28)


def mix(a: tuple[int, int, int], b: tuple[int, int, int], share_of_b: float) -> tuple[int, int, int]:
    """``a`` blended with ``share_of_b`` of ``b``."""
    keep = 1 - share_of_b
    return (
        round(a[0] * keep + b[0] * share_of_b),
        round(a[1] * keep + b[1] * share_of_b),
        round(a[2] * keep + b[2] * share_of_b),
    )


@dataclass(frozen=True)
class _Figure:
    body: Image.Image  # the whole silhouette
    hair: Image.Image  # hair and beard, drawn in their own tone over the body
    eyes: list[tuple[float, float]]


def _silhouette(size: int, spec: PortraitSpec, rng: random.Random) -> _Figure:
    """The head-and-shoulders mask, the hair-and-beard mask and the eye positions."""
    species = _species_key(spec.species)
    build = _BUILDS[species]
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    hair_mask = Image.new("L", (size, size), 0)
    hair_draw = ImageDraw.Draw(hair_mask)
    c = size / 2
    hx, hy, rx, ry = c, build.head_y, build.head_rx, build.head_ry
    appearance = spec.appearance.lower()
    # Long hair falls behind the shoulders, so it goes first.
    hair = rng.choice(("short", "long", "bald", "topknot")) if species not in ("dragonborn", "goliath") else "bald"
    if "bald" in appearance or "shaved" in appearance:
        hair = "bald"
    elif "long hair" in appearance or "braid" in appearance:
        hair = "long"
    if hair == "long":
        for target in (draw, hair_draw):
            target.rounded_rectangle(
                (hx - rx * 1.15, hy - ry * 0.7, hx + rx * 1.15, hy + ry * 1.9), radius=rx, fill=255
            )
    # Shoulders and neck.
    shoulder_top = hy + ry + 70
    draw.ellipse((c - build.shoulders, shoulder_top, c + build.shoulders, shoulder_top + 520), fill=255)
    draw.rectangle((c - build.neck, hy + ry * 0.4, c + build.neck, shoulder_top + 60), fill=255)
    # Head (its face hides long hair behind it), then hair on top.
    draw.ellipse((hx - rx, hy - ry, hx + rx, hy + ry), fill=255)
    hair_draw.ellipse((hx - rx * 0.92, hy - ry * 0.55, hx + rx * 0.92, hy + ry * 0.98), fill=0)
    if hair == "long":
        hair_draw.ellipse((hx - rx * 1.08, hy - ry * 1.1, hx + rx * 1.08, hy - ry * 0.35), fill=255)
    if hair == "short":
        for target in (draw, hair_draw):
            target.ellipse((hx - rx * 1.08, hy - ry * 1.1, hx + rx * 1.08, hy - ry * 0.35), fill=255)
    elif hair == "topknot":
        for target in (draw, hair_draw):
            target.ellipse((hx - rx * 0.35, hy - ry * 1.35, hx + rx * 0.35, hy - ry * 0.75), fill=255)
    # Ears.
    if species in ("elf", "gnome", "orc", "tiefling", "halfling"):
        reach = {"elf": 1.9, "gnome": 1.55, "orc": 1.45, "tiefling": 1.5, "halfling": 1.3}[species]
        lift = {"elf": 1.05, "gnome": 0.6, "orc": 0.45, "tiefling": 0.55, "halfling": 0.35}[species]
        for side in (-1, 1):
            draw.polygon(
                [
                    (hx + side * rx * 0.85, hy - ry * 0.05),
                    (hx + side * rx * reach, hy - ry * lift),
                    (hx + side * rx * 0.9, hy + ry * 0.3),
                ],
                fill=255,
            )
    elif species in ("human", "dwarf", "goliath"):
        for side in (-1, 1):
            draw.ellipse((hx + side * rx * 0.95 - 22, hy - 30, hx + side * rx * 0.95 + 22, hy + 40), fill=255)
    # Horns.
    if species == "tiefling":
        for side in (-1, 1):
            draw.polygon(_horn(hx + side * rx * 0.45, hy - ry * 0.7, side, rx * 0.95, rx * 0.26), fill=255)
    elif species == "dragonborn":
        for side in (-1, 1):
            draw.polygon(
                [
                    (hx + side * rx * 0.45, hy - ry * 0.75),
                    (hx + side * rx * 1.5, hy - ry * 1.45),
                    (hx + side * rx * 0.85, hy - ry * 0.45),
                ],
                fill=255,
            )
        # Frills along the jaw.
        for side in (-1, 1):
            for step in range(3):
                y = hy + ry * (0.05 + 0.22 * step)
                draw.polygon(
                    [(hx + side * rx * 0.8, y), (hx + side * rx * 1.35, y + 20), (hx + side * rx * 0.75, y + 45)],
                    fill=255,
                )
    elif species == "goliath":
        # Massive shoulders: a second, wider and flatter swell over the first.
        draw.ellipse(
            (c - build.shoulders * 1.12, shoulder_top + 40, c + build.shoulders * 1.12, shoulder_top + 420), fill=255
        )
    # Dwarves are bearded unless told otherwise; anyone else only when the appearance says so.
    clean_shaven = any(word in appearance for word in ("no beard", "beardless", "clean-shaven", "clean shaven"))
    bearded = not clean_shaven and (species == "dwarf" or "beard" in appearance)
    if bearded:
        length = 1.7 if species == "dwarf" else 1.25
        beard = [
            (hx - rx * 0.9, hy + ry * 0.05),
            (hx + rx * 0.9, hy + ry * 0.05),
            (hx + rx * 0.55, hy + ry * length),
            (hx, hy + ry * (length + 0.15)),
            (hx - rx * 0.55, hy + ry * length),
        ]
        draw.polygon(beard, fill=255)
        hair_draw.polygon(beard, fill=255)
        # The mouth stays clear of the beard.
        hair_draw.ellipse((hx - rx * 0.28, hy + ry * 0.32, hx + rx * 0.28, hy + ry * 0.5), fill=0)
    eyes = [(hx - rx * 0.38, hy - ry * 0.05), (hx + rx * 0.38, hy - ry * 0.05)]
    if species == "orc":
        # Tusks are cut out of the silhouette so the background shows through them.
        for side in (-1, 1):
            draw.polygon(
                [
                    (hx + side * rx * 0.28, hy + ry * 0.62),
                    (hx + side * rx * 0.46, hy + ry * 0.62),
                    (hx + side * rx * 0.42, hy + ry * 0.25),
                ],
                fill=0,
            )
    return _Figure(mask, hair_mask, eyes)


def _horn(x: float, y: float, side: int, length: float, base: float) -> list[tuple[float, float]]:
    """A tapering horn that sweeps up and out from ``(x, y)``, then curls back in at the tip."""
    spine = []
    for i in range(13):
        t = i / 12
        spine.append((x + side * length * (0.9 * t - 0.35 * t * t * t), y - length * 1.3 * t + length * 0.2 * t * t))
    outer, inner = [], []
    for i, (px, py) in enumerate(spine):
        half = base * (1 - i / 12) / 2 + 1
        outer.append((px + side * half, py + half * 0.3))
        inner.append((px - side * half, py - half * 0.3))
    return outer + inner[::-1]


def _frame_mask(size: int, style: PortraitStyle, inset: float) -> Image.Image:
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    if style == "token":
        draw.ellipse((inset, inset, size - inset, size - inset), fill=255)
    else:
        draw.rounded_rectangle((inset, inset, size - inset, size - inset), radius=size * 0.06, fill=255)
    return mask


def _background(size: int, palette: PortraitPalette, rng: random.Random) -> Image.Image:
    gradient = Image.radial_gradient("L").resize((size, size))
    inner = Image.new("RGB", (size, size), palette.inner)
    outer = Image.new("RGB", (size, size), palette.outer)
    background = Image.composite(outer, inner, gradient).convert("RGBA")
    overlay = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    c = size / 2
    pattern = rng.choice(("rays", "stars", "rings"))
    if pattern == "rays":
        count = rng.randint(10, 18)
        offset = rng.uniform(0, 360)
        for i in range(count):
            start = offset + i * 360 / count
            draw.pieslice((0, 0, size, size), start, start + 360 / count / 2, fill=(*palette.rim, 28))
    elif pattern == "stars":
        for _ in range(rng.randint(60, 110)):
            x, y, r = rng.uniform(0, size), rng.uniform(0, size * 0.7), rng.uniform(2, 6)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=(*palette.rim, rng.randint(60, 160)))
    else:
        for radius in range(int(size * 0.15), int(size * 0.5), int(size * 0.06)):
            draw.ellipse(
                (c - radius, c * 0.85 - radius, c + radius, c * 0.85 + radius), outline=(*palette.rim, 40), width=6
            )
    return Image.alpha_composite(background, overlay)


def _banner(draw: ImageDraw.ImageDraw, size: int, palette: PortraitPalette, name: str, subtitle: str) -> None:
    c = size / 2
    top, bottom = size * 0.755, size * 0.885
    half = size * 0.40
    tail = size * 0.07
    for side in (-1, 1):
        draw.polygon(
            [
                (c + side * (half - tail * 0.2), top + 24),
                (c + side * (half + tail), top + 24),
                (c + side * (half + tail * 0.55), (top + bottom) / 2 + 12),
                (c + side * (half + tail), bottom + 24),
                (c + side * (half - tail * 0.2), bottom + 24),
            ],
            fill=palette.banner_dark,
        )
    draw.rectangle((c - half, top, c + half, bottom), fill=palette.banner, outline=palette.frame, width=6)
    label = name.upper()[:28] or "UNNAMED"
    font_size = 64
    while font_size > 24 and draw.textlength(label, font=font(font_size)) > half * 1.85:
        font_size -= 2
    draw.text(
        (c, top + (bottom - top) * 0.38),
        label,
        font=font(font_size),
        fill=palette.text,
        anchor="mm",
        stroke_width=2,
        stroke_fill=palette.banner_dark,
    )
    small = font(24)
    draw.text((c, top + (bottom - top) * 0.8), subtitle, font=small, fill=palette.text, anchor="mm")


def render_portrait(spec: PortraitSpec) -> bytes:
    """A 512 x 512 PNG (transparent outside a token's ring). Same spec, same bytes."""
    rng = random.Random(f"portrait:{spec.seed}:{spec.species}:{spec.character_class}")
    palette = PORTRAIT_PALETTES[spec.theme]
    size = OUTPUT_SIZE * SUPERSAMPLE
    c = size / 2

    picture = _background(size, palette, rng)
    layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    emblem = emblem_for(spec.character_class)
    emblem(ImageDraw.Draw(layer), c, size * 0.42, size * 0.3, (*palette.emblem, 70))
    picture = Image.alpha_composite(picture, layer)

    figure = _silhouette(size, spec, rng)
    silhouette, eyes = figure.body, figure.eyes
    rim = Image.new("RGBA", (size, size), (*palette.rim, 255))
    body = Image.new("RGBA", (size, size), (*palette.silhouette, 255))
    shifted = Image.new("L", (size, size), 0)
    shifted.paste(silhouette, (-10, -12))
    glow = silhouette.filter(ImageFilter.GaussianBlur(18))
    picture.paste(Image.new("RGBA", (size, size), (*palette.rim, 255)), (0, 0), glow.point(lambda v: v * 0.35))
    picture.paste(rim, (0, 0), silhouette)
    picture.paste(body, (0, 0), shifted)
    hair = Image.new("L", (size, size), 0)
    hair.paste(figure.hair, (-10, -12))
    hair = Image.composite(hair, Image.new("L", (size, size), 0), shifted)
    tone = hair_color(spec.appearance, palette)
    picture.paste(Image.new("RGBA", (size, size), (*tone, 255)), (0, 0), hair)
    strands = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    strand_draw = ImageDraw.Draw(strands)
    shade = tuple(round(0.6 * v) for v in tone)
    for _ in range(28):
        x = rng.uniform(size * 0.3, size * 0.7)
        y = rng.uniform(size * 0.2, size * 0.75)
        strand_draw.line([(x, y), (x + rng.uniform(-14, 14), y + rng.uniform(30, 70))], fill=(*shade, 150), width=5)
    strands.putalpha(Image.composite(strands.getchannel("A"), Image.new("L", (size, size), 0), hair))
    picture = Image.alpha_composite(picture, strands)
    eye_layer = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    eye_draw = ImageDraw.Draw(eye_layer)
    for ex, ey in eyes:
        eye_draw.ellipse((ex - 22, ey - 9, ex + 22, ey + 9), fill=(*palette.eyes, 255))
    picture = Image.alpha_composite(picture, eye_layer.filter(ImageFilter.GaussianBlur(3)))
    picture = Image.alpha_composite(picture, eye_layer)

    # Frame, medallion, banner.
    inset = size * 0.06
    framed = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    framed.paste(picture, (0, 0), _frame_mask(size, spec.style, inset + size * 0.035))
    draw = ImageDraw.Draw(framed)
    ring = size * 0.05
    box = (inset, inset, size - inset, size - inset)
    if spec.style == "token":
        draw.ellipse(box, outline=palette.frame, width=int(ring))
        draw.ellipse(box, outline=palette.frame_dark, width=6)
        inner_box = (inset + ring, inset + ring, size - inset - ring, size - inset - ring)
        draw.ellipse(inner_box, outline=palette.frame_dark, width=6)
        draw.arc(
            (inset + 14, inset + 14, size - inset - 14, size - inset - 14), 190, 260, fill=palette.frame_light, width=10
        )
        studs = rng.choice((8, 12, 16))
        for i in range(studs):
            angle = 2 * math.pi * i / studs
            sx = c + (c - inset - ring / 2) * math.cos(angle)
            sy = c + (c - inset - ring / 2) * math.sin(angle)
            draw.ellipse(
                (sx - 11, sy - 11, sx + 11, sy + 11), fill=palette.frame_light, outline=palette.frame_dark, width=3
            )
    else:
        draw.rounded_rectangle(box, radius=size * 0.06, outline=palette.frame, width=int(ring))
        draw.rounded_rectangle(box, radius=size * 0.06, outline=palette.frame_dark, width=6)
    medallion = (size * 0.8, size * 0.24, size * 0.08)
    mx, my, mr = medallion
    draw.ellipse((mx - mr, my - mr, mx + mr, my + mr), fill=palette.banner, outline=palette.frame, width=10)
    emblem(draw, mx, my, mr * 0.62, palette.frame_light)
    species_label = _species_key(spec.species).capitalize()
    class_label = spec.character_class.strip().capitalize() or "Adventurer"
    _banner(draw, size, palette, spec.name, f"{species_label} {class_label} \u00b7 {OFFLINE_LABEL}")

    result = framed.resize((OUTPUT_SIZE, OUTPUT_SIZE), Image.Resampling.LANCZOS)
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "dnd image service, offline renderer")
    info.add_text("Comment", f"{OFFLINE_LABEL}; seed {spec.seed}")
    buffer = io.BytesIO()
    result.save(buffer, format="PNG", pnginfo=info, optimize=False)
    return buffer.getvalue()
