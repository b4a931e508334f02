"""Restore: revert to any commit as a new commit (nothing rewritten); deleted branches and
soft-deleted characters come back with their history."""

from __future__ import annotations

from typing import Any

import httpx

BASE = "/api/v1/characters"
ASI_INT = {"id": "ability_score_improvement", "choices": {"ability_increases": {"intelligence": 2}}}


async def post(api: httpx.AsyncClient, headers: dict[str, str], url: str, body: dict[str, Any] | None = None,
               expect: int = 200) -> dict[str, Any]:
    response = await api.post(url, json=body, headers=headers)
    assert response.status_code == expect, response.text
    result: dict[str, Any] = response.json()
    return result


async def test_revert_to_any_commit_is_a_new_commit(api: httpx.AsyncClient, alice: dict[str, str],
                                                    wizard_build: dict[str, Any]) -> None:
    cid = str((await post(api, alice, BASE, wizard_build, expect=201))["id"])
    await post(api, alice, f"{BASE}/{cid}/level-up", {"class_id": "wizard", "feat": ASI_INT})
    await post(api, alice, f"{BASE}/{cid}/xp", {"amount": 100, "reason": "Scouting"})
    before = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"]
    created = before[-1]
    assert [c["message"] for c in before] == ["+100 XP: Scouting", "Level up: Wizard 4", "Create"]

    current = await api.get(f"{BASE}/{cid}", headers=alice)
    stale = await api.post(f"{BASE}/{cid}/revert", json={"commit": created["id"]},
                           headers={**alice, "If-Match": f'"{cid}.1"'})
    assert stale.status_code == 412
    reverted = await post(api, {**alice, "If-Match": current.headers["etag"]}, f"{BASE}/{cid}/revert",
                          {"commit": created["id"]})
    assert reverted["build"]["classes"][0]["level"] == 3 and reverted["sheet"]["level"] == 3
    assert reverted["build"]["xp"] == 1000  # the XP earned since is kept: experience travels
    after = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"]
    assert [c["id"] for c in after[1:]] == [c["id"] for c in before]  # nothing rewritten
    assert after[0]["kind"] == "revert" and after[0]["message"] == f"Revert to {created['id'].replace('-', '')[:8]}"
    assert after[0]["summary"] == "Level 4 -> 3 (Wizard); dropped the Ability Score Improvement feat"
    # Undo the undo: revert to the level-up commit.
    again = await post(api, alice, f"{BASE}/{cid}/revert", {"commit": before[1]["id"], "message": "Undo the revert"})
    assert again["build"]["classes"][0]["level"] == 4


async def test_deleted_branches_come_back(api: httpx.AsyncClient, alice: dict[str, str],
                                          wizard_build: dict[str, Any]) -> None:
    cid = str((await post(api, alice, BASE, wizard_build, expect=201))["id"])
    branch = await post(api, alice, f"{BASE}/{cid}/branches", {"name": "what-if"}, expect=201)
    main = await api.delete(f"{BASE}/{cid}/branches/main", headers=alice)
    assert main.status_code == 409 and main.json()["error"]["code"] == "branch_protected"
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "what-if"})
    active = await api.delete(f"{BASE}/{cid}/branches/what-if", headers=alice)
    assert active.status_code == 409 and active.json()["error"]["code"] == "branch_checked_out"
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})

    deleted = await api.delete(f"{BASE}/{cid}/branches/what-if", headers=alice)
    assert deleted.status_code == 200 and deleted.json()["deleted_at"] is not None
    live = (await api.get(f"{BASE}/{cid}/branches", headers=alice)).json()["items"]
    assert [b["name"] for b in live] == ["main"]
    gone = (await api.get(f"{BASE}/{cid}/branches", params={"deleted": True}, headers=alice)).json()["items"]
    assert [b["name"] for b in gone] == ["what-if"]
    assert (await api.post(f"{BASE}/{cid}/checkout", json={"branch": "what-if"}, headers=alice)).status_code == 404

    restored = await post(api, alice, f"{BASE}/{cid}/branches/what-if/restore")
    assert restored["name"] == "what-if" and restored["head"] == branch["head"] and restored["deleted_at"] is None
    assert [b["name"] for b in (await api.get(f"{BASE}/{cid}/branches", headers=alice)).json()["items"]] == [
        "main", "what-if"]
    twice = await api.post(f"{BASE}/{cid}/branches/what-if/restore", headers=alice)
    assert twice.status_code == 409


async def test_a_soft_deleted_character_comes_back_with_its_history(api: httpx.AsyncClient, alice: dict[str, str],
                                                                   wizard_build: dict[str, Any]) -> None:
    cid = str((await post(api, alice, BASE, wizard_build, expect=201))["id"])
    await post(api, alice, f"{BASE}/{cid}/level-up", {"class_id": "wizard", "feat": ASI_INT})
    history = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"]
    assert (await api.delete(f"{BASE}/{cid}", headers=alice)).status_code == 200
    assert (await api.get(f"{BASE}/{cid}/history", headers=alice)).status_code == 404
    assert (await post(api, alice, f"{BASE}/{cid}/restore"))["deleted_at"] is None
    assert (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"] == history


async def test_a_draft_keeps_its_history_and_an_incomplete_build_never_reaches_an_active_row(
        api: httpx.AsyncClient, alice: dict[str, str], wizard_build: dict[str, Any]) -> None:
    draft = await post(api, alice, f"{BASE}/drafts", {"name": "Ilyra", "rules_version": "2024"}, expect=201)
    cid = draft["id"]
    first = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"]
    assert [c["message"] for c in first] == ["Start a draft"]
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "sketch"}, expect=201)
    current = await api.get(f"{BASE}/{cid}", headers=alice)
    patched = await api.patch(f"{BASE}/{cid}", json={k: v for k, v in wizard_build.items() if k != "name"},
                              headers={**alice, "If-Match": current.headers["etag"]})
    assert patched.status_code == 200, patched.text
    completed = await post(api, {**alice, "If-Match": patched.headers["etag"]}, f"{BASE}/{cid}/complete")
    assert completed["status"] == "active"
    history = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"]
    assert [c["message"] for c in history][-1] == "Start a draft" and history[0]["message"] == "Complete the draft"
    # The sketch branch still holds the empty draft: an active character cannot take it.
    refused = await api.post(f"{BASE}/{cid}/checkout", json={"branch": "sketch"}, headers=alice)
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "validation_error"
    assert refused.json()["error"]["message"] == "Checking out 'sketch' would give a build that breaks the 2024 rules."
    reverted = await api.post(f"{BASE}/{cid}/revert", json={"commit": first[0]["id"]}, headers=alice)
    assert reverted.status_code == 422
    assert (await api.get(f"{BASE}/{cid}", headers=alice)).json()["status"] == "active"
