"""Runs a trace: RPC ``<target>.diagnostics.trace`` -> the target publishes ``diagnostics.trace.v1``
-> every subscribing service answers ``diagnostics.trace_hop.v1`` -> the hub's ``rpc.py`` stores
each hop under ``hub:trace:<trace_id>`` -> this collects them until every subscriber answered or
the time is up. Any hub instance may store a hop; the list in Redis is what they share."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import datetime

from pydantic import BaseModel
from redis.asyncio import Redis

from dnd_shared.contracts.diagnostics import DiagnosticsTraceHopV1, DiagnosticsTraceV1, TraceRequest, trace_contract
from dnd_shared.hub import keys
from dnd_shared.hub.dependencies import RequestHub
from dnd_shared.hub.registry import Registry
from dnd_shared.request_id import current_request_id
from message_hub.registry.service import routing_table

TRACE_TTL_SECONDS = 600


class TraceTarget(BaseModel):
    service: str
    instance_id: str
    event_id: str
    via_outbox: bool
    rpc_ms: float


class TraceHop(BaseModel):
    service: str
    instance_id: str
    received_at: datetime
    after_ms: float


class TraceReport(BaseModel):
    trace_id: str
    request_id: str | None
    target: TraceTarget
    hops: list[TraceHop]
    missing: list[str]
    complete: bool


async def record_hop(redis: Redis, hop: DiagnosticsTraceHopV1) -> None:
    """Store one hop of a trace (called by the hub's event handler)."""
    async with redis.pipeline(transaction=False) as pipe:
        pipe.rpush(keys.trace(hop.trace_id), hop.model_dump_json())
        pipe.expire(keys.trace(hop.trace_id), TRACE_TTL_SECONDS)
        await pipe.execute()


async def run_trace(hub: RequestHub, redis: Redis, target: str, timeout: float) -> TraceReport:
    """Trace one path through the fleet; waits at most ``timeout`` seconds in all."""
    trace_id = uuid.uuid4().hex
    started_wall = time.time()
    started = time.perf_counter()
    accepted = await hub.call(trace_contract(target), TraceRequest(trace_id=trace_id), timeout=timeout)
    rpc_ms = round((time.perf_counter() - started) * 1000, 2)
    table = await routing_table(Registry(redis, ttl=0))
    expected = {s for route in table.events if route.type == DiagnosticsTraceV1.event_type for s in route.subscribers}
    hops: dict[str, DiagnosticsTraceHopV1] = {}
    deadline = started + timeout
    while True:
        for raw in await redis.lrange(keys.trace(trace_id), 0, -1):
            hop = DiagnosticsTraceHopV1.model_validate_json(raw)
            hops.setdefault(hop.service, hop)
        if expected <= set(hops) or time.perf_counter() >= deadline:
            break
        await asyncio.sleep(0.02)
    return TraceReport(
        trace_id=trace_id,
        request_id=current_request_id(),
        target=TraceTarget(service=accepted.service, instance_id=accepted.instance_id, event_id=accepted.event_id,
                           via_outbox=accepted.via_outbox, rpc_ms=rpc_ms),
        hops=[TraceHop(service=h.service, instance_id=h.instance_id, received_at=h.received_at,
                       after_ms=round((h.received_at.timestamp() - started_wall) * 1000, 2))
              for h in sorted(hops.values(), key=lambda h: h.service)],
        missing=sorted(expected - set(hops)),
        complete=expected <= set(hops),
    )
