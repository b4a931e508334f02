"""The character service's hub handlers, called through a real hub on the real Redis by another
service instance: summaries for ownership checks, and idempotent XP awards from campaigns."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from dnd_shared.contracts.character import ApplyXp, CharacterRef, apply_xp, get_summary
from dnd_shared.errors import ForbiddenError, NotFoundError
from dnd_shared.testing.hub_fixtures import HubFactory

BASE = "/api/v1/characters"


async def test_summary_and_idempotent_xp_from_a_campaign(
    live_api: httpx.AsyncClient, alice: dict[str, str], wizard_build: dict[str, Any], hub_instance: HubFactory
) -> None:
    created = (await live_api.post(BASE, json=wizard_build, headers=alice)).json()
    character_id = uuid.UUID(created["id"])
    async with hub_instance("campaign") as campaign:
        summary = await campaign.call(get_summary, CharacterRef(character_id=character_id))
        assert summary.owner_id == uuid.UUID(alice["X-User-Id"])
        assert (summary.name, summary.level, summary.species) == ("Ilyra Moonwhisper", 3, "elf")
        assert [c.id for c in summary.classes] == ["wizard"]
        with pytest.raises(NotFoundError):
            await campaign.call(get_summary, CharacterRef(character_id=uuid.uuid4()))

        award = ApplyXp(character_id=character_id, amount=1800, reason="Session 4", source_event_id="evt-1:c1")
        first = await campaign.call(apply_xp, award)
        assert (first.xp, first.level_up_ready, first.duplicate) == (2700, True, False)
        again = await campaign.call(apply_xp, award, idempotency_key="retry-of-evt-1")
        assert (again.xp, again.duplicate) == (2700, True)
    journal = (await live_api.get(f"{BASE}/{character_id}/journal", params={"kind": "xp"}, headers=alice)).json()
    assert [e["data"]["amount"] for e in journal["items"]] == [1800]


async def test_only_campaigns_award_xp(
    live_api: httpx.AsyncClient, alice: dict[str, str], wizard_build: dict[str, Any], hub_instance: HubFactory
) -> None:
    created = (await live_api.post(BASE, json=wizard_build, headers=alice)).json()
    async with hub_instance("image") as image:
        with pytest.raises(ForbiddenError):
            await image.call(apply_xp, ApplyXp(character_id=uuid.UUID(created["id"]), amount=10, source_event_id="x"))


async def test_character_events_reach_subscribers(
    live_api: httpx.AsyncClient, alice: dict[str, str], fighter_build: dict[str, Any], hub_instance: HubFactory
) -> None:
    import asyncio

    from dnd_shared.contracts.character import CharacterCreatedV1, CharacterDeletedV1, CharacterLeveledUpV1
    from dnd_shared.hub.context import MessageContext
    from dnd_shared.hub.router import HubRouter

    seen: list[tuple[str, str]] = []
    listener = HubRouter()

    @listener.subscribe(CharacterCreatedV1)
    async def on_created(event: CharacterCreatedV1, ctx: MessageContext) -> None:
        seen.append(("created", f"{event.name}/{event.level}"))

    @listener.subscribe(CharacterLeveledUpV1)
    async def on_leveled(event: CharacterLeveledUpV1, ctx: MessageContext) -> None:
        seen.append(("leveled_up", f"{event.class_id}/{event.level}"))

    @listener.subscribe(CharacterDeletedV1)
    async def on_deleted(event: CharacterDeletedV1, ctx: MessageContext) -> None:
        seen.append(("deleted", str(event.restored)))

    async with hub_instance("campaign", listener):
        created = (await live_api.post(BASE, json=fighter_build, headers=alice)).json()
        feat = {"id": "ability_score_improvement", "choices": {"ability_increases": {"strength": 2}}}
        await live_api.post(
            f"{BASE}/{created['id']}/level-up", json={"class_id": "fighter", "feat": feat}, headers=alice
        )
        await live_api.delete(f"{BASE}/{created['id']}", headers=alice)
        for _ in range(100):
            if len(seen) >= 3:
                break
            await asyncio.sleep(0.05)
    assert seen == [("created", "Brunhild Ironfist/5"), ("leveled_up", "fighter/6"), ("deleted", "False")]


async def test_play_operations_from_a_campaign(
    live_api: httpx.AsyncClient, alice: dict[str, str], fighter_build: dict[str, Any], hub_instance: HubFactory
) -> None:
    from dnd_shared.contracts.character import ApplyPlayOp, apply_play_op
    from dnd_shared.errors import UnprocessableError

    created = (await live_api.post(BASE, json=fighter_build, headers=alice)).json()
    character_id = uuid.UUID(created["id"])
    async with hub_instance("campaign") as campaign:
        hit = await campaign.call(
            apply_play_op, ApplyPlayOp(character_id=character_id, op="damage", amount=10, damage_type="fire")
        )
        assert hit.hit_points["current"] == 44
        poisoned = await campaign.call(
            apply_play_op, ApplyPlayOp(character_id=character_id, op="add_condition", condition="poisoned")
        )
        assert "poisoned" in poisoned.state["conditions"]
        rested = await campaign.call(apply_play_op, ApplyPlayOp(character_id=character_id, op="long_rest"))
        assert rested.hit_points["current"] == 54
        with pytest.raises(UnprocessableError):
            await campaign.call(
                apply_play_op, ApplyPlayOp(character_id=character_id, op="damage", amount=1, damage_type="sarcasm")
            )
    async with hub_instance("image") as image:
        with pytest.raises(ForbiddenError):
            await image.call(apply_play_op, ApplyPlayOp(character_id=character_id, op="heal", amount=1))
    assert (await live_api.get(f"{BASE}/{character_id}", headers=alice)).json()["version"] == 4
