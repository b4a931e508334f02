"""The dead-letter stream ``hub:dead-letters``: events a service failed to handle ``max_deliveries``
times. Inspect, replay (back onto the original stream, addressed to the failing service only) or
discard."""

from __future__ import annotations

import builtins
import time
from typing import Any

from pydantic import BaseModel
from redis.asyncio import Redis

from dnd_shared.hub import keys
from dnd_shared.hub.streams import text


class DeadLetter(BaseModel):
    """One dead-lettered delivery."""

    id: str
    service: str
    stream: str
    original_entry_id: str
    event_id: str | None
    type: str | None
    error: str
    attempts: int
    failed_at: float
    message: str


def dead_letter_fields(*, service: str, stream: str, entry_id: str, raw: bytes, event_id: str | None,
                       event_type: str | None, error: str, attempts: int) -> dict[bytes | str, bytes | str]:
    """The stream entry written for one dead letter."""
    return {
        "service": service, "stream": stream, "entry_id": entry_id, "event_id": event_id or "",
        "type": event_type or "", "error": error[:2000], "attempts": str(attempts),
        "failed_at": repr(time.time()), keys.MESSAGE_FIELD: raw,
    }


def _parse(entry_id: Any, fields: Any) -> DeadLetter:
    def get(name: str) -> str:
        return text(fields.get(name.encode(), b""))

    return DeadLetter(
        id=text(entry_id), service=get("service"), stream=get("stream"), original_entry_id=get("entry_id"),
        event_id=get("event_id") or None, type=get("type") or None, error=get("error"),
        attempts=int(get("attempts") or 0), failed_at=float(get("failed_at") or 0),
        message=get("m"),
    )


class DeadLetters:
    """Operations on the dead-letter stream (used by the hub's admin API)."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def list(self, *, service: str | None = None, limit: int = 100) -> builtins.list[DeadLetter]:
        """Newest first, optionally only one service's."""
        found: builtins.list[DeadLetter] = []
        upper: Any = "+"
        while len(found) < limit:
            rows: Any = await self.redis.xrevrange(keys.DEAD_LETTERS, max=upper, min="-", count=max(limit, 100))
            if not rows:
                break
            for entry_id, fields in rows:
                letter = _parse(entry_id, fields)
                if service is None or letter.service == service:
                    found.append(letter)
            upper = f"({text(rows[-1][0])}"
        return found[:limit]

    async def count(self) -> int:
        """How many dead letters are stored."""
        return int(await self.redis.xlen(keys.DEAD_LETTERS))

    async def get(self, ids: builtins.list[str]) -> builtins.list[DeadLetter]:
        """The dead letters with these ids (unknown ids are skipped)."""
        letters: builtins.list[DeadLetter] = []
        for letter_id in ids:
            rows: Any = await self.redis.xrange(keys.DEAD_LETTERS, min=letter_id, max=letter_id, count=1)
            letters.extend(_parse(entry_id, fields) for entry_id, fields in rows)
        return letters

    async def replay(self, ids: builtins.list[str]) -> builtins.list[str]:
        """Put each back on its original stream for its service only, then remove it here.
        Returns the ids replayed."""
        replayed = []
        for letter in await self.get(ids):
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.xadd(letter.stream, {keys.MESSAGE_FIELD: letter.message.encode(),
                                          keys.ONLY_FIELD: letter.service.encode()})
                pipe.hdel(keys.failures(letter.service), f"{letter.stream}/{letter.original_entry_id}")
                pipe.xdel(keys.DEAD_LETTERS, letter.id)
                await pipe.execute()
            replayed.append(letter.id)
        return replayed

    async def discard(self, ids: builtins.list[str]) -> builtins.list[str]:
        """Delete for good. Returns the ids that existed."""
        existing = [letter.id for letter in await self.get(ids)]
        if existing:
            await self.redis.xdel(keys.DEAD_LETTERS, *existing)
        return existing
