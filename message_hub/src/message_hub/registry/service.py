"""Builds the hub's views from the registry (heartbeats) and the prober's results."""

from __future__ import annotations

from collections import defaultdict

from redis.asyncio import Redis

from dnd_shared.contracts.registry import InstanceRecord
from dnd_shared.fleet import FLEET
from dnd_shared.hub import keys
from dnd_shared.hub.registry import Registry
from message_hub.registry.schemas import (
    EventRoute,
    InstanceView,
    Probe,
    RoutingTable,
    RpcRoute,
    ServiceState,
    ServiceView,
)


async def probes_of(redis: Redis, records: list[InstanceRecord]) -> dict[str, Probe]:
    """The stored probe of each instance (absent until the prober has run once)."""
    if not records:
        return {}
    raw = await redis.mget([keys.probe(r.instance_id) for r in records])
    return {r.instance_id: Probe.model_validate_json(v) for r, v in zip(records, raw, strict=True) if v}


def service_state(instances: list[InstanceView]) -> ServiceState:
    """Up: every live instance answers its probe (or has not been probed yet); degraded: some
    fail; down: no live instance, or all fail."""
    if not instances:
        return "down"
    failing = sum(1 for i in instances if i.probe is not None and not i.probe.ok)
    if failing == len(instances):
        return "down"
    return "degraded" if failing else "up"


async def list_services(redis: Redis, registry: Registry) -> list[ServiceView]:
    """Every fleet service (and any other that registered), with its live instances."""
    records = await registry.all_records()
    names = sorted({spec.name for spec in FLEET} | set(records))
    views = []
    for name in names:
        service_records = records.get(name, [])
        probes = await probes_of(redis, service_records)
        instances = [
            InstanceView(instance_id=r.instance_id, base_url=r.base_url, version=r.version, started_at=r.started_at,
                         heartbeat_at=r.heartbeat_at, rpc_types=r.rpc_types, event_types=r.event_types,
                         probe=probes.get(r.instance_id))
            for r in sorted(service_records, key=lambda r: r.instance_id)
        ]
        views.append(ServiceView(name=name, status=service_state(instances), instances=instances))
    return views


async def routing_table(registry: Registry) -> RoutingTable:
    """Message type -> service, built from what live instances say they handle."""
    rpc: dict[tuple[str, str], int] = defaultdict(int)
    subscribers: dict[str, set[str]] = defaultdict(set)
    for service, records in (await registry.all_records()).items():
        for record in records:
            for rpc_type in record.rpc_types:
                rpc[(rpc_type, service)] += 1
            for event_type in record.event_types:
                subscribers[event_type].add(service)
    return RoutingTable(
        rpc=[RpcRoute(type=t, service=s, instances=n) for (t, s), n in sorted(rpc.items())],
        events=[EventRoute(type=t, stream=keys.event_stream(t.split(".", 1)[0]), subscribers=sorted(s))
                for t, s in sorted(subscribers.items())],
    )
