"""Registry and discovery: instances register with a TTL, heartbeat, and deregister on shutdown.

Two structures per service: the record ``hub:instance:<service>:<id>`` (JSON, expires with the TTL)
and the index ``hub:instances:<service>`` (sorted set scored by expiry time). "Live" means a score
in the future, so a killed instance drops out of discovery within the TTL even before anyone cleans
up; the hub's reaper then removes the stale members.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from redis.asyncio import Redis

from dnd_shared.contracts.registry import InstanceRecord
from dnd_shared.hub import keys


class Registry:
    """Reads and writes registrations in Redis."""

    def __init__(self, redis: Redis, ttl: float) -> None:
        self.redis = redis
        self.ttl = ttl

    async def register(self, record: InstanceRecord) -> None:
        """Create or refresh an instance's registration (also the heartbeat)."""
        record.heartbeat_at = datetime.now(UTC)
        expires = time.time() + self.ttl
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.set(keys.instance_key(record.service, record.instance_id), record.model_dump_json(),
                     px=int(self.ttl * 1000))
            pipe.zadd(keys.instances_index(record.service), {record.instance_id: expires})
            pipe.sadd(keys.SERVICES, record.service)
            await pipe.execute()

    async def deregister(self, service: str, instance_id: str) -> None:
        """Remove an instance at once (clean shutdown)."""
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.delete(keys.instance_key(service, instance_id))
            pipe.zrem(keys.instances_index(service), instance_id)
            await pipe.execute()

    async def live_instance_ids(self, service: str, now: float | None = None) -> list[str]:
        """Instances of ``service`` whose registration has not expired."""
        now = time.time() if now is None else now
        ids = await self.redis.zrangebyscore(keys.instances_index(service), now, "+inf")
        return [i.decode() if isinstance(i, bytes) else str(i) for i in ids]

    async def has_live_instance(self, service: str) -> bool:
        """One cheap round trip: is anyone serving ``service``?"""
        count = await self.redis.zcount(keys.instances_index(service), time.time(), "+inf")
        return int(count) > 0

    async def services(self) -> list[str]:
        """Every service that ever registered (live or not)."""
        names = await self.redis.smembers(keys.SERVICES)
        return sorted(n.decode() if isinstance(n, bytes) else str(n) for n in names)

    async def records(self, service: str) -> list[InstanceRecord]:
        """Live instances of ``service`` with their records."""
        ids = await self.live_instance_ids(service)
        if not ids:
            return []
        raw = await self.redis.mget([keys.instance_key(service, i) for i in ids])
        return [InstanceRecord.model_validate_json(r) for r in raw if r is not None]

    async def all_records(self) -> dict[str, list[InstanceRecord]]:
        """``{service: [live records]}`` for every known service."""
        return {service: await self.records(service) for service in await self.services()}

    async def expired_instance_ids(self, service: str, now: float | None = None) -> list[str]:
        """Index members whose TTL has passed (killed without deregistering)."""
        now = time.time() if now is None else now
        ids = await self.redis.zrangebyscore(keys.instances_index(service), "-inf", f"({now}")
        return [i.decode() if isinstance(i, bytes) else str(i) for i in ids]

    async def forget(self, service: str, instance_ids: list[str]) -> None:
        """Drop expired members from the index (the reaper's job)."""
        if instance_ids:
            await self.redis.zrem(keys.instances_index(service), *instance_ids)
