"""Dice (expressions and checks from the sheet, roll log), the journal, XP and milestones, level-up."""

from __future__ import annotations

import re
from typing import Any

import httpx

BASE = "/api/v1/characters"


async def new_character(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> str:
    response = await api.post(BASE, json=build, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def test_expression_roll_and_log(api: httpx.AsyncClient, alice: dict[str, str],
                                       fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    rolled = await api.post(f"{BASE}/{cid}/rolls", json={"expression": "3d6+2"}, headers=alice)
    assert rolled.status_code == 201
    body = rolled.json()
    assert 5 <= body["total"] <= 20
    assert body["result"].startswith("3d6 (") and body["natural"] is None
    for bad in ("1d", "1001d6", "drop table"):
        response = await api.post(f"{BASE}/{cid}/rolls", json={"expression": bad}, headers=alice)
        assert response.status_code == 422, bad
        assert response.json()["error"]["details"][0]["field"] == "expression"
    both = await api.post(f"{BASE}/{cid}/rolls", json={"expression": "1d4", "check": "initiative"}, headers=alice)
    assert both.status_code == 422
    log = (await api.get(f"{BASE}/{cid}/rolls", headers=alice)).json()["items"]
    assert [entry["request"] for entry in log] == ["3d6+2"]


async def test_checks_read_the_sheet_and_apply_exhaustion_and_conditions(
    api: httpx.AsyncClient, alice: dict[str, str], fighter_build: dict[str, Any]
) -> None:
    cid = await new_character(api, alice, fighter_build)
    sheet = (await api.get(f"{BASE}/{cid}/sheet", headers=alice)).json()
    perception = sheet["skills"]["perception"]["modifier"]
    check = (await api.post(f"{BASE}/{cid}/rolls", json={"check": "skill:perception"}, headers=alice)).json()
    assert check["expression"] == f"1d20+{perception}" and 1 <= check["natural"] <= 20
    assert check["total"] == check["natural"] + perception
    # Exhaustion 2: -4 to every d20 test; Poisoned: Disadvantage on attack rolls.
    await api.put(f"{BASE}/{cid}/exhaustion", json={"level": 2}, headers=alice)
    await api.post(f"{BASE}/{cid}/conditions", json={"action": "add", "condition": "poisoned"}, headers=alice)
    longsword = next(a for a in sheet["attacks"] if a["name"] == "Longsword")
    attack = (await api.post(f"{BASE}/{cid}/rolls", json={"check": "attack:Longsword", "mode": "advantage"},
                             headers=alice)).json()
    # Advantage and the poison's Disadvantage cancel: one d20.
    assert attack["expression"] == f"1d20+{longsword['attack_bonus'] - 4}"
    assert any("Exhaustion 2" in note for note in attack["notes"])
    save = (await api.post(f"{BASE}/{cid}/rolls", json={"check": "save:con"}, headers=alice)).json()
    assert save["expression"] == f"1d20+{sheet['abilities']['constitution']['save'] - 4}"
    damage = (await api.post(f"{BASE}/{cid}/rolls", json={"check": "damage:Longsword"}, headers=alice)).json()
    assert damage["expression"] == longsword["damage"]
    unknown = await api.post(f"{BASE}/{cid}/rolls", json={"check": "skill:cooking"}, headers=alice)
    assert unknown.status_code == 422 and unknown.json()["error"]["details"][0]["field"] == "check"


async def test_journal_entries_crud(api: httpx.AsyncClient, alice: dict[str, str], bob: dict[str, str],
                                    fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    session = await api.post(f"{BASE}/{cid}/journal", json={
        "kind": "session", "title": "The mines", "tags": ["phandelver"],
        "session": {"number": 3, "date": "2026-11-20", "summary": "Cleared the goblin den"}}, headers=alice)
    assert session.status_code == 201
    entry = session.json()
    assert entry["data"] == {"number": 3, "date": "2026-11-20", "summary": "Cleared the goblin den"}
    friend = await api.post(f"{BASE}/{cid}/journal", json={
        "kind": "relationship", "title": "Sildar", "relationship": {"npc": "Sildar Hallwinter", "standing": 3}},
        headers=alice)
    assert friend.json()["data"]["standing"] == 3
    wrong = await api.post(f"{BASE}/{cid}/journal", json={"kind": "note", "quest": {"status": "open"}},
                           headers=alice)
    assert wrong.status_code == 422 and wrong.json()["error"]["details"][0]["field"] == "quest"
    tagged = (await api.get(f"{BASE}/{cid}/journal", params={"tag": "phandelver"}, headers=alice)).json()
    assert [e["title"] for e in tagged["items"]] == ["The mines"]
    url = f"{BASE}/{cid}/journal/{entry['id']}"
    edited = await api.patch(url, json={"body": "Found a map"}, headers={**alice, "If-Match": '"1"'})
    assert edited.json()["body"] == "Found a map" and edited.json()["version"] == 2
    stale = await api.patch(url, json={"body": "x"}, headers={**alice, "If-Match": '"1"'})
    assert stale.status_code == 412
    assert (await api.delete(url, headers=bob)).status_code == 404
    assert (await api.delete(url, headers=alice)).json()["deleted_at"] is not None
    assert (await api.post(f"{url}/restore", headers=alice)).json()["deleted_at"] is None


async def test_xp_marks_ready_to_level_and_milestones(api: httpx.AsyncClient, alice: dict[str, str],
                                                     wizard_build: dict[str, Any]) -> None:
    wizard_build["xp"] = 900  # level 3 starts at 900 XP, level 4 at 2,700 (XP table)
    cid = await new_character(api, alice, wizard_build)
    status = (await api.get(f"{BASE}/{cid}/advancement", headers=alice)).json()
    assert status == {"advancement": "xp", "level": 3, "xp": 900, "milestone_level": None, "target_level": 3,
                      "level_up_ready": False, "xp_to_next_level": 1800}
    award = (await api.post(f"{BASE}/{cid}/xp", json={"amount": 1800, "reason": "Dragon"}, headers=alice)).json()
    assert award["advancement"]["level_up_ready"] is True and award["advancement"]["xp"] == 2700
    assert award["entry"]["kind"] == "xp" and award["entry"]["data"] == {"amount": 1800, "total": 2700}
    negative = await api.post(f"{BASE}/{cid}/xp", json={"amount": -5000}, headers=alice)
    assert negative.status_code == 422
    switched = await api.put(f"{BASE}/{cid}/advancement", json={"advancement": "milestone"}, headers=alice)
    assert switched.json()["level_up_ready"] is False  # milestone mode ignores XP
    milestone = (await api.post(f"{BASE}/{cid}/milestones", json={"title": "Saved the town"}, headers=alice)).json()
    assert milestone["advancement"]["milestone_level"] == 4 and milestone["advancement"]["level_up_ready"] is True


async def test_level_up_fixed_and_rolled_and_illegal(api: httpx.AsyncClient, alice: dict[str, str],
                                                     fighter_build: dict[str, Any]) -> None:
    cid = await new_character(api, alice, fighter_build)
    options = (await api.get(f"{BASE}/{cid}/level-up/options", headers=alice)).json()
    assert options["class_id"] == "fighter" and options["new_class_level"] == 6 and options["allowed"] is True
    # Fighter 6 is an ASI level (fighters also get 6 and 14).
    assert any("feat" in c or "ability" in c for c in options["choices"])
    missing = await api.post(f"{BASE}/{cid}/level-up", json={"class_id": "fighter"}, headers=alice)
    assert missing.status_code == 422  # the ASI/feat choice is required
    feat = {"id": "ability_score_improvement", "choices": {"ability_increases": {"strength": 2}}}
    fixed = await api.post(f"{BASE}/{cid}/level-up", json={"class_id": "fighter", "feat": feat}, headers=alice)
    assert fixed.status_code == 200, fixed.text
    body = fixed.json()
    # Fixed HP for a d10: 6 + Con +3 + Dwarven Toughness 1 = 10.
    assert body["level"] == 6 and body["hit_points_gained"] == 10 and body["hp_roll"] is None
    rolled = await api.post(f"{BASE}/{cid}/level-up", json={"class_id": "fighter", "hit_points": "roll",
                                                           "hp_roll": 7}, headers=alice)
    assert rolled.status_code == 200 and rolled.json()["hit_points_gained"] == 7 + 3 + 1
    too_big = await api.post(f"{BASE}/{cid}/level-up", json={"class_id": "fighter", "hit_points": "roll",
                                                            "hp_roll": 11}, headers=alice)
    assert too_big.status_code == 422 and too_big.json()["error"]["details"][0]["field"] == "hp_roll"
    # Multiclassing into wizard needs Intelligence 13; this dwarf has 8.
    wizard = await api.post(f"{BASE}/{cid}/level-up", json={"class_id": "wizard"}, headers=alice)
    assert wizard.status_code == 422
    assert any(re.search("13|prereq", d["issue"], re.I) for d in wizard.json()["error"]["details"])
