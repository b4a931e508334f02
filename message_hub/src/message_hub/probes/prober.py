"""Probes every live instance's ``/health/ready`` (its address comes from its registration, never
from configuration) and stores the result under ``hub:probe:<instance>`` for three intervals."""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import UTC, datetime

import httpx
import structlog
from redis.asyncio import Redis

from dnd_shared.contracts.registry import InstanceRecord
from dnd_shared.hub import keys
from dnd_shared.hub.registry import Registry
from message_hub.registry.schemas import Probe

log = structlog.get_logger("message_hub.probes")


async def probe_instance(client: httpx.AsyncClient, record: InstanceRecord) -> Probe:
    """One probe; a refused connection or a non-200 is a failed probe, never an exception."""
    start = time.perf_counter()
    try:
        response = await client.get(f"{record.base_url.rstrip('/')}/health/ready")
        return Probe(ok=response.status_code == 200, status_code=response.status_code,
                     latency_ms=round((time.perf_counter() - start) * 1000, 2), error=None,
                     checked_at=datetime.now(UTC))
    except httpx.HTTPError as exc:
        return Probe(ok=False, status_code=None, latency_ms=None, error=type(exc).__name__,
                     checked_at=datetime.now(UTC))


async def probe_all(redis: Redis, client: httpx.AsyncClient, interval: float) -> int:
    """Probe every live instance concurrently; returns how many were probed."""
    records = [r for rs in (await Registry(redis, ttl=0).all_records()).values() for r in rs]
    probes = await asyncio.gather(*(probe_instance(client, r) for r in records))
    if records:
        async with redis.pipeline(transaction=False) as pipe:
            for record, probe in zip(records, probes, strict=True):
                pipe.set(keys.probe(record.instance_id), probe.model_dump_json(), px=int(interval * 3000))
            await pipe.execute()
    for record, probe in zip(records, probes, strict=True):
        if not probe.ok:
            log.warning("instance_probe_failed", service=record.service, instance_id=record.instance_id,
                        status_code=probe.status_code, error=probe.error)
    return len(records)


async def run_prober(redis: Redis, interval: float, timeout: float, stopping: asyncio.Event) -> None:
    """Probe every ``interval`` seconds until ``stopping`` is set."""
    async with httpx.AsyncClient(timeout=timeout) as client:
        while not stopping.is_set():
            try:
                await probe_all(redis, client, interval)
            except Exception as exc:
                log.warning("prober_failed", error=type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), timeout=interval)
