"""Play over HTTP: damage, healing, temp HP, death saves, conditions, exhaustion, concentration,
resources, spell slots, rests — each answering with the new state and what happened."""

from __future__ import annotations

from typing import Any

import httpx

BASE = "/api/v1/characters"


async def new_character(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> str:
    response = await api.post(BASE, json=build, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_damage_temp_hp_and_concentration_dc(api: httpx.AsyncClient, alice: dict[str, str],
                                                   wizard_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, wizard_build)
    sheet = (await api.get(f"{BASE}/{cid}/sheet", headers=alice)).json()
    hp_max = sheet["hit_points"]["max"]
    await api.post(f"{BASE}/{cid}/concentration", json={"action": "start", "spell_id": "detect_magic"},
                   headers=alice)
    temp = await api.post(f"{BASE}/{cid}/temp-hp", json={"amount": 5}, headers=alice)
    assert temp.json()["state"]["temp_hp"] == 5
    lower = await api.post(f"{BASE}/{cid}/temp-hp", json={"amount": 3}, headers=alice)
    assert lower.json()["state"]["temp_hp"] == 5  # never stacks: the higher is kept
    hit = await api.post(f"{BASE}/{cid}/damage", json={"amount": 7, "type": "slashing"}, headers=alice)
    assert hit.status_code == 200
    body = hit.json()
    # 5 absorbed by temp HP, 2 from HP; concentration DC max(10, 7 // 2) = 10.
    assert body["state"]["temp_hp"] == 0
    assert body["hit_points"]["current"] == hp_max - 2
    assert body["report"]["concentration_dc"] == 10
    healed = await api.post(f"{BASE}/{cid}/heal", json={"amount": 100}, headers=alice)
    assert healed.json()["hit_points"]["current"] == hp_max


async def test_dropping_to_zero_death_saves_and_stability(api: httpx.AsyncClient, alice: dict[str, str],
                                                          fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    down = await api.post(f"{BASE}/{cid}/damage", json={"amount": 54, "type": "bludgeoning"}, headers=alice)
    assert down.json()["hit_points"]["current"] == 0
    assert "unconscious" in down.json()["state"]["conditions"]
    # Damage at 0 HP: a critical hit adds two failures.
    crit = await api.post(f"{BASE}/{cid}/damage", json={"amount": 1, "type": "piercing", "critical": True},
                          headers=alice)
    assert crit.json()["state"]["death_saves"]["failures"] == 2
    for roll in (10, 15):
        await api.post(f"{BASE}/{cid}/death-save", json={"roll": roll}, headers=alice)
    stable = await api.post(f"{BASE}/{cid}/death-save", json={"roll": 12}, headers=alice)
    assert stable.json()["state"]["stable"] is True
    again = await api.post(f"{BASE}/{cid}/death-save", json={"roll": 12}, headers=alice)
    assert again.status_code == 409 and again.json()["error"]["code"] == "not_dying"
    bad_roll = await api.post(f"{BASE}/{cid}/death-save", json={"roll": 21}, headers=alice)
    assert bad_roll.status_code == 422 and bad_roll.json()["error"]["details"][0]["field"] == "roll"


async def test_massive_damage_kills_outright(api: httpx.AsyncClient, alice: dict[str, str],
                                             fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    # 54 HP: 54 to reach 0 and 54 more remaining >= HP max -> dead.
    dead = await api.post(f"{BASE}/{cid}/damage", json={"amount": 108, "type": "force"}, headers=alice)
    assert dead.json()["state"]["dead"] is True
    heal = await api.post(f"{BASE}/{cid}/heal", json={"amount": 5}, headers=alice)
    assert heal.status_code == 409 and heal.json()["error"]["code"] == "already_dead"


async def test_conditions_and_exhaustion(api: httpx.AsyncClient, alice: dict[str, str],
                                         fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    added = await api.post(f"{BASE}/{cid}/conditions", json={"action": "add", "condition": "poisoned"},
                           headers=alice)
    assert "poisoned" in added.json()["state"]["conditions"]
    unknown = await api.post(f"{BASE}/{cid}/conditions", json={"action": "add", "condition": "sleepy"},
                             headers=alice)
    assert unknown.status_code == 422 and unknown.json()["error"]["details"][0]["field"] == "condition"
    tired = await api.put(f"{BASE}/{cid}/exhaustion", json={"level": 2}, headers=alice)
    assert tired.json()["state"]["exhaustion"] == 2
    sheet = (await api.get(f"{BASE}/{cid}/sheet", headers=alice)).json()
    # 2024 Exhaustion: d20 tests -2 x level; speed -5 ft x level (dwarf 30 -> 20).
    assert sheet["d20_penalty"] == -4
    assert sheet["speed"]["walk"] == 20
    removed = await api.post(f"{BASE}/{cid}/conditions", json={"action": "remove", "condition": "poisoned"},
                             headers=alice)
    assert "poisoned" not in removed.json()["state"]["conditions"]


async def test_resources_slots_and_rests(api: httpx.AsyncClient, alice: dict[str, str],
                                         fighter_build: dict[str, Any], wizard_build: dict[str, Any]) -> None:
    fighter = await new_character(api, alice, fighter_build)
    resources = (await api.get(f"{BASE}/{fighter}/resources", headers=alice)).json()
    by_id = {r["id"]: r for r in resources["resources"]}
    # Fighter 5: Second Wind 3 uses (fighter table), Action Surge 1.
    assert by_id["second_wind"]["max"] == 3 and by_id["action_surge"]["max"] == 1
    spent = await api.post(f"{BASE}/{fighter}/resources/action_surge/spend", json={"amount": 1}, headers=alice)
    assert spent.json()["state"]["resources_spent"]["action_surge"] == 1
    none_left = await api.post(f"{BASE}/{fighter}/resources/action_surge/spend", json={}, headers=alice)
    assert none_left.status_code == 409 and none_left.json()["error"]["code"] == "nothing_left"
    unknown = await api.post(f"{BASE}/{fighter}/resources/rage/spend", json={}, headers=alice)
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_resource"
    await api.post(f"{BASE}/{fighter}/damage", json={"amount": 20, "type": "fire"}, headers=alice)
    short = await api.post(f"{BASE}/{fighter}/rests/short", json={"hit_dice": {"d10": 2}, "rolls": {"d10": [4, 6]}},
                           headers=alice)
    assert short.status_code == 200
    # Each die: roll + Con modifier (+3): 7 + 9 = 16 back; Action Surge returns on a short rest.
    assert short.json()["hit_points"]["current"] == 54 - 20 + 16
    assert short.json()["state"]["hit_dice_spent"]["d10"] == 2
    assert short.json()["state"]["resources_spent"].get("action_surge", 0) == 0
    mismatched = await api.post(f"{BASE}/{fighter}/rests/short", json={"hit_dice": {"d10": 1}, "rolls": {"d10": []}},
                                headers=alice)
    assert mismatched.status_code == 422
    long = await api.post(f"{BASE}/{fighter}/rests/long", headers=alice)
    assert long.json()["hit_points"]["current"] == 54
    assert long.json()["state"]["hit_dice_spent"].get("d10", 0) == 0  # 2024: all hit dice return

    wizard = await new_character(api, alice, wizard_build)
    slots = (await api.get(f"{BASE}/{wizard}/resources", headers=alice)).json()["spell_slots"]
    assert slots["1"]["max"] == 4 and slots["2"]["max"] == 2  # Wizard 3: 4 first-level, 2 second-level
    used = await api.post(f"{BASE}/{wizard}/spell-slots/2/spend", json={"amount": 2}, headers=alice)
    assert used.json()["state"]["spell_slots_spent"]["2"] == 2
    empty = await api.post(f"{BASE}/{wizard}/spell-slots/2/spend", json={}, headers=alice)
    assert empty.status_code == 409
    no_such = await api.post(f"{BASE}/{wizard}/spell-slots/5/spend", json={}, headers=alice)
    assert no_such.status_code == 422


async def test_every_play_operation_bumps_the_version(api: httpx.AsyncClient, alice: dict[str, str],
                                                      fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    first = await api.post(f"{BASE}/{cid}/damage", json={"amount": 1, "type": "fire"}, headers=alice)
    second = await api.post(f"{BASE}/{cid}/heal", json={"amount": 1}, headers=alice)
    assert (first.json()["version"], second.json()["version"]) == (2, 3)
