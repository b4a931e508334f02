"""Redis itself restarts (AOF persistence, as the local stack runs it): consumers reconnect, groups
and pending entries survive, and every event published before and after is handled exactly once;
RPC works again once the server is back. While it is down, calls and publishes fail with a typed
503 rather than an unexpected error."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from pydantic import BaseModel

from dnd_shared.contracts.events import EventModel
from dnd_shared.embedded import EmbeddedRedis, free_port
from dnd_shared.hub.client import Hub, create_hub_redis
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.errors import HubUnavailableError
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import fast_hub_settings


class LanternLitV1(EventModel):
    event_type: ClassVar[str] = "testlantern.lit.v1"

    n: int


class Echo(BaseModel):
    text: str


@pytest.fixture
def persistent_redis(tmp_path: Path) -> Iterator[EmbeddedRedis]:
    server = EmbeddedRedis(tmp_path / "data", free_port(), tmp_path / "redis.log", persistent=True)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
async def hubs(persistent_redis: EmbeddedRedis) -> AsyncIterator[tuple[Hub, Hub, list[int]]]:
    seen: list[int] = []
    router = HubRouter()

    @router.subscribe(LanternLitV1)
    async def lit(event: LanternLitV1, ctx: MessageContext) -> None:
        seen.append(event.n)

    @router.rpc("campaign.echo")
    async def echo(request: Echo, ctx: MessageContext) -> Echo:
        return request

    settings = fast_hub_settings(registry_ttl=5.0)
    pools = [create_hub_redis(persistent_redis.url) for _ in range(2)]
    subscriber = Hub(service="campaign", redis=pools[0], router=router, settings=settings)
    caller = Hub(service="character", redis=pools[1], settings=settings)
    await subscriber.start()
    await caller.start()
    try:
        yield subscriber, caller, seen
    finally:
        await caller.stop()
        await subscriber.stop()
        for pool in pools:
            await pool.aclose()


async def test_redis_restart_loses_no_event(persistent_redis: EmbeddedRedis, hubs: tuple[Hub, Hub, list[int]]) -> None:
    subscriber, caller, seen = hubs
    for n in range(5):
        await caller.publish(LanternLitV1(n=n))
    assert (await caller.call("campaign.echo", {"text": "before"}))["text"] == "before"

    persistent_redis.stop()  # SIGTERM: redis-server writes its append-only file and exits
    with pytest.raises(HubUnavailableError):
        await caller.publish(LanternLitV1(n=99))
    with pytest.raises(HubUnavailableError):
        await caller.call("campaign.echo", {"text": "down"}, timeout=0.5)
    persistent_redis.start()

    for n in range(5, 10):
        await caller.publish(LanternLitV1(n=n))
    deadline = time.monotonic() + 10
    while sorted(seen) != list(range(10)):
        assert time.monotonic() < deadline, f"handled {sorted(seen)}"
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    assert sorted(seen) == list(range(10))  # each exactly once
    deadline = time.monotonic() + 5
    while True:
        try:
            answer = await caller.call("campaign.echo", {"text": "after"}, timeout=1.0)
            break
        except HubUnavailableError:  # the breaker may hold calls back for its reset period
            assert time.monotonic() < deadline
            await asyncio.sleep(0.2)
    assert answer["text"] == "after"
    assert subscriber.instance_id in await caller.registry.live_instance_ids("campaign")
