"""Branches and merges: a what-if level-up on a branch leaves main alone; fast-forward; three-way
merges with and without conflicts, resolved per path; a merged build that breaks the rules is
refused with the engine's errors; XP travels across branches."""

from __future__ import annotations

from typing import Any

import httpx

BASE = "/api/v1/characters"
ASI_INT = {"id": "ability_score_improvement", "choices": {"ability_increases": {"intelligence": 2}}}


async def create(api: httpx.AsyncClient, headers: dict[str, str], build: dict[str, Any]) -> str:
    response = await api.post(BASE, json=build, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def patch(api: httpx.AsyncClient, headers: dict[str, str], cid: str, body: dict[str, Any]) -> dict[str, Any]:
    current = await api.get(f"{BASE}/{cid}", headers=headers)
    response = await api.patch(f"{BASE}/{cid}", json=body, headers={**headers, "If-Match": current.headers["etag"]})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def post(api: httpx.AsyncClient, headers: dict[str, str], url: str, body: dict[str, Any],
               expect: int = 200) -> dict[str, Any]:
    response = await api.post(url, json=body, headers=headers)
    assert response.status_code == expect, response.text
    result: dict[str, Any] = response.json()
    return result


async def build_of(api: httpx.AsyncClient, headers: dict[str, str], cid: str) -> dict[str, Any]:
    body: dict[str, Any] = (await api.get(f"{BASE}/{cid}", headers=headers)).json()["build"]
    return body


async def test_what_if_level_up_on_a_branch_leaves_main_alone(api: httpx.AsyncClient, alice: dict[str, str],
                                                             wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    main_head = (await api.get(f"{BASE}/{cid}/commits/main", headers=alice)).json()["id"]
    branch = await post(api, alice, f"{BASE}/{cid}/branches", {"name": "what-if"}, expect=201)
    assert branch == {**branch, "name": "what-if", "head": main_head, "active": False}
    switched = await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "what-if"})
    assert switched["build"]["classes"][0]["level"] == 3
    await post(api, alice, f"{BASE}/{cid}/level-up", {"class_id": "wizard", "feat": ASI_INT})
    assert (await build_of(api, alice, cid))["classes"][0]["level"] == 4

    main = (await api.get(f"{BASE}/{cid}/commits/main", headers=alice)).json()
    assert main["id"] == main_head and main["snapshot"]["classes"][0]["level"] == 3
    branches = (await api.get(f"{BASE}/{cid}/branches", headers=alice)).json()
    assert branches["active"] == "what-if"
    assert [(b["name"], b["active"]) for b in branches["items"]] == [("main", False), ("what-if", True)]
    what_if = (await api.get(f"{BASE}/{cid}/history", params={"branch": "what-if"}, headers=alice)).json()
    assert [c["message"] for c in what_if["items"]] == ["Level up: Wizard 4", "Create"]
    assert what_if["items"][0]["branch"] == "what-if"
    main_history = (await api.get(f"{BASE}/{cid}/history", params={"branch": "main"}, headers=alice)).json()
    assert [c["message"] for c in main_history["items"]] == ["Create"]

    back = await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})
    assert back["build"]["classes"][0]["level"] == 3 and back["sheet"]["level"] == 3
    # A branch can start at any commit, and a taken name is refused.
    old = await post(api, alice, f"{BASE}/{cid}/branches", {"name": "from-root", "from": main_head}, expect=201)
    assert old["head"] == main_head
    taken = await api.post(f"{BASE}/{cid}/branches", json={"name": "what-if"}, headers=alice)
    assert taken.status_code == 409 and taken.json()["error"]["code"] == "branch_exists"
    bad = await api.post(f"{BASE}/{cid}/branches", json={"name": "no spaces"}, headers=alice)
    assert bad.status_code == 422


async def test_fast_forward_merge(api: httpx.AsyncClient, alice: dict[str, str],
                                  wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "level-4"}, expect=201)
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "level-4"})
    await post(api, alice, f"{BASE}/{cid}/level-up", {"class_id": "wizard", "feat": ASI_INT})
    branch_head = (await api.get(f"{BASE}/{cid}/commits/level-4", headers=alice)).json()["id"]
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})

    merged = await post(api, alice, f"{BASE}/{cid}/merge", {"source": "level-4"})
    assert merged["result"] == "fast_forward" and merged["head"] == branch_head and merged["commit"] is None
    character = (await api.get(f"{BASE}/{cid}", headers=alice)).json()
    assert character["build"]["classes"][0]["level"] == 4 and character["version"] == merged["character_version"]
    again = await post(api, alice, f"{BASE}/{cid}/merge", {"source": "level-4"})
    assert again["result"] == "up_to_date"


