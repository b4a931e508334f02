"""Rasterise a :class:`~image_service.drawing.scene.Scene` with Pillow."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from image_service.drawing.scene import Circle, Color, Polygon, Polyline, Rect, Scene, Style, Text


@lru_cache(maxsize=64)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font (no system fonts needed)."""
    del bold  # the bundled font has one weight; bold text is drawn with a stroke instead
    return ImageFont.load_default(size=max(6, size))


def _rgba(color: Color | None, opacity: float) -> tuple[int, int, int, int] | None:
    if color is None:
        return None
    return (color[0], color[1], color[2], round(255 * opacity))


def _width(style: Style, scale: float) -> int:
    return max(1, round(style.stroke_width * scale)) if style.stroke is not None else 0


def render_png(scene: Scene) -> Image.Image:
    """The scene as an RGB image, ``scale`` pixels per scene unit."""
    s = scene.scale
    image = Image.new("RGB", (round(scene.width * s), round(scene.height * s)), scene.background)
    draw = ImageDraw.Draw(image, "RGBA")
    for _name, items in scene.layers:
        for item in items:
            if isinstance(item, Rect):
                box = (item.x * s, item.y * s, (item.x + item.width) * s - 1, (item.y + item.height) * s - 1)
                draw.rectangle(
                    box,
                    fill=_rgba(item.style.fill, item.style.opacity),
                    outline=_rgba(item.style.stroke, item.style.opacity),
                    width=_width(item.style, s),
                )
            elif isinstance(item, Circle):
                box = ((item.cx - item.r) * s, (item.cy - item.r) * s, (item.cx + item.r) * s, (item.cy + item.r) * s)
                draw.ellipse(
                    box,
                    fill=_rgba(item.style.fill, item.style.opacity),
                    outline=_rgba(item.style.stroke, item.style.opacity),
                    width=_width(item.style, s),
                )
            elif isinstance(item, Polygon):
                points = [(x * s, y * s) for x, y in item.points]
                draw.polygon(
                    points,
                    fill=_rgba(item.style.fill, item.style.opacity),
                    outline=_rgba(item.style.stroke, item.style.opacity),
                    width=_width(item.style, s),
                )
            elif isinstance(item, Polyline):
                points = [(x * s, y * s) for x, y in item.points]
                draw.line(
                    points,
                    fill=_rgba(item.style.stroke, item.style.opacity),
                    width=_width(item.style, s),
                    joint="curve",
                )
            elif isinstance(item, Text):
                size = round(item.size * s)
                draw.text(
                    (item.x * s, item.y * s),
                    item.text,
                    fill=item.fill,
                    font=font(size),
                    anchor="mm",
                    stroke_width=max(1, size // 12) if item.bold else 0,
                    stroke_fill=(0, 0, 0) if item.bold else None,
                )
    return image


def png_bytes(image: Image.Image) -> bytes:
    """Encode as PNG (fast zlib level: maps are redrawn often, size matters less than latency)."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()
