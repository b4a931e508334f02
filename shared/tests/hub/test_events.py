"""Events on a real Redis: one group per subscribing service, duplicates filtered by event id,
a poison event dead-lettered after N failures and replayed after the fix."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import ClassVar

from redis.asyncio import Redis

from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.contracts.events import EVENT_TYPES, EventModel
from dnd_shared.hub import keys
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.dead_letters import DeadLetters
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import HubFactory


class SpellLearnedV1(EventModel):
    event_type: ClassVar[str] = "testspell.learned.v1"

    character_id: uuid.UUID
    spell: str


async def eventually(check: Callable[[], Awaitable[bool] | bool], timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = check()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


def recording_router(seen: list[tuple[str, str, str | None]], fail: set[str] | None = None) -> HubRouter:
    router = HubRouter()

    @router.subscribe(SpellLearnedV1)
    async def learned(event: SpellLearnedV1, ctx: MessageContext) -> None:
        if fail is not None and event.spell in fail:
            raise ValueError(f"cannot learn {event.spell}")
        seen.append((event.spell, ctx.require_hub().service, ctx.correlation_id))

    return router


def test_event_types_are_versioned_and_catalogued() -> None:
    assert EVENT_TYPES["testspell.learned.v1"] is SpellLearnedV1
    assert SpellLearnedV1.domain() == "testspell"


async def test_every_subscribing_service_gets_each_event_once(hub_instance: HubFactory, redis_client: Redis) -> None:
    seen: list[tuple[str, str, str | None]] = []
    user = PrincipalClaims(user_id=uuid.uuid4())
    async with hub_instance("campaign", recording_router(seen)), hub_instance("image", recording_router(seen)), \
            hub_instance("character") as publisher:
        event = publisher.event(SpellLearnedV1(character_id=uuid.uuid4(), spell="Shield"), principal=user)
        await publisher.publish(event)
        await publisher.publish(event)  # the same event id again: at-least-once, handled once
        await eventually(lambda: len(seen) >= 2)
        await asyncio.sleep(0.3)
        assert sorted(s[1] for s in seen) == ["campaign", "image"]
        raw = await redis_client.xrange(keys.event_stream("testspell"))
        assert len(raw) == 2
        infos = await redis_client.xinfo_groups(keys.event_stream("testspell"))
        groups = {g["name"].decode(): g["pending"] for g in infos}
        assert groups == {"campaign": 0, "image": 0}


async def test_poison_event_is_dead_lettered_after_n_tries_and_replays_after_fix(
    hub_instance: HubFactory, redis_client: Redis
) -> None:
    seen: list[tuple[str, str, str | None]] = []
    fail = {"Wish"}
    attempts: list[int] = []
    router = recording_router(seen, fail)
    original = router.event_handlers["testspell.learned.v1"].fn

    async def counting(event: SpellLearnedV1, ctx: MessageContext) -> None:
        attempts.append(ctx.delivery)
        await original(event, ctx)

    router.event_handlers["testspell.learned.v1"] = type(router.event_handlers["testspell.learned.v1"])(
        SpellLearnedV1, counting)
    dead_letters = DeadLetters(redis_client)
    async with hub_instance("campaign", router), hub_instance("image", recording_router(seen)), \
            hub_instance("character") as publisher:
        await publisher.publish(SpellLearnedV1(character_id=uuid.uuid4(), spell="Wish"))
        await publisher.publish(SpellLearnedV1(character_id=uuid.uuid4(), spell="Light"))

        async def one_dead_letter() -> bool:
            return await dead_letters.count() == 1

        await eventually(one_dead_letter)
        assert len(attempts) == 4 - 1 + 1  # "Light" once, "Wish" max_deliveries (3) times
        [letter] = await dead_letters.list()
        assert (letter.service, letter.type, letter.attempts) == ("campaign", "testspell.learned.v1", 3)
        assert "cannot learn Wish" in letter.error
        assert ("Wish", "image") in [(s[0], s[1]) for s in seen]  # other groups are unaffected
        assert ("Wish", "campaign") not in [(s[0], s[1]) for s in seen]

        fail.clear()  # the fix
        assert await dead_letters.replay([letter.id]) == [letter.id]
        await eventually(lambda: ("Wish", "campaign") in [(s[0], s[1]) for s in seen])
        await asyncio.sleep(0.3)
        # The replay went to the failing service only: image did not see Wish twice.
        assert [(s[0], s[1]) for s in seen].count(("Wish", "image")) == 1
        assert await dead_letters.count() == 0
        pending = await redis_client.xpending(keys.event_stream("testspell"), "campaign")
        assert pending["pending"] == 0


async def test_discarding_a_dead_letter(hub_instance: HubFactory, redis_client: Redis) -> None:
    seen: list[tuple[str, str, str | None]] = []
    dead_letters = DeadLetters(redis_client)
    async with hub_instance("campaign", recording_router(seen, {"Wish"})), hub_instance("character") as publisher:
        await publisher.publish(SpellLearnedV1(character_id=uuid.uuid4(), spell="Wish"))

        async def dead() -> bool:
            return await dead_letters.count() == 1

        await eventually(dead)
        [letter] = await dead_letters.list(service="campaign")
        assert await dead_letters.discard([letter.id, "0-1"]) == [letter.id]
        assert await dead_letters.count() == 0
