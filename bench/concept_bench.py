"""Concept to character: concept-to-draft time with the offline provider, p50/p95 over the 40-concept set.

    .venv/bin/python bench/concept_bench.py          # then see "## Concept to character" in bench/RESULTS.md

Two measurements over the concepts of ``character_service/tests/concepts/test_concept_set.py``:

1. **Through the API, with the LLM offline provider and the catalog over the hub** (the product path):
   a private embedded PostgreSQL and Redis (as the tests use), every service's migrations and the SRD
   catalog seed; the LLM, catalog and character apps in-process with their lifespans (hub instances on
   the same Redis). Each run is ``POST /api/v1/characters/concepts`` and polling ``GET /concepts/{job}``
   every 10 ms until it has succeeded: proposal (``llm.generate``), catalog look-ups (``catalog.match``,
   ``catalog.create_generated`` when nothing fits), assembly, validation, the draft character and its
   branches and commits stored. 40 concepts x 2 rounds.
2. **The offline path alone** (no hub: concept vocabulary and rules data), in-process, 40 x 5.

Client, apps and databases share the machine's cores.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import sys
import tempfile
import time
import uuid
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Concept to character"
API_ROUNDS = 2
OFFLINE_ROUNDS = 5


def concept_set() -> list[str]:
    """The concepts of the acceptance set, read from the test module."""
    path = ROOT / "character_service" / "tests" / "concepts" / "test_concept_set.py"
    spec = importlib.util.spec_from_file_location("concept_set", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [row[0] for row in module.CONCEPT_SET]


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


async def measure_offline_path(concepts: list[str]) -> list[float]:
    """Milliseconds per concept on the pipeline's offline path (no hub)."""
    from character_service.concepts.pipeline import run_pipeline
    from character_service.concepts.schemas import ConceptIn
    from dnd_shared.contracts.envelope import PrincipalClaims

    claims = PrincipalClaims(user_id=uuid.uuid4())
    timings: list[float] = []
    for _ in range(OFFLINE_ROUNDS):
        for index, concept in enumerate(concepts):
            started = time.perf_counter()
            await run_pipeline(None, claims, ConceptIn(concept=concept, level=1 + index % 20))
            timings.append((time.perf_counter() - started) * 1000)
    return timings


async def measure_api(concepts: list[str]) -> dict[str, Any]:
    """Milliseconds from POST to a succeeded job, with the offline LLM provider and the catalog."""
    from catalog_service.main import create_app as create_catalog
    from character_service.main import create_app as create_character
    from dnd_shared.testing.hub_fixtures import fast_hub_settings
    from dnd_shared.testing.identity import SignedIdentity
    from llm_service.main import create_app as create_llm

    identity = SignedIdentity()
    apps = {"llm": create_llm(), "catalog": create_catalog(), "character": create_character()}
    timings: list[float] = []
    origins: dict[str, int] = {}
    reused = looked_up = 0
    async with AsyncExitStack() as stack:
        for app in apps.values():
            app.state.hub_settings = fast_hub_settings()
            identity.install(app)
            await stack.enter_async_context(app.router.lifespan_context(app))
        transport = httpx.ASGITransport(app=apps["character"])
        client = await stack.enter_async_context(httpx.AsyncClient(transport=transport, base_url="http://bench"))
        headers = identity.headers(uuid.uuid4())
        base = "/api/v1/characters/concepts"
        for round_index in range(API_ROUNDS + 1):  # round 0 warms up (caches, connections)
            for index, concept in enumerate(concepts):
                started = time.perf_counter()
                job = (await client.post(base, headers=headers, json={"concept": concept,
                                                                       "level": 1 + index % 20})).json()
                while True:
                    body = (await client.get(f"{base}/{job['id']}", headers=headers)).json()
                    if body["status"] in ("succeeded", "failed"):
                        break
                    await asyncio.sleep(0.01)
                elapsed = (time.perf_counter() - started) * 1000
                assert body["status"] == "succeeded", body["errors"]
                if round_index == 0:
                    continue
                timings.append(elapsed)
                origin = body["explanation"]["proposal_origin"].split("/")[0]
                origins[origin] = origins.get(origin, 0) + 1
                reused += body["explanation"]["reuse"]["reused"]
                looked_up += body["explanation"]["reuse"]["looked_up"]
    return {"timings": timings, "origins": origins, "reused": reused, "looked_up": looked_up}


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


def report(api: dict[str, Any], offline: list[float]) -> str:
    """The RESULTS.md section."""
    t = api["timings"]
    p50, p95, worst = percentile(t, 0.5), percentile(t, 0.95), max(t)
    o50, o95 = percentile(offline, 0.5), percentile(offline, 0.95)
    origins = ", ".join(f"{k}: {v}" for k, v in sorted(api["origins"].items()))
    return (
        f"{SECTION}\n\n"
        "Concept to a stored, legal draft (`POST /concepts` until the job has succeeded) with the LLM\n"
        "service's offline provider and the SRD catalog over the hub; LLM, catalog and character apps\n"
        "in-process on embedded PostgreSQL and Redis, no Traefik; 40 concepts x "
        f"{API_ROUNDS} rounds after a warm-up round.\n\n"
        "| path | runs | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|\n"
        f"| API, offline LLM + catalog | {len(t)} | {p50:.0f} | {p95:.0f} | {worst:.0f} |\n"
        f"| pipeline alone, vocabulary + rules data (no hub) | {len(offline)} | {o50:.1f} | {o95:.1f} | "
        f"{max(offline):.1f} |\n\n"
        f"Target p95 <= 2000 ms: {'met' if p95 <= 2000 else 'missed'} ({p95:.0f} ms). Proposals: {origins}. "
        f"Catalog reuse over the timed runs: {api['reused']}/{api['looked_up']} = "
        f"{api['reused'] / max(1, api['looked_up']):.2f}.\n\n"
        "Command: `.venv/bin/python bench/concept_bench.py`\n\n"
    )


def main() -> None:
    """Start the private databases, measure, record."""
    from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, remove_tree
    from dnd_shared.testing.fixtures import apply_fleet_migrations

    concepts = concept_set()
    root = Path(tempfile.mkdtemp(prefix="dnd-bench-concepts-"))
    os.chmod(root, 0o755)
    postgres = EmbeddedPostgres(root / "pg", free_port(), root / "log" / "postgres.log")
    redis = EmbeddedRedis(root / "redis", free_port(), root / "log" / "redis.log", persistent=False)
    postgres.start()
    try:
        redis.start()
        postgres.ensure_database("dnd_bench")
        postgres.ensure_extensions("dnd_bench")
        database_url = postgres.url("dnd_bench")
        os.environ.update({"DND_ENV": "test", "DND_DATABASE_URL": database_url, "DND_REDIS_URL": redis.url,
                           "DND_LOG_LEVEL": "WARNING"})
        apply_fleet_migrations(database_url)
        api = asyncio.run(measure_api(concepts))
    finally:
        redis.stop()
        postgres.stop()
        remove_tree(root)
    offline = asyncio.run(measure_offline_path(concepts))
    body = report(api, offline)
    write_section(body)
    sys.stdout.write(body)


if __name__ == "__main__":
    main()
