"""Image service benchmark: map generation (layout only) and rendering for 40x40 and 100x100 maps of
every kind, p50 over several seeds; offline portrait and item icon rendering.

Run from the repository root:  .venv/bin/python bench/image_bench.py
It rewrites its own ``## Image service`` section of bench/RESULTS.md and leaves the others intact.
"""

from __future__ import annotations

import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from image_service.maps.generation import generate_map
from image_service.maps.overlays import Overlays
from image_service.maps.rendering import map_png, map_svg
from image_service.providers.offline_item import ItemSpec, render_item_icon
from image_service.providers.offline_portrait import PortraitSpec, render_portrait

RESULTS = Path(__file__).with_name("RESULTS.md")
SECTION = "## Image service"
KINDS = ("dungeon", "cave", "tavern", "wilderness")
SIZES = ((40, 40), (100, 100))
RUNS = 31


def timed(function: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds per call, ``runs`` calls (after one warm-up call)."""
    function()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _generate(kind: str, width: int, height: int, seeds: Iterator[int]) -> object:
    return generate_map(kind, width, height, next(seeds))  # type: ignore[arg-type]


def p50(samples: list[float]) -> float:
    return statistics.median(samples)


def p95(samples: list[float]) -> float:
    return sorted(samples)[max(0, round(0.95 * len(samples)) - 1)]


def main() -> None:
    load = os.getloadavg()
    rows = []
    for width, height in SIZES:
        for kind in KINDS:
            generation = timed(partial(_generate, kind, width, height, iter(range(10_000))), RUNS)
            layout = generate_map(kind, width, height, 1)  # type: ignore[arg-type]
            png = timed(partial(map_png, layout, "classic", Overlays()), 5)
            svg = timed(partial(map_svg, layout, "classic", Overlays()), 5)
            rows.append((f"{width}x{height}", kind, p50(generation), p95(generation), p50(png), p50(svg)))
            print(
                f"{width}x{height} {kind:<10} generate p50 {p50(generation):7.2f} ms  p95 {p95(generation):7.2f} ms"
                f"  png p50 {p50(png):7.1f} ms  svg p50 {p50(svg):7.1f} ms"
            )
    portrait_seeds = iter(range(10_000))
    portrait = timed(
        lambda: render_portrait(PortraitSpec("Bench", "elf", "wizard", "", "classic", "token", next(portrait_seeds))),
        10,
    )
    item = timed(lambda: render_item_icon(ItemSpec("Bench", "potion", "rare", "", 1)), 10)
    print(f"portrait p50 {p50(portrait):.0f} ms, item icon p50 {p50(item):.0f} ms")

    lines = [
        SECTION,
        "",
        "Command (from the repository root):",
        "",
        "    .venv/bin/python bench/image_bench.py",
        "",
        f"Map generation = the layout only (`generate_map`), p50/p95 over {RUNS} seeds after a warm-up; "
        "rendering = PNG (Pillow, compress level 3) and SVG of the same map, p50 of 5, at the default scale "
        "(40x40: 40 px/square, 100x100: 16 px/square).",
        "",
        "| size | kind | generate p50 (ms) | generate p95 (ms) | PNG p50 (ms) | SVG p50 (ms) |",
        "|---|---|---|---|---|---|",
    ]
    for size, kind, gen50, gen95, png50, svg50 in rows:
        lines.append(f"| {size} | {kind} | {gen50:.2f} | {gen95:.2f} | {png50:.1f} | {svg50:.1f} |")
    lines += [
        "",
        f"- offline portrait (512x512, drawn at 1024 and downsampled): p50 **{p50(portrait):.0f} ms**",
        f"- offline item icon (256x256): p50 **{p50(item):.0f} ms**",
        f"- Python {platform.python_version()} on {platform.machine()} ({platform.system()}), single thread; "
        f"{os.cpu_count()} cores shared with other work, load average {load[0]:.1f} when the run started "
        "(numbers move by 2-3x with the load)",
        "",
    ]
    section = "\n".join(lines)
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    found = pattern.search(text)
    text = pattern.sub(lambda _: section + "\n", text) if found else text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n")
    print(f"updated {RESULTS}", file=sys.stderr)


if __name__ == "__main__":
    main()
