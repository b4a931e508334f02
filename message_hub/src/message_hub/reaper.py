"""The reaper: cleans up after instances that died without deregistering.

- forget index members whose TTL passed (discovery already ignores them);
- delete their consumers from every group once they hold no pending entries (live consumers
  reclaim those first with XAUTOCLAIM; deleting earlier would drop them from the pending list);
- delete their reply lists.
"""

from __future__ import annotations

import asyncio
import contextlib

import structlog
from redis.asyncio import Redis

from dnd_shared.hub import keys
from dnd_shared.hub.registry import Registry
from dnd_shared.hub.streams import text
from message_hub.streams.service import hub_streams

log = structlog.get_logger("message_hub.reaper")


async def reap_once(redis: Redis) -> dict[str, int]:
    """One pass; returns counts of what was removed."""
    registry = Registry(redis, ttl=0)
    forgotten = 0
    for service in await registry.services():
        expired = await registry.expired_instance_ids(service)
        if expired:
            await registry.forget(service, expired)
            await redis.delete(*[keys.reply_list(i) for i in expired])
            forgotten += len(expired)
            log.info("instances_forgotten", service=service, instances=expired)
    live: set[str] = set()
    for service in await registry.services():
        live.update(await registry.live_instance_ids(service))
    consumers_deleted = 0
    for stream in await hub_streams(redis):
        if stream == keys.DEAD_LETTERS:
            continue
        for group in await redis.xinfo_groups(stream):
            group_name = text(group["name"])
            for consumer in await redis.xinfo_consumers(stream, group_name):
                name = text(consumer["name"])
                if name not in live and int(consumer["pending"]) == 0:
                    await redis.xgroup_delconsumer(stream, group_name, name)
                    consumers_deleted += 1
    return {"instances_forgotten": forgotten, "consumers_deleted": consumers_deleted}


async def run_reaper(redis: Redis, interval: float, stopping: asyncio.Event) -> None:
    """Reap every ``interval`` seconds until ``stopping`` is set."""
    while not stopping.is_set():
        try:
            await reap_once(redis)
        except Exception as exc:
            log.warning("reaper_failed", error=type(exc).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), timeout=interval)
