"""LLM service benchmark: what the service adds around a provider call.

    .venv/bin/python bench/llm_bench.py [--requests 300]

Starts a private embedded PostgreSQL and Redis (free ports, temporary directory) and the scripted
fake LLM server, applies the llm migrations, and drives the real app in-process (httpx ASGI
transport, signed identity, lifespan with the hub). Measured, p50/p99 over ``--requests`` calls
after a warm-up:

- the provider alone: the OpenAI SDK calling the fake server (the baseline);
- ``POST /generate``, cache miss (``bypass_cache``) through the OpenAI provider: identity, rate limit,
  quota query, prompt, SDK call, schema validation, cache write, usage row;
- ``POST /generate``, cache hit: identity, rate limit, quota query, Redis read, usage row;
- ``POST /generate``, offline provider, cache miss (the phrase-table writer included).

Writes the "## LLM service" section of bench/RESULTS.md (other sections are kept).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, remove_tree

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## LLM service"
URL = "/api/v1/llm/generate"
NAMES = json.dumps({"names": [{"name": "Bren", "note": "short"}]})


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50 and p99 in milliseconds."""
    ordered = sorted(samples)
    return {"p50": statistics.median(ordered) * 1000,
            "p99": ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] * 1000}


async def timed(call: Callable[[int], Awaitable[Any]], count: int, warmup: int = 20) -> dict[str, float]:
    for i in range(warmup):
        await call(-1 - i)
    samples = []
    for i in range(count):
        started = time.perf_counter()
        await call(i)
        samples.append(time.perf_counter() - started)
    return percentiles(samples)


async def measure_app(database_url: str, fake_url: str, order: list[str], count: int) -> dict[str, dict[str, float]]:
    """``POST /generate`` through the real app with ``order`` as its provider chain."""
    from pydantic import SecretStr

    from dnd_shared.db.engine import Database
    from dnd_shared.testing.identity import SignedIdentity
    from llm_service.config import Settings
    from llm_service.main import create_app

    settings = Settings(
        provider_order=order, openai_api_key=SecretStr("bench"), openai_base_url=fake_url + "/v1",
        text_requests_per_minute=1_000_000, daily_token_quota=10**12, monthly_token_quota=10**12,
    )
    app = create_app(settings)
    identity = SignedIdentity()
    identity.install(app)
    app.state.database = Database(database_url, "llm", pool_size=4)
    headers = identity.headers(uuid.uuid4())
    report: dict[str, dict[str, float]] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def miss(i: int) -> None:
                options = {"bypass_cache": True, "seed": i + 100}
                body = {"task": "name", "input": {"count": 1}, "options": options}
                response = await client.post(URL, headers=headers, json=body)
                assert response.status_code == 200 and not response.json()["cached"], response.text

            async def hit(i: int) -> None:
                body = {"task": "name", "input": {"count": 1}, "options": {"seed": 424242}}
                response = await client.post(URL, headers=headers, json=body)
                assert response.status_code == 200, response.text

            if order == ["openai"]:
                report["POST /generate, cache miss (OpenAI SDK -> fake server)"] = await timed(miss, count)
                await hit(0)
                report["POST /generate, cache hit"] = await timed(hit, count)
            else:
                report["POST /generate, cache miss (offline provider)"] = await timed(miss, count)
    return report


async def run(count: int) -> dict[str, dict[str, float]]:
    from llm_service.migrate import upgrade
    from llm_service.providers.base import GenerationRequest
    from llm_service.providers.openai_provider import OpenAIProvider
    from llm_service.tasks.prompts import build_prompt
    from llm_service.tasks.registry import resolve_task
    from llm_service.testing.fake_llm_server import FakeLLMServer, Reply

    root = Path(tempfile.mkdtemp(prefix="llm-bench-"))
    os.chmod(root, 0o755)
    postgres = EmbeddedPostgres(root / "pg", free_port(), root / "postgres.log")
    redis = EmbeddedRedis(root / "redis", free_port(), root / "redis.log", persistent=False)
    fake = FakeLLMServer().start()
    fake.script(default=Reply(NAMES, input_tokens=50, output_tokens=20))
    report: dict[str, dict[str, float]] = {}
    postgres.start()
    redis.start()
    try:
        postgres.ensure_database("bench")
        url = postgres.url("bench")
        os.environ.update({"DND_DATABASE_URL": url, "DND_REDIS_URL": redis.url, "DND_ENV": "test"})
        await asyncio.to_thread(upgrade, url)

        resolved = resolve_task("name", {"count": 1})
        prompt = build_prompt(resolved.spec.instructions, resolved.input, resolved.output_model, "name")
        request = GenerationRequest("name", resolved.input.model_dump(), prompt, 0.7, 200, None)
        provider = OpenAIProvider(name="openai", api_key="bench", base_url=fake.url + "/v1", model="gpt-4o-mini")
        report["provider call alone (OpenAI SDK -> fake server)"] = await timed(
            lambda i: provider.complete(request), count)
        await provider.aclose()

        report.update(await measure_app(url, fake.url, ["openai"], count))
        report.update(await measure_app(url, fake.url, ["offline"], count))
    finally:
        fake.stop()
        redis.stop()
        postgres.stop()
        remove_tree(root)
    return report


def render(report: dict[str, dict[str, float]], command: str, count: int) -> str:
    baseline = report["provider call alone (OpenAI SDK -> fake server)"]
    miss = report["POST /generate, cache miss (OpenAI SDK -> fake server)"]
    lines = [
        SECTION,
        "",
        f"Command (from the repository root): `{command}`",
        "",
        "Private embedded PostgreSQL and Redis, the scripted fake OpenAI server on 127.0.0.1, the real app "
        "in-process through httpx's ASGI transport (signed identity, rate limit, quota query, cache, usage row). "
        f"{count} requests per row after 20 warm-up requests, one at a time. "
        f"{platform.machine()}, Python {platform.python_version()}, 2 cores shared with PostgreSQL, Redis and the "
        f"fake server (and other engineers' test runs: load average {os.getloadavg()[0]:.1f} at the end of the run, "
        "so the absolute numbers are pessimistic; the difference between rows is what matters).",
        "",
        "| measure | p50 (ms) | p99 (ms) |",
        "|---|---|---|",
    ]
    for label, values in report.items():
        lines.append(f"| {label} | {values['p50']:.2f} | {values['p99']:.2f} |")
    lines += [
        "",
        f"- service overhead around a provider call (cache miss minus the provider alone): "
        f"p50 **{miss['p50'] - baseline['p50']:.2f} ms**",
        f"- a cache hit answers in p50 **{report['POST /generate, cache hit']['p50']:.2f} ms** without calling any "
        "provider",
    ]
    return "\n".join(lines) + "\n"


def write_section(section: str) -> None:
    """Replace this benchmark's section of RESULTS.md (or append it), keeping the others."""
    existing = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start = existing.find(SECTION + "\n")
    if start == -1:
        updated = existing.rstrip("\n") + "\n\n" + section
    else:
        end = existing.find("\n## ", start + len(SECTION))
        updated = existing[:start] + section + ("" if end == -1 else "\n" + existing[end + 1:])
    RESULTS.write_text(updated)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    command = ".venv/bin/python bench/llm_bench.py" + ("" if args.requests == 300 else f" --requests {args.requests}")
    report = asyncio.run(run(args.requests))
    section = render(report, command, args.requests)
    print(section)
    write_section(section)


if __name__ == "__main__":
    main()
