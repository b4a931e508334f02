"""Fleet gauges exported on the hub's ``/metrics``: live instances per service, stream length,
pending and lag per group, dead letters. (RPC latency, errors, breaker state and event counters
come from every service's own hub client on its ``/metrics``.)"""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from prometheus_client import Gauge
from redis.asyncio import Redis

from dnd_shared.hub.dead_letters import DeadLetters
from dnd_shared.hub.registry import Registry
from message_hub.streams.service import stream_stats

log = structlog.get_logger("message_hub.metrics")

LIVE_INSTANCES = Gauge("hub_live_instances", "Live (heartbeating) instances per service", ["service"])
STREAM_LENGTH = Gauge("hub_stream_length", "Entries in each hub stream", ["stream"])
GROUP_PENDING = Gauge("hub_stream_pending", "Delivered, unacknowledged entries per group", ["stream", "group"])
GROUP_LAG = Gauge("hub_stream_lag", "Entries not yet delivered to each group", ["stream", "group"])
DEAD_LETTERS = Gauge("hub_dead_letters", "Entries in the dead-letter stream")


async def refresh(redis: Redis) -> None:
    """Read the fleet's state once into the gauges."""
    registry = Registry(redis, ttl=0)
    for service in await registry.services():
        LIVE_INSTANCES.labels(service).set(len(await registry.live_instance_ids(service)))
    for stats in await stream_stats(redis):
        STREAM_LENGTH.labels(stats.stream).set(stats.length)
        for group in stats.groups:
            GROUP_PENDING.labels(stats.stream, group.name).set(group.pending)
            GROUP_LAG.labels(stats.stream, group.name).set(group.lag)
    DEAD_LETTERS.set(await DeadLetters(redis).count())


async def run_refresher(redis: Redis, interval: float, stopping: asyncio.Event) -> None:
    """Refresh every ``interval`` seconds until ``stopping`` is set."""
    while not stopping.is_set():
        try:
            await refresh(redis)
        except Exception as exc:
            log.warning("metrics_refresh_failed", error=type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), timeout=interval)
