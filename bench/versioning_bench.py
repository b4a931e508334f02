"""Version control of characters: history listing with 1,000 commits, diff and merge over that history,
and the pure three-way merge of builds.

    .venv/bin/python bench/versioning_bench.py          # then see the "Version control" section of bench/RESULTS.md

Method: a private embedded PostgreSQL and Redis (as the tests use), the character service's migrations,
and the character app in-process (``httpx.ASGITransport``: the full FastAPI stack with internal-token
verification, request-scoped sessions and the real queries; no Traefik, which adds about 0.6 ms per
request on this machine, see PLATFORM-NOTES). One wizard is created from
``character_service/examples/wizard_elf_3.json`` and edited 999 times through ``PATCH`` (each edit is a
commit), so its ``main`` branch holds 1,000 commits. Then, after a warm-up:

- ``GET /{id}/history?limit=50`` (the first page) and a page deep in the history (cursor after 750
  commits): 300 sequential requests each, in six interleaved rounds of 50, p50/p95;
- ``GET /{id}/diff`` from the first commit to the head: 100 requests;
- ``POST /{id}/merge``: six three-way merges of a branch made at the first commit (so the merge base
  search walks the whole 1,000-commit ancestry), each changing one field;
- ``three_way_merge`` of two edited builds in-process: 2,000 calls.

The client, the app and the databases share the same 2 cores.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "character_service" / "examples" / "wizard_elf_3.json"
COMMITS = 1_000
BASE = "/api/v1/characters"
SECTION = "## Version control"


def percentile(samples: list[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``samples``."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


async def timed(client: httpx.AsyncClient, method: str, url: str, n: int, **kwargs: Any) -> list[float]:
    """``n`` sequential requests; their latencies in ms (each must succeed)."""
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        response = await client.request(method, url, **kwargs)
        samples.append((time.perf_counter() - start) * 1000)
        response.raise_for_status()
    return samples


def merge_in_process(build: dict[str, Any], n: int) -> list[float]:
    """Pure three-way merges of two edited copies of ``build`` (ms each)."""
    from character_service.versions.summary import BUILD_LIST_RULES
    from dnd_shared.versioning import three_way_merge

    ours = copy.deepcopy(build)
    ours["name"] = "Renamed"
    ours["spells"]["prepared"]["wizard"] = [*ours["spells"]["prepared"]["wizard"][:-1], "shatter"]
    theirs = copy.deepcopy(build)
    theirs["languages"] = ["elvish", "giant"]
    theirs["equipment"] = [*theirs["equipment"], {"item_id": "dagger", "quantity": 1}]
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        result = three_way_merge(build, ours, theirs, rules=BUILD_LIST_RULES)
        samples.append((time.perf_counter() - start) * 1000)
        assert result.clean
    return samples


async def measure(database_url: str) -> dict[str, float]:
    from character_service.main import create_app
    from dnd_shared.testing.identity import SignedIdentity

    identity = SignedIdentity()
    app = create_app()
    identity.install(app)
    user_id = uuid.uuid4()
    headers: dict[str, str] = {}

    async def sign(request: httpx.Request) -> None:
        # Internal tokens are short-lived: sign every request afresh, as the edge does.
        request.headers.update(identity.headers(user_id))
    build = json.loads(EXAMPLE.read_text())
    build.pop("state", None)
    results: dict[str, float] = {}
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench",
                                     event_hooks={"request": [sign]}) as client:
            created = await client.post(BASE, json=build, headers=headers)
            created.raise_for_status()
            cid = created.json()["id"]
            url = f"{BASE}/{cid}"
            start = time.perf_counter()
            for i in range(1, COMMITS):
                edit = {"backstory": f"Session {i}"} if i % 2 else {"name": f"Ilyra {i}"}
                response = await client.patch(url, json=edit, headers={**headers, "If-Match": "*"})
                response.raise_for_status()
            results["commit_write_mean_ms"] = round((time.perf_counter() - start) * 1000 / (COMMITS - 1), 2)

            page = await client.get(f"{url}/history", params={"limit": 50}, headers=headers)
            first_commit = None
            cursor = None
            listed = 0
            seen_cursor_at_750 = None
            while True:
                body = page.json()
                listed += len(body["items"])
                if listed == 750:
                    seen_cursor_at_750 = body["next_cursor"]
                cursor = body["next_cursor"]
                if cursor is None:
                    first_commit = body["items"][-1]["id"]
                    break
                page = await client.get(f"{url}/history", params={"limit": 50, "cursor": cursor}, headers=headers)
            assert listed == COMMITS, listed
            results["history_commits"] = listed

            await timed(client, "GET", f"{url}/history", 30, params={"limit": 50}, headers=headers)
            first: list[float] = []
            deep: list[float] = []
            for _ in range(6):  # interleaved rounds, so a burst of load on the shared machine hits both alike
                first += await timed(client, "GET", f"{url}/history", 50, params={"limit": 50}, headers=headers)
                deep += await timed(client, "GET", f"{url}/history", 50,
                                    params={"limit": 50, "cursor": seen_cursor_at_750}, headers=headers)
            results.update({
                "history_first_p50_ms": round(statistics.median(first), 2),
                "history_first_p95_ms": round(percentile(first, 95), 2),
                "history_deep_p50_ms": round(statistics.median(deep), 2),
                "history_deep_p95_ms": round(percentile(deep, 95), 2),
            })
            diff = await timed(client, "GET", f"{url}/diff", 100, params={"from": first_commit, "to": "main"},
                               headers=headers)
            results["diff_p50_ms"] = round(statistics.median(diff), 2)
            results["diff_p95_ms"] = round(percentile(diff, 95), 2)

            merges = []
            fields = [{"appearance": "Tall"}, {"alignment": "Neutral Good"}, {"personality": {"traits": "Curious"}},
                      {"personality": {"ideals": "Knowledge"}}, {"personality": {"bonds": "The library"}},
                      {"personality": {"flaws": "Proud"}}]
            for i, edit in enumerate(fields):
                name = f"side-{i}"
                (await client.post(f"{url}/branches", json={"name": name, "from": first_commit},
                                   headers=headers)).raise_for_status()
                (await client.post(f"{url}/checkout", json={"branch": name}, headers=headers)).raise_for_status()
                (await client.patch(url, json=edit, headers={**headers, "If-Match": "*"})).raise_for_status()
                (await client.post(f"{url}/checkout", json={"branch": "main"}, headers=headers)).raise_for_status()
                start = time.perf_counter()
                merged = await client.post(f"{url}/merge", json={"source": name}, headers=headers)
                merges.append((time.perf_counter() - start) * 1000)
                merged.raise_for_status()
                assert merged.json()["result"] == "merged", merged.text
            results["merge_three_way_median_ms"] = round(statistics.median(merges), 1)
            results["merge_three_way_max_ms"] = round(max(merges), 1)

    results["load_average_1m"] = round(os.getloadavg()[0], 2)
    pure = merge_in_process(build, 2000)
    results["pure_merge_p50_ms"] = round(statistics.median(pure), 3)
    results["pure_merge_p95_ms"] = round(percentile(pure, 95), 3)
    return results


def write_results(results: dict[str, float]) -> None:
    """Replace (or append) this benchmark's section of bench/RESULTS.md."""
    lines = [
        SECTION, "",
        f"Command: `.venv/bin/python bench/versioning_bench.py` — {platform.machine()}, Python "
        f"{platform.python_version()}; the character app in-process over ASGI (identity verification, "
        "request-scoped sessions, real queries; no Traefik), embedded PostgreSQL and Redis, 2 cores shared.",
        "", f"One character with {int(results['history_commits'])} commits on `main` (999 `PATCH` edits after the "
        "create).", "", "| measure | value | target |", "|---|---|---|",
        f"| `GET /{{id}}/history?limit=50`, first page, p95 | **{results['history_first_p95_ms']} ms** | < 20 ms |",
        f"| same, p50 | {results['history_first_p50_ms']} ms | — |",
        f"| `GET /{{id}}/history?limit=50`, page after 750 commits (cursor), p95 | {results['history_deep_p95_ms']} ms "
        "| < 20 ms |",
        f"| same, p50 | {results['history_deep_p50_ms']} ms | — |",
        f"| `GET /{{id}}/diff` first commit -> head, p50 / p95 | {results['diff_p50_ms']} / "
        f"{results['diff_p95_ms']} ms | — |",
        f"| `POST /{{id}}/merge`, three-way over the 1,000-commit ancestry, median / max of 6 | "
        f"{results['merge_three_way_median_ms']} / {results['merge_three_way_max_ms']} ms | — |",
        f"| `PATCH` edit with its commit, mean while writing the history | {results['commit_write_mean_ms']} ms | — |",
        f"| `three_way_merge` of two edited builds (pure), p50 / p95 | {results['pure_merge_p50_ms']} / "
        f"{results['pure_merge_p95_ms']} ms | — |",
        "",
        f"The machine is shared with other work: the 1-minute load average at the end of the run was "
        f"{results['load_average_1m']} on 2 cores, which mostly inflates the p95s (a history page is two "
        "statements: the character, then one recursive walk of first parents that finds the branch head itself).",
        "",
    ]
    path = REPO / "bench" / "RESULTS.md"
    text = path.read_text() if path.exists() else "# Benchmark results\n\n"
    if SECTION in text:
        start = text.index(SECTION)
        rest = text[start + len(SECTION):]
        end = rest.find("\n## ")
        text = text[:start] + "\n".join(lines) + (rest[end + 1:] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines)
    path.write_text(text)


def main() -> None:
    from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, remove_tree

    root = Path(tempfile.mkdtemp(prefix="dnd-bench-versioning-"))
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
        from character_service.migrate import upgrade

        upgrade(database_url)
        results = asyncio.run(measure(database_url))
    finally:
        redis.stop()
        postgres.stop()
        remove_tree(root)
    print(json.dumps(results, indent=2))
    write_results(results)


if __name__ == "__main__":
    sys.exit(main())
