"""Homebrew: create, edit (If-Match), soft delete, restore, balance verdicts, ownership and visibility."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from .conftest import PREFIX, CatalogClient

FROST_BOLT = {
    "level": 1,
    "school": "evocation",
    "casting_time": "Action",
    "range": "120 feet",
    "range_feet": 120,
    "components": ["V", "S"],
    "duration": "Instantaneous",
    "classes": ["wizard"],
    "damage": [{"dice": "3d8", "type": "cold"}],
    "save": "constitution",
}


async def create(catalog: CatalogClient, user: uuid.UUID, content_type: str, body: dict[str, Any]) -> Any:
    return await catalog.http.post(f"{PREFIX}/{content_type}", json=body, headers=catalog.as_user(user))


async def test_create_edit_delete_restore(catalog: CatalogClient) -> None:
    created = await create(catalog, catalog.alice, "spells", {
        "name": "Frost Lance", "description": "A lance of ice.", "mechanics": FROST_BOLT, "tags": ["Ice"],
    })
    assert created.status_code == 201, created.text
    lance = created.json()
    assert lance["source"] == "homebrew" and lance["owner_id"] == str(catalog.alice)
    assert lance["visibility"] == "private" and lance["slug"].startswith("frost-lance-")
    assert lance["balance"] == {"ok": True, "errors": [], "warnings": []} and lance["tags"] == ["ice"]
    url = f"{PREFIX}/spells/{lance['id']}"
    alice = catalog.as_user(catalog.alice)

    stale = await catalog.http.patch(url, json={"name": "Frost Spear"}, headers={**alice, "If-Match": '"7"'})
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "precondition_failed"
    edited = await catalog.http.patch(url, json={"name": "Frost Spear"}, headers={**alice, "If-Match": '"1"'})
    assert edited.status_code == 200 and edited.json()["name"] == "Frost Spear"
    assert edited.headers["ETag"] == '"2"'

    deleted = await catalog.http.delete(url, headers={**alice, "If-Match": '"2"'})
    assert deleted.status_code == 200 and deleted.json()["deleted_at"] is not None
    assert (await catalog.http.get(url, headers=alice)).status_code == 404
    restored = await catalog.http.post(f"{url}/restore", headers=alice)
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    assert (await catalog.http.get(url, headers=alice)).json()["name"] == "Frost Spear"


async def test_writes_need_identity_and_srd_entries_are_not_editable(catalog: CatalogClient) -> None:
    anonymous = await catalog.http.post(f"{PREFIX}/spells", json={"name": "X", "mechanics": FROST_BOLT})
    assert anonymous.status_code == 401
    forged = await catalog.http.post(
        f"{PREFIX}/spells", json={"name": "X", "mechanics": FROST_BOLT}, headers={"X-User-Id": str(catalog.alice)}
    )
    assert forged.status_code == 401
    srd = await catalog.http.patch(
        f"{PREFIX}/spells/fireball", json={"name": "Mine now"}, headers=catalog.as_user(catalog.alice)
    )
    assert srd.status_code == 404


async def test_structural_validation_names_the_field(catalog: CatalogClient) -> None:
    broken = {**FROST_BOLT, "level": 12, "damage": [{"dice": "lots", "type": "cold"}], "colour": "blue"}
    response = await create(catalog, catalog.alice, "spells", {"name": "Broken", "mechanics": broken})
    assert response.status_code == 422
    body = response.json()["error"]
    assert body["code"] == "invalid_mechanics"
    fields = {d["field"] for d in body["details"]}
    assert {"mechanics.level", "mechanics.damage.0.dice", "mechanics.colour"} <= fields


async def test_balance_errors_refuse_and_warnings_are_kept(catalog: CatalogClient) -> None:
    # Level 1 single target: the SRD's best is 14 average (Guiding Bolt 4d6); 3d10 = 16.5 is a warning ...
    warned = await create(catalog, catalog.alice, "spells", {
        "name": "Strong Bolt", "mechanics": {**FROST_BOLT, "damage": [{"dice": "3d10", "type": "cold"}]},
    })
    assert warned.status_code == 201
    [warning] = warned.json()["balance"]["warnings"]
    assert warning["code"] == "spell_damage_over_guideline"
    assert "16.5 exceeds the SRD guideline of 14" in warning["reason"]
    # ... and 10d10 = 55 is an error.
    refused = await create(catalog, catalog.alice, "spells", {
        "name": "Overkill", "mechanics": {**FROST_BOLT, "damage": [{"dice": "10d10", "type": "cold"}]},
    })
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "balance_check_failed"
    assert refused.json()["error"]["details"][0]["field"] == "mechanics.damage"


async def test_magic_item_feat_species_creature_balance(catalog: CatalogClient) -> None:
    item = {"category": "weapon", "rarity": "uncommon", "bonus": 3, "bonus_applies_to": "weapon"}
    response = await create(catalog, catalog.alice, "magic-items", {"name": "Cheap +3 Sword", "mechanics": item})
    assert response.status_code == 422
    assert "a +3 weapon bonus is very rare in the SRD, not uncommon" in response.json()["error"]["message"]
    ok_item = await create(catalog, catalog.alice, "magic-items", {
        "name": "Fine Blade", "mechanics": {**item, "bonus": 1}})
    assert ok_item.status_code == 201

    feat = {"category": "origin", "benefits": [
        {"kind": "skill_proficiency", "amount": 2}, {"kind": "advantage", "amount": 1},
        {"kind": "armor_class", "amount": 1},
    ]}
    over = await create(catalog, catalog.alice, "feats", {"name": "Too Good", "mechanics": feat})
    assert over.status_code == 422 and "benefits cost 5 points" in over.json()["error"]["message"]
    fine = await create(catalog, catalog.alice, "feats", {
        "name": "Keen Eye", "mechanics": {**feat, "benefits": feat["benefits"][:2]}})
    assert fine.status_code == 201 and fine.json()["balance"]["ok"] is True

    species = {"sizes": ["medium"], "speed": 40, "traits": [
        {"name": "Wings", "kind": "flight"}, {"name": "Night Eyes", "kind": "darkvision", "amount": 120},
        {"name": "Fire Soul", "kind": "resistance", "amount": 2},
    ]}
    flagged = await create(catalog, catalog.alice, "species", {"name": "Sky Elf", "mechanics": species})
    assert flagged.status_code == 422 and "traits cost 9 points" in flagged.json()["error"]["message"]

    creature = {
        "size": "medium", "creature_type": "humanoid", "ac": 12, "hp": 26, "cr": "5", "cr_value": 5, "xp": 1800,
        "proficiency_bonus": 3,
        "abilities": {a: 10 for a in ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")},
    }
    weak = await create(catalog, catalog.alice, "creatures", {"name": "Paper Tiger", "mechanics": creature})
    assert weak.status_code == 201
    [warning] = weak.json()["balance"]["warnings"]
    assert warning["code"] == "hp_off_cr" and warning["reason"] == "26 HP is typical of CR 1, not CR 5"
    wrong_xp = await create(catalog, catalog.alice, "creatures", {
        "name": "Bad XP", "mechanics": {**creature, "hp": 100, "xp": 50}})
    assert wrong_xp.status_code == 422 and "CR 5 is worth 1800 XP, not 50" in wrong_xp.json()["error"]["message"]


async def test_balance_preview_does_not_store(catalog: CatalogClient) -> None:
    response = await catalog.http.post(
        f"{PREFIX}/spells/balance-check", json={**FROST_BOLT, "damage": [{"dice": "3d10", "type": "cold"}]},
        headers=catalog.as_user(catalog.alice),
    )
    assert response.status_code == 200 and response.json()["ok"] is True
    assert response.json()["warnings"][0]["code"] == "spell_damage_over_guideline"


async def test_private_entries_are_invisible_to_others_everywhere(catalog: CatalogClient) -> None:
    created = await create(catalog, catalog.alice, "spells", {
        "name": "Zorblax Secret Hex", "mechanics": FROST_BOLT, "description": "Alice's secret."})
    secret = created.json()
    bob, alice = catalog.as_user(catalog.bob), catalog.as_user(catalog.alice)
    for headers in (bob, {}):
        assert (await catalog.http.get(f"{PREFIX}/spells/{secret['id']}", headers=headers)).status_code == 404
        listed = (await catalog.http.get(f"{PREFIX}/spells", params={"source": "homebrew"}, headers=headers)).json()
        assert secret["id"] not in {e["id"] for e in listed["items"]}
        found = (await catalog.http.get(f"{PREFIX}/search", params={"q": "Zorblax Secret Hex"}, headers=headers)).json()
        assert secret["id"] not in {h["entry"]["id"] for h in found["hits"]}
        edit = await catalog.http.patch(f"{PREFIX}/spells/{secret['id']}", json={"name": "Mine"}, headers=bob)
        assert edit.status_code == 404
    own = (await catalog.http.get(f"{PREFIX}/search", params={"q": "Zorblax Secret Hex"}, headers=alice)).json()
    assert own["hits"][0]["entry"]["id"] == secret["id"]
    assert {m["channel"] for m in own["hits"][0]["matched_by"]} >= {"exact", "fuzzy", "fulltext", "semantic"}
    mine = (await catalog.http.get(f"{PREFIX}/spells", params={"mine": "true"}, headers=alice)).json()["items"]
    assert [e["id"] for e in mine] == [secret["id"]]
    own_search = await catalog.http.get(f"{PREFIX}/search", params={"q": "hex", "mine": "true"}, headers=alice)
    assert [h["entry"]["id"] for h in own_search.json()["hits"]] == [secret["id"]]
    anonymous_mine = await catalog.http.get(f"{PREFIX}/search", params={"q": "hex", "mine": "true"})
    assert anonymous_mine.status_code == 422 and anonymous_mine.json()["error"]["details"][0]["field"] == "mine"


async def test_link_entries_open_by_id_but_are_not_listed(catalog: CatalogClient) -> None:
    created = await create(catalog, catalog.alice, "spells", {
        "name": "Quixotic Shared Hex", "mechanics": FROST_BOLT, "visibility": "link"})
    shared = created.json()
    bob = catalog.as_user(catalog.bob)
    assert (await catalog.http.get(f"{PREFIX}/spells/{shared['id']}", headers=bob)).status_code == 200
    found = (await catalog.http.get(f"{PREFIX}/search", params={"q": "Quixotic Shared Hex"}, headers=bob)).json()
    assert shared["id"] not in {h["entry"]["id"] for h in found["hits"]}
    campaign = await create(catalog, catalog.alice, "spells", {
        "name": "Table Hex", "mechanics": FROST_BOLT, "visibility": "campaign"})
    assert campaign.status_code == 422  # a campaign entry names its campaign


@pytest.mark.parametrize("catalog", [{"homebrew_writes_per_minute": 2}], indirect=True)
async def test_write_rate_limit(catalog: CatalogClient) -> None:
    statuses = []
    for attempt in range(3):
        response = await create(catalog, catalog.alice, "spells", {"name": f"Spam {attempt}", "mechanics": FROST_BOLT})
        statuses.append(response.status_code)
    assert statuses == [201, 201, 429]
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.json()["error"]["code"] == "rate_limited"
