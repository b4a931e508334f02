"""Character service through Traefik (TLS + rate limit + forward-auth + the service + PostgreSQL):
``GET /api/v1/characters/{id}`` latency and throughput, and listing with 100,000 characters stored.

    .venv/bin/python bench/character_bench.py            # private stack, then writes bench/RESULTS.md

Method: a private stack from the README's runner; a real account registered and logged in through
the edge (bearer JWT); one character created from ``character_service/examples/fighter_dwarf_5.json``.
Latency: sequential keep-alive GETs after a warm-up (every GET computes the full sheet on read).
Throughput: 16 concurrent keep-alive clients for a fixed time. The edge's per-IP rate limit (200/s,
burst 400 in traefik/dynamic/routers.yml) would cap a single client machine, so the stack for this
measurement runs with ``--edge-rate-limit 100000``; the same limit otherwise. Listing: 100,000 rows
for the same owner inserted with COPY, then the first page, a deep page (cursor) and a class filter.
The client runs on the same 2-core machine and competes with the stack for CPU.
"""

from __future__ import annotations

import asyncio
import json
import platform
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import asyncpg
import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "shared" / "src"))

from dnd_shared.testing.stack import RunningStack, pick_port_offset  # noqa: E402

EXAMPLE = REPO / "character_service" / "examples" / "fighter_dwarf_5.json"
LIST_ROWS = 100_000


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def login(client: httpx.Client, stack: RunningStack) -> tuple[str, str]:
    email = f"bench-{uuid.uuid4().hex[:8]}@example.com"
    password = "correct horse battery staple 42"
    registered = client.post(stack.https_url("/api/v1/auth/register"),
                             json={"email": email, "display_name": "Bench", "password": password})
    registered.raise_for_status()
    tokens = client.post(stack.https_url("/api/v1/auth/login"), json={"email": email, "password": password})
    tokens.raise_for_status()
    return tokens.json()["access_token"], registered.json()["id"]


def sequential_get(client: httpx.Client, url: str, headers: dict[str, str], n: int) -> list[float]:
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
    return samples


async def throughput(stack: RunningStack, url: str, headers: dict[str, str], seconds: float, workers: int) -> float:
    done = 0
    deadline = time.perf_counter() + seconds

    async def worker() -> None:
        nonlocal done
        async with httpx.AsyncClient(verify=stack.tls, headers=headers, timeout=10) as client:
            while time.perf_counter() < deadline:
                response = await client.get(url)
                if response.status_code != 200:
                    raise RuntimeError(f"{response.status_code}: {response.text[:200]}")
                done += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    return done / (time.perf_counter() - start)


async def load_rows(stack: RunningStack, owner_id: str, build: dict[str, object], rows: int) -> None:
    connection = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{stack.postgres_port}/dnd")
    try:
        classes = ["fighter", "wizard", "rogue", "cleric"]
        records = []
        for i in range(rows):
            document = dict(build)
            document["name"] = f"Bulk {i:06d}"
            document["classes"] = [{"id": classes[i % 4], "level": 1 + i % 20}]
            records.append((uuid.uuid4(), uuid.UUID(owner_id), "active", "2024", json.dumps(document),
                            json.dumps({}), "xp"))
        await connection.copy_records_to_table(
            "character", schema_name="character",
            columns=["id", "owner_id", "status", "rules_version", "build", "state", "advancement"], records=records)
        await connection.execute('ANALYZE "character"."character"')
    finally:
        await connection.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="dnd-bench-") as root:
        Path(root).chmod(0o755)
        stack = RunningStack(repo=REPO, var_dir=Path(root) / "var", port_offset=pick_port_offset(),
                             edge_rate_limit=100_000)
        stack.start()
        try:
            results = run(stack)
        finally:
            stack.stop()
    write_results(results)
    print(json.dumps(results, indent=2))


def run(stack: RunningStack) -> dict[str, float]:
    build = json.loads(EXAMPLE.read_text())
    build.pop("state", None)
    with httpx.Client(verify=stack.tls, timeout=10) as client:
        token, user_id = login(client, stack)
        headers = {"Authorization": f"Bearer {token}"}
        created = client.post(stack.https_url("/api/v1/characters"), json=build, headers=headers)
        created.raise_for_status()
        url = stack.https_url(f"/api/v1/characters/{created.json()['id']}")
        sequential_get(client, url, headers, 300)
        samples = sequential_get(client, url, headers, 3000)
    rps = asyncio.run(throughput(stack, url, headers, seconds=10, workers=16))

    asyncio.run(load_rows(stack, user_id, build, LIST_ROWS))
    list_url = stack.https_url("/api/v1/characters")
    with httpx.Client(verify=stack.tls, timeout=30) as client:
        first_page = sequential_get(client, f"{list_url}?limit=50", headers, 50)
        first_page = sequential_get(client, f"{list_url}?limit=50", headers, 500)
        page = client.get(f"{list_url}?limit=200", headers=headers).json()
        for _ in range(100):  # walk 20,000 rows deep
            page = client.get(f"{list_url}?limit=200&cursor={page['next_cursor']}", headers=headers).json()
        deep = sequential_get(client, f"{list_url}?limit=50&cursor={page['next_cursor']}", headers, 300)
        by_class = sequential_get(client, f"{list_url}?limit=50&class=wizard", headers, 300)
    return {
        "get_p50_ms": round(statistics.median(samples), 2),
        "get_p99_ms": round(percentile(samples, 99), 2),
        "get_rps_16_clients": round(rps, 1),
        "list_first_page_p95_ms": round(percentile(first_page, 95), 2),
        "list_deep_page_p95_ms": round(percentile(deep, 95), 2),
        "list_class_filter_p95_ms": round(percentile(by_class, 95), 2),
    }


def write_results(results: dict[str, float]) -> None:
    section = "## Character service (through Traefik)"
    lines = [
        section, "",
        f"Command: `.venv/bin/python bench/character_bench.py` — {platform.machine()}, Python "
        f"{platform.python_version()}, 2 cores shared by client, Traefik, the services, PostgreSQL and Redis.",
        "", "| measure | value | target |", "|---|---|---|",
        f"| `GET /api/v1/characters/{{id}}` p50 (sheet computed on read) | {results['get_p50_ms']} ms | ≤ 5 ms |",
        f"| `GET /api/v1/characters/{{id}}` p99 | {results['get_p99_ms']} ms | — |",
        f"| requests/s, 16 keep-alive clients (edge rate limit raised for the run) | "
        f"{results['get_rps_16_clients']} | ≥ 300 |",
        f"| list, first page of 50, 100,000 characters stored, p95 | {results['list_first_page_p95_ms']} ms "
        "| ≤ 50 ms |",
        f"| list, page 50 after 20,000 rows (cursor), p95 | {results['list_deep_page_p95_ms']} ms | ≤ 50 ms |",
        f"| list filtered by class, p95 | {results['list_class_filter_p95_ms']} ms | — |",
        "",
        "With the default edge rate limit a single client IP is held to 200 requests/s sustained (burst 400).",
        "",
    ]
    path = REPO / "bench" / "RESULTS.md"
    text = path.read_text() if path.exists() else "# Benchmark results\n\n"
    if section in text:
        start = text.index(section)
        rest = text[start + len(section):]
        end = rest.find("\n## ")
        text = text[:start] + ("\n".join(lines)) + (rest[end + 1:] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + "\n".join(lines)
    path.write_text(text)


if __name__ == "__main__":
    main()
