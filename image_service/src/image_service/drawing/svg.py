"""A small SVG writer for :class:`~image_service.drawing.scene.Scene`: one ``<g>`` per layer, every
attribute escaped, coordinates in scene units with a ``viewBox`` so the picture scales cleanly."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from image_service.drawing.scene import Circle, Color, Polygon, Polyline, Rect, Scene, Style, Text


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def _hex(color: Color | None) -> str:
    return "none" if color is None else f"#{color[0]:02x}{color[1]:02x}{color[2]:02x}"


def _style(style: Style) -> str:
    parts = [f'fill="{_hex(style.fill)}"']
    if style.stroke is not None and style.stroke_width > 0:
        parts.append(f'stroke="{_hex(style.stroke)}" stroke-width="{_num(style.stroke_width)}"')
    if style.opacity < 1:
        parts.append(f'opacity="{_num(style.opacity)}"')
    return " ".join(parts)


def _points(points: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def render_svg(scene: Scene) -> str:
    """The scene as an SVG document (UTF-8 text)."""
    s = scene.scale
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(scene.width * s)}" height="{_num(scene.height * s)}" '
        f'viewBox="0 0 {_num(scene.width)} {_num(scene.height)}" shape-rendering="crispEdges">',
    ]
    if scene.title:
        out.append(f"<title>{escape(scene.title)}</title>")
    out.append(
        f'<rect x="0" y="0" width="{_num(scene.width)}" height="{_num(scene.height)}" fill="{_hex(scene.background)}"/>'
    )
    for name, items in scene.layers:
        out.append(f"<g id={quoteattr(name)}>")
        for item in items:
            if isinstance(item, Rect):
                out.append(
                    f'<rect x="{_num(item.x)}" y="{_num(item.y)}" width="{_num(item.width)}" '
                    f'height="{_num(item.height)}" {_style(item.style)}/>'
                )
            elif isinstance(item, Circle):
                out.append(
                    f'<circle cx="{_num(item.cx)}" cy="{_num(item.cy)}" r="{_num(item.r)}" '
                    f'{_style(item.style)} shape-rendering="geometricPrecision"/>'
                )
            elif isinstance(item, Polygon):
                out.append(
                    f'<polygon points="{_points(item.points)}" {_style(item.style)} '
                    'shape-rendering="geometricPrecision"/>'
                )
            elif isinstance(item, Polyline):
                line_style = Style(None, item.style.stroke, item.style.stroke_width, item.style.opacity)
                out.append(
                    f'<polyline points="{_points(item.points)}" {_style(line_style)} '
                    'stroke-linecap="round" stroke-linejoin="round"/>'
                )
            elif isinstance(item, Text):
                weight = ' font-weight="bold"' if item.bold else ""
                out.append(
                    f'<text x="{_num(item.x)}" y="{_num(item.y)}" font-size="{_num(item.size)}" '
                    f'font-family="sans-serif" text-anchor="middle" dominant-baseline="central" '
                    f'fill="{_hex(item.fill)}"{weight}>{escape(item.text)}</text>'
                )
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out) + "\n"
