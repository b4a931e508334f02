"""History and diff after a sequence of edits and level-ups; the play-state activity log."""

from __future__ import annotations

from typing import Any

import httpx

BASE = "/api/v1/characters"
ASI_INT = {"id": "ability_score_improvement", "choices": {"ability_increases": {"intelligence": 2}}}


async def create(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> str:
    response = await api.post(BASE, json=build, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def level_up(api: httpx.AsyncClient, headers: dict[str, str], cid: str, body: dict[str, Any]) -> None:
    response = await api.post(f"{BASE}/{cid}/level-up", json=body, headers=headers)
    assert response.status_code == 200, response.text


async def patch(api: httpx.AsyncClient, headers: dict[str, str], cid: str, body: dict[str, Any]) -> dict[str, Any]:
    current = await api.get(f"{BASE}/{cid}", headers=headers)
    response = await api.patch(f"{BASE}/{cid}", json=body, headers={**headers, "If-Match": current.headers["etag"]})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_history_and_diff_after_edits_and_level_ups(api: httpx.AsyncClient, alice: dict[str, str],
                                                          wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    await patch(api, alice, cid, {"name": "Ilyra the Red"})
    await level_up(api, alice, cid, {"class_id": "wizard", "feat": ASI_INT})
    await level_up(api, alice, cid, {"class_id": "wizard", "prepared": ["fireball"], "spellbook": ["fireball", "fly"]})

    history = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()
    assert history["branch"] == "main" and history["next_cursor"] is None
    items = history["items"]
    assert [c["message"] for c in items] == ["Level up: Wizard 5", "Level up: Wizard 4", "Edit name", "Create"]
    assert [c["summary"] for c in items] == [
        "Level 4 -> 5 (Wizard); gained 3rd-level slots; prepared Fireball; copied Fireball into the spellbook; "
        "copied Fly into the spellbook",
        "Level 3 -> 4 (Wizard); took the Ability Score Improvement feat",
        "renamed 'Ilyra Moonwhisper' -> 'Ilyra the Red'",
        "Created",
    ]
    assert [c["kind"] for c in items] == ["edit", "edit", "edit", "create"]
    assert all(c["author_id"] == alice["X-User-Id"] for c in items)
    # First parents chain the commits; the first commit has none.
    assert [c["parents"] for c in items] == [[items[1]["id"]], [items[2]["id"]], [items[3]["id"]], []]

    # Pages of two, following the cursor.
    first = (await api.get(f"{BASE}/{cid}/history", params={"limit": 2}, headers=alice)).json()
    assert [c["id"] for c in first["items"]] == [items[0]["id"], items[1]["id"]]
    second = (await api.get(f"{BASE}/{cid}/history", params={"limit": 2, "cursor": first["next_cursor"]},
                            headers=alice)).json()
    assert [c["id"] for c in second["items"]] == [items[2]["id"], items[3]["id"]]
    assert second["next_cursor"] is None

    # A commit holds the build as it was.
    created = (await api.get(f"{BASE}/{cid}/commits/{items[3]['id']}", headers=alice)).json()
    assert created["snapshot"]["name"] == "Ilyra Moonwhisper"
    assert created["snapshot"]["classes"][0]["level"] == 3
    head = (await api.get(f"{BASE}/{cid}/commits/main", headers=alice)).json()
    assert head["id"] == items[0]["id"]
    assert head["snapshot"] == (await api.get(f"{BASE}/{cid}", headers=alice)).json()["build"]

    # Diff over the two level-ups: field-level changes and the summary.
    diff = (await api.get(f"{BASE}/{cid}/diff", params={"from": items[2]["id"], "to": items[0]["id"]},
                          headers=alice)).json()
    assert diff["summary"].startswith(
        "Level 3 -> 5 (Wizard); gained 3rd-level slots; prepared Fireball; copied Fireball into the spellbook")
    assert "took the Ability Score Improvement feat" in diff["summary"]
    changes = {(c["path"], c["kind"]): c for c in diff["changes"]}
    assert changes[("classes[0].level", "changed")]["before"] == 3
    assert changes[("classes[0].level", "changed")]["after"] == 5
    assert changes[("spells.prepared.wizard", "added")]["after"] == "fireball"
    assert changes[("feats[1]", "added")]["after"]["id"] == "ability_score_improvement"
    # And back: the reverse diff.
    back = (await api.get(f"{BASE}/{cid}/diff", params={"from": "main", "to": items[2]["id"]}, headers=alice)).json()
    assert back["summary"].startswith("Level 5 -> 3 (Wizard); lost 3rd-level slots; unprepared Fireball")


async def test_history_is_private_and_refs_are_checked(api: httpx.AsyncClient, alice: dict[str, str],
                                                       bob: dict[str, str], wizard_build: dict[str, Any],
                                                       fighter_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    other = await create(api, bob, fighter_build)
    assert (await api.get(f"{BASE}/{cid}/history", headers=bob)).json()["error"]["code"] == "character_not_found"
    bobs_commit = (await api.get(f"{BASE}/{other}/history", headers=bob)).json()["items"][0]["id"]
    # Another character's commit is not found through this one.
    response = await api.get(f"{BASE}/{cid}/commits/{bobs_commit}", headers=alice)
    assert response.status_code == 404 and response.json()["error"]["code"] == "commit_not_found"
    unknown = await api.get(f"{BASE}/{cid}/diff", params={"from": "nope", "to": "main"}, headers=alice)
    assert unknown.status_code == 404 and unknown.json()["error"]["details"][0]["field"] == "from"
    bad_cursor = await api.get(f"{BASE}/{cid}/history", params={"cursor": "x"}, headers=alice)
    assert bad_cursor.status_code == 422 and bad_cursor.json()["error"]["code"] == "invalid_cursor"
    missing_branch = await api.get(f"{BASE}/{cid}/history", params={"branch": "nope"}, headers=alice)
    assert missing_branch.status_code == 404 and missing_branch.json()["error"]["code"] == "branch_not_found"


async def test_play_state_goes_to_the_activity_log_not_the_history(api: httpx.AsyncClient, alice: dict[str, str],
                                                                  fighter_build: dict[str, Any]) -> None:
    cid = await create(api, alice, fighter_build)
    assert (await api.post(f"{BASE}/{cid}/damage", json={"amount": 10, "type": "slashing"},
                           headers=alice)).status_code == 200
    assert (await api.post(f"{BASE}/{cid}/conditions", json={"action": "add", "condition": "poisoned"},
                           headers=alice)).status_code == 200
    history = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()
    assert [c["message"] for c in history["items"]] == ["Create"]
    activity = (await api.get(f"{BASE}/{cid}/activity", headers=alice)).json()["items"]
    assert [a["actor_id"] for a in activity] == [alice["X-User-Id"]] * 2
    assert activity[0]["what"] == "hp_current null -> 44"
    assert activity[0]["report"]["changes"] == [{"path": "hp_current", "kind": "changed", "before": None, "after": 44}]
    assert activity[1]["report"]["changes"] == [{"path": "conditions", "kind": "added", "before": None,
                                                 "after": "poisoned"}]
    assert activity[0]["created_at"] <= activity[1]["created_at"]
