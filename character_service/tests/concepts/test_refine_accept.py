"""Refinement rounds change what the feedback asks and keep the rest, as commits on the draft branch;
accept merges the draft into main through version control and activates the character."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from character_service.campaign_links.repository import CampaignLinkRepository
from character_service.rules.build import Build
from character_service.rules.validation import validate
from dnd_shared.contracts.campaign import MembershipAnswer, MembershipQuery, membership_contract
from dnd_shared.db.engine import Database
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter

pytestmark = pytest.mark.asyncio

BASE = "/api/v1/characters"


async def draft_from(client: httpx.AsyncClient, headers: dict[str, str], finished: Callable[..., Any],
                     concept: str, level: int) -> dict[str, Any]:
    job = (await client.post(f"{BASE}/concepts", headers=headers, json={"concept": concept, "level": level})).json()
    done = await finished(client, headers, job["id"])
    assert done["status"] == "succeeded", done["errors"]
    character: dict[str, Any] = (await client.get(f"{BASE}/{done['character_id']}", headers=headers)).json()
    return character


async def test_refinement_rounds_then_accept(live_api: httpx.AsyncClient, alice: dict[str, str],
                                            bob: dict[str, str], finished: Callable[..., Any]) -> None:
    before = await draft_from(live_api, alice, finished, "a gnome wizard who studies old books", 4)
    cid = before["id"]
    assert before["build"]["classes"][0]["id"] == "wizard" and before["build"]["species"]["id"] == "gnome"

    # Round 1: only the species (and what follows from it: its language) changes.
    one = await live_api.post(f"{BASE}/{cid}/refine", headers=alice, json={"feedback": "make her a dwarf"})
    assert one.status_code == 200, one.text
    body = one.json()
    assert {c["field"] for c in body["changes"]} == {"species", "languages"}
    assert body["explanation"]["understood"][0]["element"] == "species"
    after_one = (await live_api.get(f"{BASE}/{cid}", headers=alice)).json()["build"]
    assert after_one["species"] == {"id": "dwarf"}
    for kept in ("classes", "background", "ability_scores", "skill_proficiencies", "spells", "name", "feats"):
        assert after_one[kept] == before["build"][kept], kept

    # Round 2: less magic, more sneaky -> no full caster any more, a sneaky class; species kept.
    two = (await live_api.post(f"{BASE}/{cid}/refine", headers=alice,
                               json={"feedback": "less magic, more sneaky"})).json()
    after_two = Build.model_validate((await live_api.get(f"{BASE}/{cid}", headers=alice)).json()["build"])
    assert validate(after_two) == []
    assert after_two.classes[0].id == "rogue" and after_two.species.id == "dwarf"
    assert after_two.spells.prepared == {} and "stealth" in after_two.skill_proficiencies + list(
        ("sleight_of_hand", "stealth") if after_two.background.id == "criminal" else ())
    assert "classes" in {c["field"] for c in two["changes"]}

    # Round 3: a name; the feedback keeps everything else.
    three = (await live_api.post(f"{BASE}/{cid}/refine", headers=alice, json={"feedback": "call her Brassa"})).json()
    assert [c["field"] for c in three["changes"]] == ["name"]

    history = (await live_api.get(f"{BASE}/{cid}/history", headers=alice, params={"branch": "draft"})).json()
    messages = [c["message"] for c in history["items"]]
    assert messages[:3] == ["Refine: call her Brassa", "Refine: less magic, more sneaky", "Refine: make her a dwarf"]
    assert (await live_api.post(f"{BASE}/{cid}/refine", headers=bob, json={"feedback": "x"})).status_code == 404

    accepted = await live_api.post(f"{BASE}/{cid}/accept", headers=alice)
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "active" and accepted.json()["merge"] == "fast_forward"
    character = (await live_api.get(f"{BASE}/{cid}", headers=alice)).json()
    assert character["status"] == "active" and character["build"]["name"] == "Brassa"
    main = (await live_api.get(f"{BASE}/{cid}/history", headers=alice, params={"branch": "main"})).json()
    assert main["items"][0]["message"] == "Complete the draft"
    again = await live_api.post(f"{BASE}/{cid}/refine", headers=alice, json={"feedback": "make her an elf"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "not_a_draft"


async def test_refine_with_a_stale_etag_is_412(live_api: httpx.AsyncClient, alice: dict[str, str],
                                               finished: Callable[..., Any]) -> None:
    character = await draft_from(live_api, alice, finished, "an orc barbarian", 2)
    stale = f'"{character["id"]}.{character["version"] - 1}"'
    response = await live_api.post(f"{BASE}/{character['id']}/refine", headers={**alice, "If-Match": stale},
                                   json={"feedback": "make him a goliath"})
    assert response.status_code == 412
    fresh = await live_api.post(f"{BASE}/{character['id']}/refine",
                                headers={**alice, "If-Match": f'"{character["id"]}.{character["version"]}"'},
                                json={"feedback": "make him a goliath"})
    assert fresh.status_code == 200 and fresh.headers["ETag"]


async def test_accept_needs_the_dms_approval_in_a_campaign_that_requires_it(
        live_api: httpx.AsyncClient, alice: dict[str, str], identity: Any, infra: Any, hub_instance: Any,
        finished: Callable[..., Any]) -> None:
    """The campaign service answers ``campaign.membership`` on a real hub instance; the draft's character
    is attached to its campaign, so merging the draft into main waits for the DM's approval."""
    character = await draft_from(live_api, alice, finished, "a halfling bard", 2)
    cid = uuid.UUID(character["id"])
    campaign_id, dm_id = uuid.uuid4(), uuid.uuid4()
    database = Database(infra.database_url, "character")
    async with database.session() as session:
        await CampaignLinkRepository(session).attach(cid, campaign_id)
    router = HubRouter()

    @router.rpc(membership_contract)
    async def membership(query: MembershipQuery, ctx: MessageContext) -> MembershipAnswer:
        is_dm = query.campaign_id == campaign_id and query.user_id == dm_id
        return MembershipAnswer(campaign_id=query.campaign_id, exists=query.campaign_id == campaign_id,
                                is_dm=is_dm, is_member=True, user_role="dm" if is_dm else "player",
                                character_attached=True, merges_need_approval=True)

    async with hub_instance("campaign", router):
        refused = await live_api.post(f"{BASE}/{cid}/accept", headers=alice)
        assert refused.status_code == 403 and refused.json()["error"]["code"] == "dm_approval_required"
        assert (await live_api.get(f"{BASE}/{cid}", headers=alice)).json()["status"] == "draft"
        opened = await live_api.post(f"{BASE}/{cid}/merge-requests", headers=alice, json={"source": "draft"})
        assert opened.status_code == 201, opened.text
        request_id = opened.json()["id"]
        dm = identity.headers(dm_id)
        approved = await live_api.post(f"{BASE}/{cid}/merge-requests/{request_id}/approve", headers=dm, json={})
        assert approved.status_code == 200, approved.text
        accepted = await live_api.post(f"{BASE}/{cid}/accept", headers=alice, json={"merge_request_id": request_id})
        assert accepted.status_code == 200, accepted.text
        assert accepted.json()["status"] == "active"
    async with database.session() as session:
        await CampaignLinkRepository(session).detach(cid, campaign_id)
    await database.dispose()
