"""Sessions: plan, run, record events, close. Closing writes the ledger, applies relationship changes
and stages exactly one ``campaign.session_completed.v1`` in the outbox; delivered twice, the
character service's subscription handles it once."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from sqlalchemy import select

from campaign_service.models import hub_outbox
from campaign_service.testing.table import BASE, Table
from dnd_shared.contracts.campaign import CampaignSessionCompletedV1
from dnd_shared.contracts.envelope import CloudEvent
from dnd_shared.hub.events import publish_cloud_event


async def _played_session(table: Table) -> dict[str, Any]:
    dm, ana, ben, cara = uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    aria = await table.join(campaign, ana, "Aria")
    brakka = await table.join(campaign, ben, "Brakka")
    await table.join(campaign, cara, "Cora")  # attached, absent from this session
    sildar = await table.entity(campaign, dm, kind="npc", name="Sildar Hallwinter")
    url = f"{BASE}/{campaign['id']}"
    dm_h = table.as_user(dm)
    edge = (await table.http.post(f"{url}/relationships", headers=dm_h, json={
        "source_kind": "pc", "source_id": str(aria), "target_kind": "npc", "target_id": sildar["id"],
        "standing": 1})).json()
    play = (await table.http.post(f"{url}/sessions", headers=dm_h, json={
        "title": "Cragmaw Hideout", "notes": "The party stormed the hideout.", "dm_notes": "Klarg escaped",
        "attendance": [str(aria), str(brakka)]})).json()
    assert play["number"] == 1 and play["status"] == "planned"
    started = await table.http.post(f"{url}/sessions/{play['id']}/start", headers=dm_h)
    assert started.json()["status"] == "running"
    events_url = f"{url}/sessions/{play['id']}/events"
    for body in (
        {"kind": "xp", "amount": 1001, "description": "Goblin ambush"},
        {"kind": "xp", "character_id": str(aria), "amount": 100, "description": "Clever plan"},
        {"kind": "moment", "description": "Held the bridge"},
        {"kind": "moment", "description": "Klarg watched from the shadows", "visibility": "dm_only"},
        {"kind": "moment", "character_id": str(brakka), "description": "Brakka's rage broke the door"},
        {"kind": "loot", "character_id": str(aria), "item": "Longsword +1", "description": "From Klarg's chest"},
        {"kind": "loot", "item": "200 gp", "description": "Party stash"},
        {"kind": "relationship", "character_id": str(aria), "relationship_id": edge["id"], "change": 2,
         "description": "Rescued him"},
    ):
        response = await table.http.post(events_url, headers=dm_h, json=body)
        assert response.status_code == 201, response.text
    return {"campaign": campaign, "url": url, "dm": dm, "ana": ana, "aria": aria, "ben": ben, "brakka": brakka,
            "session": play, "sildar": sildar, "edge": edge}


async def _outbox_rows(table: Table) -> list[Any]:
    async with table.app.state.database.session() as session:
        return list((await session.execute(select(hub_outbox).order_by(hub_outbox.c.created_at))).all())


async def test_closing_a_session_stages_one_completion_event(table: Table) -> None:
    played = await _played_session(table)
    url, dm_h = played["url"], table.as_user(played["dm"])
    session_url = f"{url}/sessions/{played['session']['id']}"
    closed = await table.http.post(f"{session_url}/close", headers=dm_h)
    assert closed.status_code == 200, closed.text
    assert closed.json()["status"] == "closed" and closed.json()["completion_event_id"]
    again = await table.http.post(f"{session_url}/close", headers=dm_h)
    assert again.status_code == 409 and again.json()["error"]["code"] == "session_already_closed"
    late = await table.http.post(f"{session_url}/events", headers=dm_h, json={"kind": "moment", "description": "x"})
    assert late.status_code == 409

    completed = [r for r in await _outbox_rows(table) if r.type == "campaign.session_completed.v1"]
    assert len(completed) == 1 and completed[0].event_id == closed.json()["completion_event_id"]
    event = CampaignSessionCompletedV1.model_validate(completed[0].envelope["data"])
    assert (event.campaign_id, event.session_id, event.session_number, event.title, event.advancement) == (
        uuid.UUID(played["campaign"]["id"]), uuid.UUID(played["session"]["id"]), 1, "Cragmaw Hideout", "xp")
    assert event.summary == "The party stormed the hideout."  # never the DM's notes
    by_character = {c.character_id: c for c in event.characters}
    assert set(by_character) == {played["aria"], played["brakka"]}
    aria, brakka = by_character[played["aria"]], by_character[played["brakka"]]
    # 1001 party XP split two ways rounds down to 500 each; Aria's own 100 is hers alone.
    assert (aria.xp, brakka.xp) == (600, 500)
    assert (aria.owner_id, brakka.owner_id) == (played["ana"], played["ben"])
    assert aria.notable_moments == ["Held the bridge"]
    assert brakka.notable_moments == ["Held the bridge", "Brakka's rage broke the door"]
    assert [(i.item, i.quantity, i.note) for i in aria.loot] == [("Longsword +1", 1, "From Klarg's chest")]
    assert brakka.loot == []
    assert [(r.target_kind, str(r.target_id), r.target_name, r.change, r.standing, r.note)
            for r in aria.relationship_changes] == [
        ("npc", played["sildar"]["id"], "Sildar Hallwinter", 2, 3, "Rescued him")]
    assert "Klarg" not in completed[0].envelope["data"]["summary"]
    assert "shadows" not in str(completed[0].envelope)

    ledger = (await table.http.get(f"{url}/ledger", headers=dm_h)).json()
    assert ledger["xp_totals"] == {str(played["aria"]): 600, str(played["brakka"]): 500}
    assert sorted((e["kind"], e["item"], e["amount"]) for e in ledger["entries"]) == [
        ("loot", "200 gp", 1), ("loot", "Longsword +1", 1), ("xp", "", 500), ("xp", "", 600)]
    edge = (await table.http.get(f"{url}/relationships", headers=dm_h)).json()[0]
    assert edge["standing"] == 3
    assert edge["history"] == [{"change": 2, "standing": 3, "note": "Rescued him",
                                "session_id": played["session"]["id"]}]


async def test_the_completion_event_reaches_the_character_service_once(table: Table) -> None:
    played = await _played_session(table)
    closed = await table.http.post(f"{played['url']}/sessions/{played['session']['id']}/close",
                                   headers=table.as_user(played["dm"]))
    assert closed.status_code == 200
    assert await table.relay.relay_once() >= 1
    assert await table.relay.relay_once() == 0  # published once, stamped
    row = next(r for r in await _outbox_rows(table) if r.type == "campaign.session_completed.v1")
    # A second delivery of the same event (as after a relay crash between publish and stamp).
    await publish_cloud_event(table.app.state.redis, CloudEvent.model_validate(row.envelope), 1000)
    for _ in range(100):
        if table.completed_sessions:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.6)
    assert [e.session_id for e in table.completed_sessions] == [uuid.UUID(played["session"]["id"])]


async def test_milestone_campaigns_award_no_xp(table: Table) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, advancement="milestone")
    aria = await table.join(campaign, ana, "Aria")
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    play = (await table.http.post(f"{url}/sessions", headers=dm_h, json={"title": "One",
                                                                          "attendance": [str(aria)]})).json()
    xp = await table.http.post(f"{url}/sessions/{play['id']}/events", headers=dm_h, json={"kind": "xp", "amount": 50})
    assert xp.status_code == 422 and xp.json()["error"]["code"] == "milestone_campaign"
    closed = await table.http.post(f"{url}/sessions/{play['id']}/close", headers=dm_h, json={"milestone": True})
    assert closed.status_code == 200
    row = next(r for r in await _outbox_rows(table) if r.type == "campaign.session_completed.v1")
    event = CampaignSessionCompletedV1.model_validate(row.envelope["data"])
    assert event.advancement == "milestone"
    assert [(c.character_id, c.xp, c.milestone) for c in event.characters] == [(aria, 0, True)]


async def test_session_rules(table: Table) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    aria = await table.join(campaign, ana, "Aria")
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    stranger = await table.http.post(f"{url}/sessions", headers=dm_h,
                                     json={"title": "x", "attendance": [str(uuid.uuid4())]})
    assert stranger.status_code == 422 and stranger.json()["error"]["details"][0]["field"] == "attendance"
    by_player = await table.http.post(f"{url}/sessions", headers=table.as_user(ana), json={"title": "x"})
    assert by_player.status_code == 403
    one = (await table.http.post(f"{url}/sessions", headers=dm_h, json={"title": "One"})).json()
    two = (await table.http.post(f"{url}/sessions", headers=dm_h, json={"title": "Two"})).json()
    assert (one["number"], two["number"]) == (1, 2)
    stale = await table.http.patch(f"{url}/sessions/{one['id']}", headers={**dm_h, "If-Match": '"9"'},
                                   json={"attendance": [str(aria)]})
    assert stale.status_code == 412
    edited = await table.http.patch(f"{url}/sessions/{one['id']}", headers={**dm_h, "If-Match": '"1"'},
                                    json={"attendance": [str(aria)]})
    assert edited.json()["attendance"] == [str(aria)]
    loot = await table.http.post(f"{url}/sessions/{one['id']}/events", headers=dm_h, json={"kind": "loot"})
    assert loot.status_code == 422
    deleted = await table.http.delete(f"{url}/sessions/{two['id']}", headers=dm_h)
    assert deleted.status_code == 200
    assert [s["title"] for s in (await table.http.get(f"{url}/sessions", headers=dm_h)).json()] == ["One"]
    three = (await table.http.post(f"{url}/sessions", headers=dm_h, json={"title": "Three"})).json()
    assert three["number"] == 3  # numbers are never reused
    restored = await table.http.post(f"{url}/sessions/{two['id']}/restore", headers=dm_h)
    assert restored.status_code == 200 and restored.json()["number"] == 2
    assert (await table.http.post(f"{url}/sessions/{two['id']}/close", headers=dm_h)).status_code == 200
    closed_stays = await table.http.delete(f"{url}/sessions/{two['id']}", headers=dm_h)
    assert closed_stays.status_code == 409 and closed_stays.json()["error"]["code"] == "session_closed"
    xp = await table.http.post(f"{url}/ledger", headers=dm_h, json={"kind": "xp", "character_id": str(aria),
                                                                     "amount": 75, "description": "Side quest"})
    assert xp.status_code == 201
    secret = await table.http.post(f"{url}/ledger", headers=dm_h, json={
        "kind": "xp", "character_id": str(aria), "amount": 25, "description": "SECRET spared the spy",
        "visibility": "dm_only"})
    assert secret.status_code == 201
    rows = [r for r in await _outbox_rows(table) if r.type == "campaign.xp_awarded.v1"]
    assert [(r.envelope["data"]["amount"], r.envelope["data"]["reason"]) for r in rows] == [
        (75, "Side quest"), (25, "")]
