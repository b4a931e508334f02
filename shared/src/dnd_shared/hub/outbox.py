"""The transactional outbox: events whose loss would lose data are written in the same database
transaction as the change that caused them, and published by a relay after the commit.

- :func:`outbox_table` builds the table for a service's metadata (schema = the service's).
- :func:`stage_event` inserts a row with the caller's session (never commits; the request scope does)
  and wakes the relay when that session commits.
- :class:`OutboxRelay` publishes unpublished rows oldest first (``FOR UPDATE SKIP LOCKED``, so
  several instances share the work) and stamps ``published_at``. A crash between the publish and the
  stamp republishes the event; consumers drop it as a duplicate by event id.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from datetime import UTC, datetime
from typing import Any

import structlog
from redis.asyncio import Redis
from sqlalchemy import Column, DateTime, Index, Integer, MetaData, String, Table, Text, func, select, text, update
from sqlalchemy import event as sa_event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import Uuid

from dnd_shared.contracts.envelope import CloudEvent
from dnd_shared.db.engine import Database
from dnd_shared.hub import metrics
from dnd_shared.hub.events import publish_cloud_event

log = structlog.get_logger("dnd_shared.hub.outbox")

OUTBOX_TABLE = "hub_outbox"
_WAKERS_KEY = "hub_outbox_wakers"


def outbox_table(metadata: MetaData, name: str = OUTBOX_TABLE) -> Table:
    """The outbox table on ``metadata`` (whose schema is the service's own)."""
    return Table(
        name, metadata,
        Column("id", Uuid, primary_key=True, default=uuid.uuid4),
        Column("event_id", String(64), nullable=False, unique=True),
        Column("type", String(200), nullable=False),
        Column("envelope", JSONB, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
        Column("published_at", DateTime(timezone=True), nullable=True),
        Column("attempts", Integer, nullable=False, server_default=text("0")),
        Column("last_error", Text, nullable=True),
        Index(f"ix_{name}_unpublished", "created_at", postgresql_where=text("published_at IS NULL")),
    )


def _wake_after_commit(session: AsyncSession, relay: OutboxRelay) -> None:
    wakers: set[int] = session.info.setdefault(_WAKERS_KEY, set())
    if id(relay) in wakers:
        return
    wakers.add(id(relay))

    def after_commit(*_: Any) -> None:
        session.info.pop(_WAKERS_KEY, None)
        relay.notify()

    def after_rollback(*_: Any) -> None:
        session.info.pop(_WAKERS_KEY, None)

    sa_event.listen(session.sync_session, "after_commit", after_commit, once=True)
    sa_event.listen(session.sync_session, "after_soft_rollback", after_rollback, once=True)


async def stage_event(session: AsyncSession, table: Table, event: CloudEvent,
                      relay: OutboxRelay | None = None) -> None:
    """Add ``event`` to the outbox in the session's transaction; ``relay`` is woken on commit."""
    await session.execute(table.insert().values(
        id=uuid.uuid4(), event_id=event.id, type=event.type, envelope=event.model_dump(mode="json"),
    ))
    if relay is not None:
        _wake_after_commit(session, relay)


class OutboxRelay:
    """Publishes committed outbox rows; run :meth:`run` as a background task."""

    def __init__(self, database: Database, table: Table, redis: Redis, *, maxlen: int = 100_000,
                 batch_size: int = 100, poll_interval: float = 1.0) -> None:
        self.database = database
        self.table = table
        self.redis = redis
        self.maxlen = maxlen
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self._wake = asyncio.Event()

    def notify(self) -> None:
        """Something was committed: relay now rather than at the next poll."""
        self._wake.set()

    async def run(self, stopping: asyncio.Event) -> None:
        """Relay on every commit notification and every ``poll_interval`` until ``stopping`` is set
        (set it, then :meth:`notify`, to stop at once)."""
        while not stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_interval)
            self._wake.clear()
            if stopping.is_set():
                return
            try:
                while await self.relay_once() == self.batch_size:
                    pass
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("outbox_relay_failed", error=type(exc).__name__)

    async def relay_once(self) -> int:
        """Publish one batch; returns how many rows were published."""
        table = self.table
        async with self.database.session() as session:
            rows = (await session.execute(
                select(table.c.id, table.c.envelope)
                .where(table.c.published_at.is_(None))
                .order_by(table.c.created_at)
                .limit(self.batch_size)
                .with_for_update(skip_locked=True)
            )).all()
            published = []
            for row in rows:
                event = CloudEvent.model_validate(row.envelope)
                try:
                    await publish_cloud_event(self.redis, event, self.maxlen)
                except Exception as exc:
                    await session.execute(update(table).where(table.c.id == row.id).values(
                        attempts=table.c.attempts + 1, last_error=f"{type(exc).__name__}: {exc}"[:1000]))
                    log.warning("outbox_publish_failed", event_id=event.id, error=type(exc).__name__)
                    break
                metrics.OUTBOX_RELAYED.labels(event.type).inc()
                published.append(row.id)
            if published:
                await session.execute(update(table).where(table.c.id.in_(published)).values(
                    published_at=datetime.now(UTC), attempts=table.c.attempts + 1))
            return len(published)

    async def unpublished_count(self) -> int:
        """Rows waiting to be relayed."""
        async with self.database.session() as session:
            value = await session.scalar(select(func.count()).select_from(self.table)
                                         .where(self.table.c.published_at.is_(None)))
            return int(value or 0)
