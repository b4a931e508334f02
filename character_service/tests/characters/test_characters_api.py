"""Characters over HTTP: create (201 or every rule broken), read with the sheet and ETag, list,
PATCH with If-Match on independent fields only, soft delete and restore, ownership (404)."""

from __future__ import annotations

from typing import Any

import httpx

BASE = "/api/v1/characters"


async def create(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> dict[str, Any]:
    response = await api.post(BASE, json=build, headers=headers)
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_create_returns_build_state_and_sheet(api: httpx.AsyncClient, alice: dict[str, str],
                                                   fighter_build: dict[str, Any]) -> None:
    response = await api.post(BASE, json=fighter_build, headers=alice)
    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"] == f"{BASE}/{body['id']}"
    assert response.headers["etag"] == f'"{body["id"]}.1"'
    assert body["version"] == 1 and body["status"] == "active" and body["rules_version"] == "2024"
    sheet = body["sheet"]
    # Fighter 5, dwarf: PB +3 at level 5; Chain Mail 16 + Shield 2 + Defense 1 = 19.
    assert sheet["level"] == 5
    assert sheet["proficiency_bonus"] == 3
    assert sheet["armor_class"]["value"] == 19
    # Hit points: d10 fighter: 10 + 4 x 6 = 34, Con 16 (+3) x 5 = 15, Dwarven Toughness +5 -> 54, full.
    assert sheet["hit_points"]["max"] == 54
    assert sheet["hit_points"]["current"] == 54
    assert body["state"]["temp_hp"] == 0


async def test_create_lists_every_rule_broken(api: httpx.AsyncClient, alice: dict[str, str],
                                              fighter_build: dict[str, Any]) -> None:
    fighter_build["ability_scores"] = {"method": "point_buy", "base": {
        "strength": 15, "dexterity": 15, "constitution": 15, "intelligence": 15, "wisdom": 8, "charisma": 8}}
    fighter_build["classes"][0]["level"] = 2  # subclass before level 3 and ASI at 4 on a level-2 fighter
    response = await api.post(BASE, json=fighter_build, headers=alice)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "rules_violation"
    fields = {d["field"] for d in error["details"]}
    assert "ability_scores.base" in fields or any(f.startswith("ability_scores") for f in fields)
    assert any(f.startswith("classes[0]") for f in fields)
    assert len(error["details"]) >= 3


async def test_malformed_build_names_the_field(api: httpx.AsyncClient, alice: dict[str, str],
                                               fighter_build: dict[str, Any]) -> None:
    fighter_build["classes"][0]["level"] = "five"
    fighter_build["rules_version"] = "2014"
    response = await api.post(BASE, json=fighter_build, headers=alice)
    assert response.status_code == 422
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert {"classes[0].level", "rules_version"} <= fields


async def test_unauthenticated_is_401(api: httpx.AsyncClient, fighter_build: dict[str, Any]) -> None:
    response = await api.post(BASE, json=fighter_build)
    assert response.status_code == 401


async def test_other_users_character_is_404_everywhere(api: httpx.AsyncClient, alice: dict[str, str],
                                                      bob: dict[str, str], admin: dict[str, str],
                                                      fighter_build: dict[str, Any]) -> None:
    created = await create(api, alice, fighter_build)
    url = f"{BASE}/{created['id']}"
    for method, path, body in [("GET", url, None), ("GET", f"{url}/sheet", None),
                               ("PATCH", url, {"name": "Stolen"}), ("DELETE", url, None),
                               ("POST", f"{url}/damage", {"amount": 5, "type": "fire"}),
                               ("POST", f"{url}/rests/long", None), ("GET", f"{url}/resources", None)]:
        response = await api.request(method, path, json=body, headers={**bob, "If-Match": "*"})
        assert response.status_code == 404, (method, path)
        assert response.json()["error"]["code"] == "character_not_found"
    assert (await api.get(BASE, headers=bob)).json()["items"] == []
    # An admin sees it.
    assert (await api.get(url, headers=admin)).status_code == 200


async def test_list_filters_and_paginates(api: httpx.AsyncClient, alice: dict[str, str],
                                          fighter_build: dict[str, Any], wizard_build: dict[str, Any]) -> None:
    for i in range(3):
        await create(api, alice, {**fighter_build, "name": f"Fighter {i}"})
    await create(api, alice, wizard_build)
    first = (await api.get(BASE, params={"limit": 2}, headers=alice)).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = (await api.get(BASE, params={"limit": 2, "cursor": first["next_cursor"]}, headers=alice)).json()
    assert len(second["items"]) == 2 and second["next_cursor"] is None
    wizards = (await api.get(BASE, params={"class": "wizard"}, headers=alice)).json()["items"]
    assert [w["classes"][0]["id"] for w in wizards] == ["wizard"]
    named = (await api.get(BASE, params={"name": "fighter 1"}, headers=alice)).json()["items"]
    assert [n["name"] for n in named] == ["Fighter 1"]
    assert named[0]["level"] == 5
    bad = await api.get(BASE, params={"cursor": "garbage"}, headers=alice)
    assert bad.status_code == 422 and bad.json()["error"]["details"][0]["field"] == "cursor"


async def test_patch_needs_current_etag_and_only_independent_fields(
    api: httpx.AsyncClient, alice: dict[str, str], fighter_build: dict[str, Any]
) -> None:
    created = await create(api, alice, fighter_build)
    url = f"{BASE}/{created['id']}"
    etag = f'"{created["id"]}.1"'
    # No If-Match: refused.
    missing = await api.patch(url, json={"name": "Brunhild"}, headers=alice)
    assert missing.status_code == 412 and missing.json()["error"]["code"] == "if_match_required"
    # Derived fields and play state are refused by name.
    derived = await api.patch(url, json={"armor_class": 25, "proficiency_bonus": 6, "hp_current": 3},
                              headers={**alice, "If-Match": etag})
    assert derived.status_code == 422
    assert derived.json()["error"]["code"] == "derived_field"
    assert {d["field"] for d in derived.json()["error"]["details"]} == {"armor_class", "proficiency_bonus",
                                                                         "hp_current"}
    # A legal edit with the current ETag.
    ok = await api.patch(url, json={"name": "Brunhild the Bold", "appearance": "scarred"},
                         headers={**alice, "If-Match": etag})
    assert ok.status_code == 200
    assert ok.json()["build"]["name"] == "Brunhild the Bold" and ok.json()["version"] == 2
    assert ok.headers["etag"] == f'"{created["id"]}.2"'
    # The old ETag is now stale.
    stale = await api.patch(url, json={"name": "Again"}, headers={**alice, "If-Match": etag})
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "precondition_failed"
    # An edit that breaks a rule is refused and changes nothing.
    illegal = await api.patch(url, json={"classes": [{"id": "fighter", "level": 21}]},
                              headers={**alice, "If-Match": ok.headers["etag"]})
    assert illegal.status_code == 422
    assert (await api.get(url, headers=alice)).json()["version"] == 2


async def test_soft_delete_and_restore(api: httpx.AsyncClient, alice: dict[str, str],
                                       fighter_build: dict[str, Any]) -> None:
    created = await create(api, alice, fighter_build)
    url = f"{BASE}/{created['id']}"
    deleted = await api.delete(url, headers=alice)
    assert deleted.status_code == 200 and deleted.json()["deleted_at"] is not None
    assert (await api.get(url, headers=alice)).status_code == 404
    listed = (await api.get(BASE, params={"deleted": True}, headers=alice)).json()["items"]
    assert [c["id"] for c in listed] == [created["id"]]
    restored = await api.post(f"{url}/restore", headers=alice)
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    assert (await api.get(url, headers=alice)).json()["build"] == created["build"]


async def test_guided_draft_then_complete(api: httpx.AsyncClient, alice: dict[str, str],
                                          fighter_build: dict[str, Any]) -> None:
    draft = await api.post(f"{BASE}/drafts", json={"name": "Work in progress"}, headers=alice)
    assert draft.status_code == 201
    body = draft.json()
    assert body["status"] == "draft" and body["sheet"] is None
    url = f"{BASE}/{body['id']}"
    etag = draft.headers["etag"]
    for step in ("species", "background", "classes", "ability_scores", "skill_proficiencies", "equipment"):
        response = await api.patch(url, json={step: fighter_build[step]}, headers={**alice, "If-Match": etag})
        assert response.status_code == 200, response.text
        etag = response.headers["etag"]
    # Play is refused on a draft.
    assert (await api.post(f"{url}/damage", json={"amount": 1, "type": "fire"}, headers=alice)).status_code == 409
    incomplete = await api.post(f"{url}/complete", headers=alice)
    assert incomplete.status_code == 422  # languages, feats, fighting style, masteries still missing
    rest = {k: fighter_build[k] for k in ("languages", "tool_proficiencies", "feats", "fighting_styles",
                                           "weapon_masteries")}
    response = await api.patch(url, json=rest, headers={**alice, "If-Match": etag})
    assert response.status_code == 200
    completed = await api.post(f"{url}/complete", headers=alice)
    assert completed.status_code == 200, completed.text
    assert completed.json()["status"] == "active" and completed.json()["sheet"]["level"] == 5


async def test_validate_endpoint_saves_nothing(api: httpx.AsyncClient, alice: dict[str, str],
                                               fighter_build: dict[str, Any]) -> None:
    fighter_build["skill_proficiencies"] = ["arcana", "perception", "acrobatics"]
    report = (await api.post(f"{BASE}/validate", json=fighter_build, headers=alice)).json()
    assert report["valid"] is False and report["problems"]
    assert (await api.get(BASE, headers=alice)).json()["items"] == []


async def test_builder_lists_what_is_left_with_options(api: httpx.AsyncClient, alice: dict[str, str],
                                                       fighter_build: dict[str, Any]) -> None:
    draft = await api.post(f"{BASE}/drafts", json={"name": "New hero"}, headers=alice)
    url = f"{BASE}/{draft.json()['id']}"
    report = (await api.get(f"{url}/builder", headers=alice)).json()
    assert report["complete"] is False
    by_step = {s["step"]: s for s in report["steps"]}
    assert by_step["species"]["status"] == "todo"
    assert {"id": "dwarf"}.items() <= next(o for o in by_step["species"]["options"]["species"]
                                            if o["id"] == "dwarf").items()
    assert len(by_step["class"]["options"]["classes"]) == 12
    assert by_step["abilities"]["options"]["standard_array"] == [15, 14, 13, 12, 10, 8]
    assert by_step["skills"]["status"] == "pending" and by_step["details"]["status"] == "done"
    # With the basics chosen, the class's skill rule shows up under skills.
    basics = {k: fighter_build[k] for k in ("species", "classes", "background", "ability_scores")}
    patched = await api.patch(url, json=basics, headers={**alice, "If-Match": draft.headers["etag"]})
    report = (await api.get(f"{url}/builder", headers=alice)).json()
    by_step = {s["step"]: s for s in report["steps"]}
    assert by_step["species"]["status"] == "done" and by_step["skills"]["status"] == "todo"
    assert by_step["skills"]["options"]["choose"] == 2  # fighters choose 2 skills
    assert "athletics" in by_step["skills"]["options"]["from"]
    rest = {k: fighter_build[k] for k in ("skill_proficiencies", "languages", "tool_proficiencies", "feats",
                                           "fighting_styles", "weapon_masteries", "equipment")}
    await api.patch(url, json=rest, headers={**alice, "If-Match": patched.headers["etag"]})
    done = (await api.get(f"{url}/builder", headers=alice)).json()
    assert done["complete"] is True and done["remaining"] == []
