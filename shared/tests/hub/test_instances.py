"""Several instances of one service in separate processes: they share the load, and when one is
killed with SIGKILL mid-stream its pending events are handled by the other and it leaves discovery
within the registry TTL."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from dnd_shared.contracts.envelope import CloudEvent
from dnd_shared.hub import keys
from dnd_shared.hub.registry import Registry
from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.hub_fixtures import HubFactory

WORKER = Path(__file__).with_name("hub_worker.py")
TTL = 2.0
WORKER_ENV = {
    "DND_HUB_REGISTRY_TTL": str(TTL), "DND_HUB_HEARTBEAT_INTERVAL": "0.5", "DND_HUB_CLAIM_IDLE": "1.0",
    "DND_HUB_RECLAIM_INTERVAL": "0.2", "DND_HUB_BLOCK_MS": "200",
}


class Workers:
    def __init__(self, redis_url: str, record: Path) -> None:
        self.redis_url = redis_url
        self.record = record
        self.processes: list[subprocess.Popen[str]] = []

    def start(self, service: str) -> tuple[subprocess.Popen[str], str]:
        process = subprocess.Popen(
            [sys.executable, str(WORKER), self.redis_url, service, str(self.record)],
            stdout=subprocess.PIPE, text=True, env={**os.environ, **WORKER_ENV},
        )
        self.processes.append(process)
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        assert line.startswith("READY "), line
        return process, line.removeprefix("READY ")

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.fixture
def workers(infra: TestInfra, redis_client: Redis, tmp_path: Path) -> Iterator[Workers]:
    pool = Workers(infra.redis_url, tmp_path / "record.txt")
    try:
        yield pool
    finally:
        pool.stop_all()


async def test_two_instances_share_the_rpc_load(workers: Workers, hub_instance: HubFactory) -> None:
    _, first = workers.start("loadtest")
    _, second = workers.start("loadtest")
    async with hub_instance("character") as caller:
        answered: Counter[str] = Counter()
        for wave in range(10):
            results = await asyncio.gather(*(caller.call("loadtest.work", {"n": wave * 4 + i}) for i in range(4)))
            answered.update(r["instance_id"] for r in results)
    assert set(answered) == {first, second}
    assert min(answered.values()) >= 10, answered  # of 40: neither instance idles


async def test_kill_9_mid_stream_loses_nothing_and_leaves_discovery(
    workers: Workers, hub_instance: HubFactory, redis_client: Redis
) -> None:
    victim, victim_id = workers.start("loadtest")
    _, survivor_id = workers.start("loadtest")
    registry = Registry(redis_client, TTL)
    async with hub_instance("character") as publisher:
        for item in range(150):
            await publisher.publish(CloudEvent(type="loadtest.item.v1", source="test", data={"item": item}))
        # Let both take their share, then kill one while it holds unacknowledged entries.
        while sum(1 for _ in workers.record.open()) < 30:
            await asyncio.sleep(0.02)
        pending_before = await redis_client.xpending_range(keys.event_stream("loadtest"), "loadtest",
                                                           min="-", max="+", count=1000,
                                                           consumername=victim_id)
        victim.kill()
        killed_at = time.monotonic()
        assert pending_before, "the victim held no pending entries when it was killed"

        while victim_id in await registry.live_instance_ids("loadtest"):
            await asyncio.sleep(0.05)
        assert time.monotonic() - killed_at <= TTL + 0.3

        async def everything_handled() -> bool:
            handled = {int(line.split()[1]) for line in workers.record.open()}
            info = await redis_client.xpending(keys.event_stream("loadtest"), "loadtest")
            return handled == set(range(150)) and info["pending"] == 0

        deadline = time.monotonic() + 15
        while not await everything_handled():
            assert time.monotonic() < deadline, "events were lost"
            await asyncio.sleep(0.1)
        lines = [line.split() for line in workers.record.open()]
        by_instance = Counter(instance for instance, _ in lines)
        assert by_instance[survivor_id] > 0 and by_instance[victim_id] > 0
        # Entries the victim held unacknowledged were reclaimed and handled by the survivor.
        item_of = {entry_id: CloudEvent.model_validate_json(fields[keys.MESSAGE_FIELD]).data["item"]
                   for entry_id, fields in await redis_client.xrange(keys.event_stream("loadtest"))}
        held = {item_of[e["message_id"]] for e in pending_before}
        survivor_items = {int(item) for instance, item in lines if instance == survivor_id}
        assert held <= survivor_items
