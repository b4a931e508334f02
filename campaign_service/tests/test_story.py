"""The story: kinds and their statuses, ordered chapters, world effects on themes, NPCs on catalog
creatures (snapshot plus overrides), relationship standings with history, revisions, soft delete."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel

from campaign_service.testing.table import BASE, Table
from dnd_shared.errors import NotFoundError
from dnd_shared.hub import HubRouter, MessageContext
from dnd_shared.testing.hub_fixtures import HubFactory


async def test_kinds_statuses_and_order(table: Table) -> None:
    dm = uuid.uuid4()
    campaign = await table.create_campaign(dm)
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    arc = await table.entity(campaign, dm, kind="arc", name="Act I")
    first = await table.entity(campaign, dm, kind="chapter", name="Arrival")
    moved = await table.http.patch(f"{url}/entities/{first['id']}", headers=dm_h, json={"parent_id": arc["id"]})
    assert moved.status_code == 200 and moved.json()["parent_id"] == arc["id"]
    first = moved.json()
    second = await table.entity(campaign, dm, kind="chapter", name="The Mine", parent_id=arc["id"], status="active")
    assert (first["position"], second["position"], first["status"], second["status"]) == (0, 1, "planned", "active")
    chapters = (await table.http.get(f"{url}/entities?kind=chapter", headers=dm_h)).json()
    assert [c["name"] for c in chapters] == ["Arrival", "The Mine"]
    active = (await table.http.get(f"{url}/entities?kind=chapter&status=active", headers=dm_h)).json()
    assert [c["name"] for c in active] == ["The Mine"]
    hook = await table.entity(campaign, dm, kind="hook", name="Lost caravan", linked_ids=[second["id"]])
    assert (hook["status"], hook["linked_ids"]) == ("open", [second["id"]])

    bad = [
        await table.http.post(f"{url}/entities", headers=dm_h, json={"kind": "dragon", "name": "x"}),
        await table.http.post(f"{url}/entities", headers=dm_h, json={"kind": "hook", "name": "x", "status": "done"}),
        await table.http.post(f"{url}/entities", headers=dm_h, json={"kind": "npc", "name": "x", "data": {"hp": 3}}),
        await table.http.post(f"{url}/entities", headers=dm_h,
                              json={"kind": "npc", "name": "x", "dm_only_fields": ["nonsense"]}),
        await table.http.post(f"{url}/entities", headers=dm_h,
                              json={"kind": "chapter", "name": "x", "parent_id": str(uuid.uuid4())}),
    ]
    assert [r.status_code for r in bad] == [422] * 5
    assert [r.json()["error"]["details"][0]["field"] for r in bad] == [
        "kind", "status", "data.hp", "dm_only_fields", "parent_id"]

    resolved = await table.http.patch(f"{url}/entities/{hook['id']}", headers={**dm_h, "If-Match": '"1"'},
                                      json={"status": "resolved", "data": {"stakes": "Winter food"}})
    assert resolved.status_code == 200 and resolved.headers["etag"] == '"2"'
    assert (resolved.json()["status"], resolved.json()["data"]["stakes"]) == ("resolved", "Winter food")
    stale = await table.http.patch(f"{url}/entities/{hook['id']}", headers={**dm_h, "If-Match": '"1"'},
                                   json={"name": "y"})
    assert stale.status_code == 412
    assert (await table.http.delete(f"{url}/entities/{hook['id']}", headers=dm_h)).status_code == 200
    deleted = (await table.http.get(f"{url}/entities?deleted=true", headers=dm_h)).json()
    assert [e["id"] for e in deleted] == [hook["id"]]
    restored = await table.http.post(f"{url}/entities/{hook['id']}/restore", headers=dm_h)
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    history = (await table.http.get(f"{url}/entities/{hook['id']}/history", headers=dm_h)).json()
    assert [(h["number"], h["action"]) for h in history] == [(1, "created"), (2, "updated"), (3, "deleted"),
                                                             (4, "restored")]
    assert history[0]["entity"]["status"] == "open" and history[1]["entity"]["status"] == "resolved"
    assert len({h["digest"] for h in history}) == 4


async def test_world_effects_change_themes(table: Table) -> None:
    dm = uuid.uuid4()
    campaign = await table.create_campaign(dm)
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    town = await table.entity(campaign, dm, kind="location", name="Phandalin", data={"theme": "frontier town"})
    effect = await table.entity(campaign, dm, kind="world_effect", name="The Blight",
                                data={"target_id": town["id"], "theme": "plague-ridden"})
    assert effect["data"]["previous_theme"] == "frontier town"
    town_now = (await table.http.get(f"{url}/entities/{town['id']}", headers=dm_h)).json()
    assert town_now["data"]["theme"] == "plague-ridden"
    hook = await table.entity(campaign, dm, kind="hook", name="x")
    facade_of_a_hook = await table.http.post(f"{url}/entities", headers=dm_h, json={
        "kind": "facade", "name": "y", "data": {"identity_id": hook["id"]}})
    assert facade_of_a_hook.status_code == 422 and facade_of_a_hook.json()["error"]["code"] == "kind_mismatch"
    elsewhere = await table.http.post(f"{url}/entities", headers=dm_h, json={
        "kind": "npc", "name": "y", "data": {"location_id": str(uuid.uuid4())}})
    assert elsewhere.status_code == 422 and elsewhere.json()["error"]["details"][0]["field"] == "data.location_id"
    wrong = await table.http.post(f"{url}/entities", headers=dm_h, json={
        "kind": "world_effect", "name": "y", "data": {"target_id": hook["id"], "theme": "z"}})
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "invalid_target"


class _Get(BaseModel):
    id: uuid.UUID | None = None
    type: str | None = None
    slug: str | None = None
    campaign_ids: list[uuid.UUID] = []


class _Entry(BaseModel):
    entry: dict[str, Any]


def catalog_router() -> HubRouter:
    """``catalog.get`` as the catalog answers it."""
    router = HubRouter()

    @router.rpc("catalog.get")
    async def get(request: _Get, ctx: MessageContext) -> _Entry:
        if (request.type, request.slug) != ("creature", "bandit-captain") or not request.campaign_ids:
            raise NotFoundError("No creature 'nope'.", code="entry_not_found")
        return _Entry(entry={"slug": "bandit-captain", "name": "Bandit Captain", "type": "creature",
                             "mechanics": {"ac": 15, "hp": 52, "cr": "2", "xp": 450, "abilities": {"str": 15}}})

    return router


async def test_npc_from_a_catalog_creature(table: Table, hub_instance: HubFactory) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    await table.join(campaign, ana)
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    async with hub_instance("catalog", catalog_router()):
        made = await table.http.post(f"{url}/npcs/from-creature", headers=dm_h, json={
            "creature": "bandit-captain", "name": "Vyra the Red", "personality": "Proud", "motives": "Gold",
            "overrides": {"hp": 60}})
        missing = await table.http.post(f"{url}/npcs/from-creature", headers=dm_h,
                                        json={"creature": "nope", "name": "x"})
    assert made.status_code == 201, made.text
    data = made.json()["data"]
    assert data["stat_block"] == {"name": "Bandit Captain", "slug": "bandit-captain", "ac": 15, "hp": 52, "cr": "2",
                                  "xp": 450, "abilities": {"str": 15}}
    assert (data["effective_stat_block"]["hp"], data["effective_stat_block"]["ac"]) == (60, 15)
    assert (data["creature_slug"], data["personality"], data["motives"]) == ("bandit-captain", "Proud", "Gold")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "entry_not_found"
    # Making the overrides secret hides the merged block from players too.
    npc_id = made.json()["id"]
    await table.http.patch(f"{url}/entities/{npc_id}", headers=dm_h, json={"dm_only_fields": ["overrides", "secret"]})
    seen = (await table.http.get(f"{url}/entities/{npc_id}", headers=table.as_user(ana))).json()["data"]
    assert "overrides" not in seen and "effective_stat_block" not in seen and seen["stat_block"]["hp"] == 52


async def test_relationship_graph(table: Table) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    aria = await table.join(campaign, ana, "Aria")
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    guild = await table.entity(campaign, dm, kind="faction", name="Miners' Guild")
    boss = await table.entity(campaign, dm, kind="npc", name="Halia")
    edge = await table.http.post(f"{url}/relationships", headers=dm_h, json={
        "source_kind": "pc", "source_id": str(aria), "target_kind": "faction", "target_id": guild["id"],
        "standing": 9})
    assert edge.status_code == 201
    changed = await table.http.post(f"{url}/relationships/{edge.json()['id']}/standing", headers=dm_h,
                                    json={"change": 5, "note": "Saved the mine"})
    assert changed.json()["standing"] == 10  # clamped
    assert changed.json()["history"] == [{"change": 5, "standing": 10, "note": "Saved the mine", "session_id": None}]
    mismatch = await table.http.post(f"{url}/relationships", headers=dm_h, json={
        "source_kind": "faction", "source_id": boss["id"], "target_kind": "pc", "target_id": str(aria)})
    assert mismatch.status_code == 422 and mismatch.json()["error"]["code"] == "kind_mismatch"
    await table.http.post(f"{url}/relationships", headers=dm_h, json={
        "source_kind": "npc", "source_id": boss["id"], "target_kind": "faction", "target_id": guild["id"]})
    touching_aria = (await table.http.get(f"{url}/relationships?node_id={aria}", headers=dm_h)).json()
    assert [e["target_id"] for e in touching_aria] == [guild["id"]]
    assert len((await table.http.get(f"{url}/relationships", headers=table.as_user(ana))).json()) == 2
    assert (await table.http.delete(f"{url}/relationships/{edge.json()['id']}", headers=dm_h)).status_code == 204
    assert len((await table.http.get(f"{url}/relationships", headers=dm_h)).json()) == 1
    restored = await table.http.post(f"{url}/relationships/{edge.json()['id']}/restore", headers=dm_h)
    assert restored.status_code == 200 and restored.json()["standing"] == 10
    assert len((await table.http.get(f"{url}/relationships", headers=dm_h)).json()) == 2
