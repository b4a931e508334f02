"""Small wrappers over redis-py's stream commands that every consumer needs."""

from __future__ import annotations

import asyncio
from typing import Any

from redis.asyncio import Redis
from redis.exceptions import ResponseError

Entry = tuple[bytes, dict[bytes, bytes]]


async def pause(stopping: asyncio.Event, seconds: float) -> bool:
    """Sleep ``seconds`` or until ``stopping`` is set; True when stopping.

    The hub's loops stop cooperatively: cancelling a task inside a blocking redis-py read (which
    shields the command) can stall shutdown, so loops finish their current read and look here."""
    if stopping.is_set():
        return True
    try:
        await asyncio.wait_for(stopping.wait(), timeout=seconds)
    except TimeoutError:
        return False
    return True


def text(value: Any) -> str:
    """Redis returns bytes; the hub speaks str."""
    return value.decode() if isinstance(value, bytes) else str(value)


async def ensure_group(redis: Redis, stream: str, group: str) -> None:
    """Create ``group`` on ``stream`` from its beginning (and the stream if missing); idempotent.

    Starting at ``0`` rather than ``$`` means messages sent before the first consumer started are
    still delivered: at-least-once from the very first message.
    """
    try:
        await redis.xgroup_create(stream, group, id="0", mkstream=True)
    except ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


async def autoclaim(redis: Redis, stream: str, group: str, consumer: str, min_idle_ms: int,
                    count: int = 100) -> list[Entry]:
    """Take over entries idle for ``min_idle_ms`` (dead or stuck consumers), following the cursor
    through the whole pending list. Redis 6.2 answers ``[cursor, entries]``, 7.x adds deleted ids."""
    claimed: list[Entry] = []
    cursor: Any = "0-0"
    while True:
        answer = await redis.xautoclaim(stream, group, consumer, min_idle_ms, start_id=cursor, count=count)
        cursor, entries = answer[0], answer[1]
        claimed.extend((entry_id, fields) for entry_id, fields in entries if fields is not None)
        if text(cursor) == "0-0" or len(claimed) >= count * 10:
            return claimed


async def delivery_counts(redis: Redis, stream: str, group: str, entry_ids: list[bytes]) -> dict[bytes, int]:
    """How many times each pending entry has been delivered (XPENDING's counter)."""
    if not entry_ids:
        return {}
    rows = await redis.xpending_range(stream, group, min=min(entry_ids, key=_id_key),
                                      max=max(entry_ids, key=_id_key), count=len(entry_ids) * 4 + 10)
    wanted = set(entry_ids)
    return {row["message_id"]: int(row["times_delivered"]) for row in rows if row["message_id"] in wanted}


def _id_key(entry_id: bytes) -> tuple[int, int]:
    millis, _, seq = text(entry_id).partition("-")
    return int(millis), int(seq or 0)


class BlockingReader:
    """A dedicated connection for one loop's blocking reads (XREADGROUP/BLPOP ... BLOCK), so that
    shutdown can end a read at once with ``CLIENT UNBLOCK`` instead of waiting for its timeout."""

    def __init__(self, redis: Redis) -> None:
        self.shared = redis
        self.client: Redis = Redis(connection_pool=redis.connection_pool, single_connection_client=True)
        self.client_id: int | None = None

    async def identify(self) -> None:
        """Learn this connection's id (again after a reconnect)."""
        try:
            self.client_id = int(await self.client.client_id())
        except Exception:
            self.client_id = None

    async def unblock(self) -> None:
        """End a blocking read in progress (it returns as if it timed out)."""
        if self.client_id is not None:
            try:
                await self.shared.client_unblock(self.client_id)
            except Exception:
                self.client_id = None

    async def close(self) -> None:
        """Give the connection back."""
        await self.client.aclose()
