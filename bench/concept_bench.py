"""Concept-to-draft time on the offline path, p50/p95 over the 40-concept acceptance set.

Runs the character service's concept pipeline in-process (concept vocabulary, assembly, deterministic
repair, full rules validation, explanation) for each concept of
``character_service/tests/concepts/test_concept_set.py``, several rounds, and writes the
``## Concept to character`` section of ``bench/RESULTS.md``.

    .venv/bin/python bench/concept_bench.py
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
import time
import uuid
from pathlib import Path

from character_service.concepts.pipeline import run_pipeline
from character_service.concepts.schemas import ConceptIn
from dnd_shared.contracts.envelope import PrincipalClaims

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Concept to character"
ROUNDS = 5


def concept_set() -> list[tuple[str, str, str, str]]:
    """The acceptance set, read from the test module."""
    path = ROOT / "character_service" / "tests" / "concepts" / "test_concept_set.py"
    spec = importlib.util.spec_from_file_location("concept_set", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CONCEPT_SET)


async def measure() -> list[float]:
    """Milliseconds per concept (all rounds)."""
    claims = PrincipalClaims(user_id=uuid.uuid4())
    timings: list[float] = []
    concepts = concept_set()
    for _ in range(ROUNDS):
        for index, (concept, *_rest) in enumerate(concepts):
            started = time.perf_counter()
            await run_pipeline(None, claims, ConceptIn(concept=concept, level=1 + index % 20))
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def write_section(body: str) -> None:
    """Replace (or append) this benchmark's section of RESULTS.md, leaving the others intact."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + body
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + body + (text[end + 1:] if end >= 0 else "")
    RESULTS.write_text(text if text.endswith("\n") else text + "\n")


def main() -> None:
    """Measure and record."""
    timings = asyncio.run(measure())
    p50, p95, worst = percentile(timings, 0.5), percentile(timings, 0.95), max(timings)
    body = (
        f"{SECTION}\n\n"
        f"Concept -> legal build + explanation on the offline path (concept vocabulary, rules data, full\n"
        f"validation), 40 concepts x {ROUNDS} rounds = {len(timings)} runs, in-process, one core.\n\n"
        f"| metric | ms |\n|---|---|\n| p50 | {p50:.1f} |\n| p95 | {p95:.1f} |\n| max | {worst:.1f} |\n\n"
        f"Target p95 <= 2000 ms: {'met' if p95 <= 2000 else 'missed'}. Not included: the job row, the draft's\n"
        f"commits and the hub round trips (LLM offline provider, catalog.match), which the API test covers.\n\n"
        f"Command: `.venv/bin/python bench/concept_bench.py`\n\n"
    )
    write_section(body)
    sys.stdout.write(body)


if __name__ == "__main__":
    main()
