"""The transactional outbox on the real PostgreSQL (campaign's ``hub_outbox`` table): an event
staged in a rolled-back transaction is never published; a committed one is relayed right after the
commit; concurrent relays publish each row once."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import ClassVar

import pytest
from redis.asyncio import Redis
from sqlalchemy import MetaData, delete, select

from dnd_shared.contracts.envelope import CloudEvent
from dnd_shared.contracts.events import EventModel
from dnd_shared.db.engine import Database
from dnd_shared.hub import keys
from dnd_shared.hub.client import create_hub_redis
from dnd_shared.hub.events import build_event
from dnd_shared.hub.outbox import OutboxRelay, outbox_table, stage_event
from dnd_shared.testing.fixtures import TestInfra

TABLE = outbox_table(MetaData(schema="campaign"))


class QuestCompletedV1(EventModel):
    event_type: ClassVar[str] = "testquest.completed.v1"

    quest: str


@pytest.fixture
async def database(infra: TestInfra) -> AsyncIterator[Database]:
    database = Database(infra.database_url, "campaign")
    try:
        yield database
    finally:
        async with database.session() as session:
            await session.execute(delete(TABLE).where(TABLE.c.type == QuestCompletedV1.event_type))
        await database.dispose()


async def published(redis: Redis) -> list[CloudEvent]:
    entries = await redis.xrange(keys.event_stream("testquest"))
    return [CloudEvent.model_validate_json(fields[keys.MESSAGE_FIELD]) for _, fields in entries]


async def test_rolled_back_events_are_never_published_committed_ones_right_after_commit(
    database: Database, infra: TestInfra, redis_client: Redis
) -> None:
    hub_redis = create_hub_redis(infra.redis_url)
    relay = OutboxRelay(database, TABLE, hub_redis, poll_interval=30.0)  # only the commit wakes it quickly
    stopping = asyncio.Event()
    task = asyncio.create_task(relay.run(stopping))
    try:
        lost = build_event(QuestCompletedV1(quest="rolled back"), source="campaign")
        with pytest.raises(RuntimeError):
            async with database.session() as session:
                await stage_event(session, TABLE, lost, relay)
                raise RuntimeError("the change failed")
        kept = build_event(QuestCompletedV1(quest="committed"), source="campaign")
        async with database.session() as session:
            await stage_event(session, TABLE, kept, relay)
        committed_at = time.monotonic()
        while not await published(redis_client):
            assert time.monotonic() - committed_at < 2.0, "the relay did not wake on commit"
            await asyncio.sleep(0.01)
        assert time.monotonic() - committed_at < 0.5
        assert [e.id for e in await published(redis_client)] == [kept.id]
        async with database.session() as session:
            rows = (await session.execute(select(TABLE.c.event_id, TABLE.c.published_at)
                                          .where(TABLE.c.type == QuestCompletedV1.event_type))).all()
        assert [(r.event_id, r.published_at is not None) for r in rows] == [(kept.id, True)]
    finally:
        stopping.set()
        relay.notify()
        await task
        await hub_redis.aclose()


async def test_concurrent_relays_publish_each_row_once(database: Database, infra: TestInfra,
                                                       redis_client: Redis) -> None:
    events = [build_event(QuestCompletedV1(quest=f"q{i}"), source="campaign") for i in range(60)]
    async with database.session() as session:
        for event in events:
            await stage_event(session, TABLE, event)
    hub_redis = create_hub_redis(infra.redis_url)
    relays = [OutboxRelay(database, TABLE, hub_redis, batch_size=7) for _ in range(3)]
    try:
        counts = await asyncio.gather(*(relay.relay_once() for relay in relays for _ in range(5)))
        assert sum(counts) == 60
        assert sorted(e.id for e in await published(redis_client)) == sorted(e.id for e in events)
        assert await relays[0].unpublished_count() == 0
    finally:
        await hub_redis.aclose()
