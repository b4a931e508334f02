"""Reads ``XINFO`` for every hub stream. Redis 6.2 has no ``lag`` in ``XINFO GROUPS``: it is counted
from the group's last delivered id (capped, so a huge backlog costs a bounded read)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from redis.asyncio import Redis

from dnd_shared.hub import keys
from dnd_shared.hub.streams import text

LAG_CAP = 10_000


class GroupStats(BaseModel):
    name: str
    consumers: int
    pending: int
    lag: int
    lag_capped: bool


class StreamStats(BaseModel):
    stream: str
    kind: str
    length: int
    groups: list[GroupStats]


async def hub_streams(redis: Redis) -> list[str]:
    """Every RPC and event stream, plus the dead-letter stream."""
    found: set[str] = set()
    for pattern in ("hub:rpc:*", "hub:evt:*"):
        async for key in redis.scan_iter(match=pattern, count=500, _type="stream"):
            found.add(text(key))
    if await redis.exists(keys.DEAD_LETTERS):
        found.add(keys.DEAD_LETTERS)
    return sorted(found)


async def _lag(redis: Redis, stream: str, group: dict[Any, Any]) -> tuple[int, bool]:
    if group.get("lag") is not None:
        return int(group["lag"]), False
    last = text(group.get("last-delivered-id", b"0-0"))
    entries: Any = await redis.xrange(stream, min=f"({last}", max="+", count=LAG_CAP + 1)
    return min(len(entries), LAG_CAP), len(entries) > LAG_CAP


async def stream_stats(redis: Redis) -> list[StreamStats]:
    """Length of every stream and, per group, consumers, pending entries and lag."""
    stats = []
    for stream in await hub_streams(redis):
        length = int(await redis.xlen(stream))
        groups = []
        for group in await redis.xinfo_groups(stream) if stream != keys.DEAD_LETTERS else []:
            lag, capped = await _lag(redis, stream, group)
            groups.append(GroupStats(name=text(group["name"]), consumers=int(group["consumers"]),
                                     pending=int(group["pending"]), lag=lag, lag_capped=capped))
        kind = stream.split(":")[1] if stream != keys.DEAD_LETTERS else "dead-letters"
        stats.append(StreamStats(stream=stream, kind=kind, length=length, groups=groups))
    return stats