async def test_three_way_merge_of_independent_fields(api: httpx.AsyncClient, alice: dict[str, str],
                                                     wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "story"}, expect=201)
    await patch(api, alice, cid, {"name": "Ilyra the Red"})  # on main
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "story"})
    await patch(api, alice, cid, {"personality": {"traits": "Curious"}, "alignment": "Neutral Good"})
    main_head = (await api.get(f"{BASE}/{cid}/commits/main", headers=alice)).json()["id"]
    story_head = (await api.get(f"{BASE}/{cid}/commits/story", headers=alice)).json()["id"]
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})

    merged = await post(api, alice, f"{BASE}/{cid}/merge", {"source": "story"})
    assert merged["result"] == "merged"
    assert merged["commit"]["parents"] == [main_head, story_head]
    assert merged["commit"]["kind"] == "merge" and merged["commit"]["message"] == "Merge story into main"
    assert merged["commit"]["summary"] == "alignment edited; personality edited"
    build = await build_of(api, alice, cid)
    assert build["name"] == "Ilyra the Red"
    assert build["personality"]["traits"] == "Curious" and build["alignment"] == "Neutral Good"
    # The story branch is untouched by the merge.
    story = (await api.get(f"{BASE}/{cid}/commits/story", headers=alice)).json()
    assert story["snapshot"]["name"] == "Ilyra Moonwhisper"


async def test_conflicts_are_reported_then_resolved_per_path(api: httpx.AsyncClient, alice: dict[str, str],
                                                             wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "rename"}, expect=201)
    await patch(api, alice, cid, {"name": "Ilyra the Red", "appearance": "Red robes"})
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "rename"})
    await patch(api, alice, cid, {"name": "Ilyra the Grey", "appearance": "Grey robes", "backstory": "Sage"})
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})
    before = (await api.get(f"{BASE}/{cid}", headers=alice)).json()

    conflict = await api.post(f"{BASE}/{cid}/merge", json={"source": "rename"}, headers=alice)
    assert conflict.status_code == 409
    error = conflict.json()["error"]
    assert error["code"] == "merge_conflict"
    assert error["details"] == [
        {"field": "name", "issue": "changed differently on both sides", "base": "Ilyra Moonwhisper",
         "ours": "Ilyra the Red", "theirs": "Ilyra the Grey", "absent": []},
        {"field": "appearance", "issue": "changed differently on both sides", "base": "", "ours": "Red robes",
         "theirs": "Grey robes", "absent": []},
    ]
    assert (await api.get(f"{BASE}/{cid}", headers=alice)).json()["version"] == before["version"]  # nothing written

    partial = await api.post(f"{BASE}/{cid}/merge", json={"source": "rename", "resolutions": {"name": "theirs"}},
                             headers=alice)
    assert partial.status_code == 409 and [d["field"] for d in partial.json()["error"]["details"]] == ["appearance"]
    typo = await api.post(f"{BASE}/{cid}/merge", json={"source": "rename", "resolutions": {
        "name": "theirs", "appearance": "ours", "nmae": "ours"}}, headers=alice)
    assert typo.status_code == 422 and typo.json()["error"]["details"][0]["field"] == "resolutions.nmae"

    resolved = await post(api, alice, f"{BASE}/{cid}/merge", {
        "source": "rename", "message": "Grey it is",
        "resolutions": {"name": "theirs", "appearance": {"value": "Grey robes, red sash"}}})
    assert resolved["result"] == "merged" and resolved["commit"]["message"] == "Grey it is"
    build = await build_of(api, alice, cid)
    assert (build["name"], build["appearance"]) == ("Ilyra the Grey", "Grey robes, red sash")
    assert build["backstory"] == "Sage"


async def test_merge_giving_an_illegal_build_is_refused_with_the_engines_errors(
        api: httpx.AsyncClient, alice: dict[str, str], wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    prepared = wizard_build["spells"]["prepared"]["wizard"]  # 6: the most a level-3 wizard prepares
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "swap"}, expect=201)
    await patch(api, alice, cid, {"spells": {"prepared": {"wizard": [s if s != "sleep" else "shatter"
                                                                     for s in prepared]}}})
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "swap"})
    await patch(api, alice, cid, {"spells": {"prepared": {"wizard": [s if s != "sleep" else "feather_fall"
                                                                     for s in prepared]}}})
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})
    main_head = (await api.get(f"{BASE}/{cid}/commits/main", headers=alice)).json()["id"]

    refused = await api.post(f"{BASE}/{cid}/merge", json={"source": "swap"}, headers=alice)
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "rules_violation"
    assert error["message"] == "Merging 'swap' into 'main' would give a build that breaks the 2024 rules."
    assert [d["field"] for d in error["details"]] == ["spells.prepared.wizard"]
    assert "7" in error["details"][0]["issue"]
    assert (await api.get(f"{BASE}/{cid}/commits/main", headers=alice)).json()["id"] == main_head


async def test_experience_travels_across_branches(api: httpx.AsyncClient, alice: dict[str, str],
                                                  wizard_build: dict[str, Any]) -> None:
    cid = await create(api, alice, wizard_build)
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "draft-build"}, expect=201)
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "draft-build"})
    await post(api, alice, f"{BASE}/{cid}/xp", {"amount": 300, "reason": "Goblins"})
    back = await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})
    assert back["build"]["xp"] == 1200
    main = (await api.get(f"{BASE}/{cid}/history", headers=alice)).json()["items"]
    assert [(c["message"], c["summary"]) for c in main[:1]] == [
        ("Carry experience over to this branch", "+300 XP")]
    journal = (await api.get(f"{BASE}/{cid}/journal", headers=alice)).json()["items"]
    assert [e["title"] for e in journal] == ["+300 XP"]  # the journal is the character's, on every branch
