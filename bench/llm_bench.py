"""LLM service benchmark: what the service adds around a provider call.

    .venv/bin/python bench/llm_bench.py [--requests 300]

Starts a private embedded PostgreSQL and Redis (free ports, temporary directory) and the scripted
fake LLM server, applies the llm migrations, and drives the real app in-process (httpx ASGI
transport, signed identity, lifespan with the hub). ``--requests`` rounds after 20 warm-up rounds;
each round runs every measure once, so all of them see the same machine load; p50/p99 of:

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
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx

from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, remove_tree

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## LLM service"
URL = "/api/v1/llm/generate"
NAMES = json.dumps({"names": [{"name": "Bren", "note": "short"}]})
LABELS = (
    "provider call alone (OpenAI SDK -> fake server)",
    "POST /generate, cache miss (OpenAI SDK -> fake server)",
    "POST /generate, cache hit",
    "POST /generate, cache miss (offline provider)",
)
Caller = Callable[[dict[str, Any]], Awaitable[None]]


def percentiles(samples: list[float]) -> dict[str, float]:
    """p50 and p99 in milliseconds."""
    ordered = sorted(samples)
    return {"p50": statistics.median(ordered) * 1000,
            "p99": ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))] * 1000}


@asynccontextmanager
async def open_app(database_url: str, fake_url: str, order: list[str]) -> AsyncIterator[Caller]:
    """The real app with ``order`` as its provider chain, and a function that POSTs one generate request."""
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
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

            async def post(options: dict[str, Any]) -> None:
                body = {"task": "name", "input": {"count": 1}, "options": options}
                response = await client.post(URL, headers=headers, json=body)
                assert response.status_code == 200, response.text

            yield post


async def run(count: int, warmup: int = 20) -> dict[str, list[float]]:
    """Every measure once per round, rounds interleaved, so all rows see the same machine load."""
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
    samples: dict[str, list[float]] = {label: [] for label in LABELS}
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
        async with open_app(url, fake.url, ["openai"]) as openai_post, \
                open_app(url, fake.url, ["offline"]) as offline_post:
            calls: dict[str, Callable[[int], Awaitable[Any]]] = {
                LABELS[0]: lambda i: provider.complete(request),
                LABELS[1]: lambda i: openai_post({"bypass_cache": True, "seed": i}),
                LABELS[2]: lambda i: openai_post({"seed": 424242}),
                LABELS[3]: lambda i: offline_post({"bypass_cache": True, "seed": i}),
            }
            for i in range(warmup + count):
                for label, call in calls.items():
                    started = time.perf_counter()
                    await call(i)
                    if i >= warmup:
                        samples[label].append(time.perf_counter() - started)
        await provider.aclose()
    finally:
        fake.stop()
        redis.stop()
        postgres.stop()
        remove_tree(root)
    return samples


def render(samples: dict[str, list[float]], command: str, count: int) -> str:
    overhead = [miss - alone for miss, alone in zip(samples[LABELS[1]], samples[LABELS[0]], strict=True)]
    lines = [
        SECTION,
        "",
        f"Command (from the repository root): `{command}`",
        "",
        "Private embedded PostgreSQL and Redis, the scripted fake OpenAI server on 127.0.0.1, the real app "
        "in-process through httpx's ASGI transport (signed identity, rate limit, quota query, cache, usage row). "
        f"{count} rounds after 20 warm-up rounds; each round runs every row once, one request at a time, so all "
        f"rows see the same machine load. {platform.machine()}, Python {platform.python_version()}, 2 cores "
        "shared with PostgreSQL, Redis, the fake server and other engineers' test runs (load average "
        f"{os.getloadavg()[0]:.1f} at the end of the run).",
        "",
        "| measure | p50 (ms) | p99 (ms) |",
        "|---|---|---|",
    ]
    for label in LABELS:
        values = percentiles(samples[label])
        lines.append(f"| {label} | {values['p50']:.2f} | {values['p99']:.2f} |")
    paired = percentiles(overhead)
    lines += [
        "",
        f"- service overhead around a provider call (per round: cache miss minus the provider call alone): "
        f"p50 **{paired['p50']:.2f} ms**, p99 {paired['p99']:.2f} ms",
        f"- a cache hit answers in p50 **{percentiles(samples[LABELS[2]])['p50']:.2f} ms** without calling any "
        "provider",
        "- where the time goes: two short PostgreSQL transactions (the quota query before, the usage row after; "
        "the latter commits without waiting for the WAL flush), a Redis script (rate limit), a Redis GET/SET "
        "(cache), the signed-identity check and the JSON work",
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
    samples = asyncio.run(run(args.requests))
    section = render(samples, command, args.requests)
    print(section)
    write_section(section)


if __name__ == "__main__":
    main()
