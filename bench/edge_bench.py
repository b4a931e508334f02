"""Latency the edge adds: Traefik (TLS + rate limit + headers + body limit + forward-auth + circuit
breaker) against a direct call to the service port, for a bearer JWT and for an API key.

    .venv/bin/python bench/edge_bench.py                         # starts a private stack, then stops it
    .venv/bin/python bench/edge_bench.py --port-offset 20000 --var-dir /tmp/edge-var   # a running stack
    .venv/bin/python bench/edge_bench.py --requests 3000 --write   # also append the table to bench/RESULTS.md

Method: one keep-alive client per path (HTTPS through Traefik, plain HTTP to the service), same route
(``GET /api/v1/auth/whoami``: a real authenticated handler that needs no database, so the numbers
are the edge's and not PostgreSQL's), requests interleaved edge/direct so drift hits both alike,
after a warm-up. The direct call carries the identity headers forward-auth would add (taken from
``/auth/verify`` and refreshed every 20 s), so the service does the same work both ways; the
difference is what the edge adds. Paced below the per-IP rate limit (200/s) so no 429 pollutes the
numbers. Run it on an otherwise idle machine, or at a high priority (``nice -n -15``, and the
stack's processes reniced too) when others share it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "shared" / "src"))

from dnd_shared.testing.stack import RunningStack, pick_port_offset  # noqa: E402

ROUTE = "/api/v1/auth/whoami"
IDENTITY = ("X-User-Id", "X-User-Roles", "X-Auth-Method", "X-Auth-Scopes", "X-Internal-Token")
MIN_INTERVAL_SECONDS = 1 / 150  # stay under the general per-IP limit (average 200/s)


@dataclass
class Series:
    name: str
    samples_ms: list[float]

    def percentile(self, q: float) -> float:
        ordered = sorted(self.samples_ms)
        return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def timed(get: Callable[..., httpx.Response], path: str, headers: dict[str, str]) -> float:
    start = time.perf_counter()
    response = get(path, headers=headers)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"unexpected {response.status_code}: {response.text[:300]}")
    return elapsed


def measure(stack: RunningStack, requests: int, warmup: int) -> dict[str, Series]:
    edge_base = f"https://127.0.0.1:{stack.https_port}"
    auth_direct = f"http://127.0.0.1:{stack.service_port('auth')}"
    edge = httpx.Client(base_url=edge_base, verify=stack.tls, timeout=10)
    direct = httpx.Client(base_url=auth_direct, timeout=10)
    password = "benchmarks need a long passphrase"
    email = f"bench-{uuid.uuid4().hex[:10]}@example.com"
    assert edge.post("/api/v1/auth/register", json={"email": email, "display_name": "Timer",
                                                    "password": password}).status_code == 201
    tokens = edge.post("/api/v1/auth/login", json={"email": email, "password": password}).json()
    jwt_headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    key = edge.post("/api/v1/auth/api-keys", headers=jwt_headers,
                    json={"name": "bench", "scopes": ["characters:read"]}).json()["key"]
    key_headers = {"X-API-Key": key}

    def vouched(credential: dict[str, str], method: str, uri: str) -> dict[str, str]:
        verdict = direct.get("/auth/verify", headers={**credential, "X-Forwarded-Method": method,
                                                      "X-Forwarded-Uri": uri})
        verdict.raise_for_status()
        return {name: verdict.headers[name] for name in IDENTITY}

    cases: list[tuple[str, httpx.Client, str, dict[str, str], str]] = [
        ("jwt", direct, ROUTE, jwt_headers, ROUTE),
        ("api_key", direct, ROUTE, key_headers, ROUTE),
    ]
    results: dict[str, Series] = {}
    for name, direct_client, path, credential, _ in cases:
        edge_samples: list[float] = []
        direct_samples: list[float] = []
        verify_samples: list[float] = []
        verify_headers = {**credential, "X-Forwarded-Method": "GET", "X-Forwarded-Uri": path}
        identity = vouched(credential, "GET", path)
        identity_at = time.monotonic()
        last_edge = 0.0
        for i in range(warmup + requests):
            if time.monotonic() - identity_at > 20:
                identity, identity_at = vouched(credential, "GET", path), time.monotonic()
            wait = MIN_INTERVAL_SECONDS - (time.perf_counter() - last_edge)
            if wait > 0:
                time.sleep(wait)
            last_edge = time.perf_counter()
            edge_ms = timed(edge.get, path, credential)
            direct_ms = timed(direct_client.get, path, identity)
            verify_ms = timed(direct.get, "/auth/verify", verify_headers)
            if i >= warmup:
                edge_samples.append(edge_ms)
                direct_samples.append(direct_ms)
                verify_samples.append(verify_ms)
        results[f"{name}:edge"] = Series(f"{name}:edge", edge_samples)
        results[f"{name}:direct"] = Series(f"{name}:direct", direct_samples)
        results[f"{name}:verify"] = Series(f"{name}:verify", verify_samples)
        results[f"{name}:paired"] = Series(f"{name}:paired", [e - d for e, d in zip(edge_samples, direct_samples,
                                                                                    strict=True)])
    for client in (edge, direct):
        client.close()
    return results


def report(results: dict[str, Series], requests: int) -> str:
    lines = [
        "| credential | route | direct p50 / p99 (ms) | through the edge p50 / p99 (ms) "
        "| added p50 / p99 (ms) | paired added, median (ms) | forward-auth alone p50 (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in ("jwt", "api_key"):
        edge, direct = results[f"{name}:edge"], results[f"{name}:direct"]
        verify, paired = results[f"{name}:verify"], results[f"{name}:paired"]
        added_p50 = edge.percentile(50) - direct.percentile(50)
        added_p99 = edge.percentile(99) - direct.percentile(99)
        lines.append(
            f"| {name.replace('_', ' ')} | `GET {ROUTE}` "
            f"| {direct.percentile(50):.2f} / {direct.percentile(99):.2f} "
            f"| {edge.percentile(50):.2f} / {edge.percentile(99):.2f} "
            f"| **{added_p50:.2f}** / {added_p99:.2f} | {paired.percentile(50):.2f} "
            f"| {statistics.median(verify.samples_ms):.2f} |"
        )
    lines.append("")
    lines.append(f"{requests} timed requests per series after a warm-up, edge and direct interleaved; "
                 f"Python {platform.python_version()} client, {platform.machine()}, {os.cpu_count()} cores.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--port-offset", type=int, default=None, help="use a running stack with this offset")
    parser.add_argument("--var-dir", type=Path, default=REPO / "var", help="that stack's var dir (its certificate)")
    parser.add_argument("--write", action="store_true", help="append the results to bench/RESULTS.md")
    args = parser.parse_args(argv)

    own: RunningStack | None = None
    if args.port_offset is None:
        root = Path(tempfile.mkdtemp(prefix="dnd-bench-"))
        root.chmod(0o755)
        own = RunningStack(repo=REPO, var_dir=root / "var", port_offset=pick_port_offset())
        print(f"starting a private stack (offset {own.port_offset})…", flush=True)
        own.start()
        stack = own
    else:
        stack = RunningStack(repo=REPO, var_dir=args.var_dir, port_offset=args.port_offset)
    try:
        results = measure(stack, args.requests, args.warmup)
    finally:
        if own is not None:
            own.stop()
    table = report(results, args.requests)
    print(table)
    if args.write:
        with (REPO / "bench" / "RESULTS.md").open("a") as handle:
            handle.write("\n## Edge (Traefik + forward-auth)\n\nCommand: `.venv/bin/python bench/edge_bench.py"
                         f" --requests {args.requests}`\n\n{table}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
