"""Inventory (AC and attacks follow what is equipped; attunement max 3; coins) and spell lists
(class limits enforced by the rules engine)."""

from __future__ import annotations

from typing import Any

import httpx

BASE = "/api/v1/characters"


async def new_character(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> str:
    response = await api.post(BASE, json=build, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_equipping_changes_ac_and_attacks(api: httpx.AsyncClient, alice: dict[str, str],
                                                fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    inventory = (await api.get(f"{BASE}/{cid}/inventory", headers=alice)).json()
    assert inventory["armor_class"]["value"] == 19
    shield = next(i for i in inventory["items"] if i["item_id"] == "shield")
    # Unequip the shield: 19 - 2 = 17 (Chain Mail 16 + Defense 1).
    off = await api.patch(f"{BASE}/{cid}/inventory/{shield['index']}", json={"equipped": False}, headers=alice)
    assert off.status_code == 200 and off.json()["armor_class"]["value"] == 17
    added = await api.post(f"{BASE}/{cid}/inventory", json={"item_id": "rapier", "equipped": True}, headers=alice)
    assert added.status_code == 201
    assert any(a["name"] == "Rapier" for a in added.json()["attacks"])
    unknown = await api.post(f"{BASE}/{cid}/inventory", json={"item_id": "lightsaber"}, headers=alice)
    assert unknown.status_code == 422
    missing = await api.patch(f"{BASE}/{cid}/inventory/99", json={"equipped": True}, headers=alice)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "inventory_item_not_found"
    coins = await api.put(f"{BASE}/{cid}/currency", json={"gp": 120, "sp": 7}, headers=alice)
    assert coins.json()["currency"]["gp"] == 120 and coins.json()["currency"]["sp"] == 7
    negative = await api.put(f"{BASE}/{cid}/currency", json={"gp": -1}, headers=alice)
    assert negative.status_code == 422


async def test_attunement_maximum_is_three(api: httpx.AsyncClient, alice: dict[str, str],
                                           fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    for n in range(3):
        ring = {"item": {"name": f"Ring {n}", "category": "wondrous", "requires_attunement": True},
                "attuned": True}
        assert (await api.post(f"{BASE}/{cid}/inventory", json=ring, headers=alice)).status_code == 201
    fourth = {"item": {"name": "Ring 3", "category": "wondrous", "requires_attunement": True}, "attuned": True}
    response = await api.post(f"{BASE}/{cid}/inventory", json=fourth, headers=alice)
    assert response.status_code == 422
    assert any(d["field"].startswith("equipment") for d in response.json()["error"]["details"])
    assert (await api.get(f"{BASE}/{cid}/inventory", headers=alice)).json()["attunement"]["used"] == 3


async def test_spell_lists_respect_class_limits(api: httpx.AsyncClient, alice: dict[str, str],
                                                wizard_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, wizard_build)
    spells = (await api.get(f"{BASE}/{cid}/spells", headers=alice)).json()
    wizard = spells["spellcasting"]["wizard"]
    # Wizard 3 with Int 17 (+3): DC 8 + 2 + 3 = 13, attack +5; 3 cantrips, 6 prepared (class table).
    assert (wizard["save_dc"], wizard["attack_bonus"]) == (13, 5)
    assert (wizard["cantrips_max"], wizard["prepared_max"]) == (3, 6)
    new_list = ["magic_missile", "mage_armor", "sleep", "detect_magic", "shatter", "thunderwave"]
    # 2024: a Wizard changes prepared spells after a Long Rest; right after creation nothing is allowed.
    assert spells["changes"]["wizard"]["prepared"] == {"allowed_now": 0,
                                                       "rule": "a Wizard replaces any of them after a Long Rest"}
    early = await api.put(f"{BASE}/{cid}/spells/wizard", json={"prepared": new_list}, headers=alice)
    assert early.status_code == 422 and early.json()["error"]["code"] == "spell_change_not_allowed"
    await api.post(f"{BASE}/{cid}/rests/long", headers=alice)
    swap = await api.put(f"{BASE}/{cid}/spells/wizard", json={"prepared": new_list}, headers=alice)
    assert swap.status_code == 200 and "shatter" in swap.json()["prepared"]["wizard"]
    # One cantrip may be replaced per Long Rest.
    assert swap.json()["changes"]["wizard"]["cantrips"]["allowed_now"] == 1
    one = await api.put(f"{BASE}/{cid}/spells/wizard", json={"cantrips": ["light", "ray_of_frost", "mage_hand"]},
                        headers=alice)
    assert one.status_code == 200
    two = await api.put(f"{BASE}/{cid}/spells/wizard", json={"cantrips": ["light", "fire_bolt", "minor_illusion"]},
                        headers=alice)
    assert two.status_code == 422 and two.json()["error"]["code"] == "spell_change_not_allowed"
    too_many = await api.put(f"{BASE}/{cid}/spells/wizard", json={"cantrips": [
        "light", "ray_of_frost", "shocking_grasp", "prestidigitation"]}, headers=alice)
    assert too_many.status_code == 422
    not_a_class = await api.put(f"{BASE}/{cid}/spells/cleric", json={"prepared": []}, headers=alice)
    assert not_a_class.status_code == 422 and not_a_class.json()["error"]["details"][0]["field"] == "class_id"
    # A wizard prepares only from the spellbook.
    outside = await api.put(f"{BASE}/{cid}/spells/wizard", json={"prepared": ["fly"]}, headers=alice)
    assert outside.status_code == 422
    assert "not_in_spellbook" in outside.json()["error"]["details"][0]["issue"]
    book = await api.put(f"{BASE}/{cid}/spellbook", json={"spells": [*wizard_build["spells"]["spellbook"], "fly"]},
                         headers=alice)
    assert book.status_code == 200 and "fly" in book.json()["spellbook"]
    prepared = await api.put(f"{BASE}/{cid}/spells/wizard", json={"prepared": ["fly"]}, headers=alice)
    assert prepared.status_code == 200 and prepared.json()["prepared"]["wizard"] == ["fly"]
