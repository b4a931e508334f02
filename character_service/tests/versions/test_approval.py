"""DM approval of merges into main, through the real hub: the campaign service is a hub instance
named ``campaign`` answering ``campaign.membership`` (fixture ``campaigns``); the character is
attached to its campaign on both sides."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from dnd_shared.testing.identity import SignedIdentity

BASE = "/api/v1/characters"
ASI_INT = {"id": "ability_score_improvement", "choices": {"ability_increases": {"intelligence": 2}}}


async def post(api: httpx.AsyncClient, headers: dict[str, str], url: str, body: dict[str, Any] | None = None,
               expect: int = 200) -> dict[str, Any]:
    response = await api.post(url, json=body, headers=headers)
    assert response.status_code == expect, response.text
    result: dict[str, Any] = response.json()
    return result


async def character_with_level_up_branch(api: httpx.AsyncClient, alice: dict[str, str],
                                         build: dict[str, Any]) -> str:
    """A wizard whose branch ``level-4`` is one level-up ahead of main (main checked out)."""
    cid = str((await post(api, alice, BASE, build, expect=201))["id"])
    await post(api, alice, f"{BASE}/{cid}/branches", {"name": "level-4"}, expect=201)
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "level-4"})
    await post(api, alice, f"{BASE}/{cid}/level-up", {"class_id": "wizard", "feat": ASI_INT})
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})
    return cid


async def test_player_needs_the_dms_approval_and_only_that_dm_can_give_it(
        api: httpx.AsyncClient, alice: dict[str, str], identity: SignedIdentity, campaigns: Any,
        wizard_build: dict[str, Any]) -> None:
    cid = await character_with_level_up_branch(api, alice, wizard_build)
    dm_id, other_dm_id = uuid.uuid4(), uuid.uuid4()
    dm, other_dm, stranger = identity.headers(dm_id), identity.headers(other_dm_id), identity.headers(uuid.uuid4())
    campaign_id = await campaigns.attach(cid, dm_id)
    await campaigns.attach(str((await post(api, alice, BASE, wizard_build, expect=201))["id"]), other_dm_id)

    refused = await api.post(f"{BASE}/{cid}/merge", json={"source": "level-4"}, headers=alice)
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "dm_approval_required"
    assert (await api.get(f"{BASE}/{cid}", headers=alice)).json()["build"]["classes"][0]["level"] == 3

    request = await post(api, alice, f"{BASE}/{cid}/merge-requests",
                         {"source": "level-4", "comment": "Ready for level 4?"}, expect=201)
    assert (request["status"], request["source"], request["target"]) == ("open", "level-4", "main")
    assert request["campaign_id"] == str(campaign_id) and request["title"] == "Merge level-4 into main"
    assert [c["body"] for c in request["comments"]] == ["Ready for level 4?"]
    url = f"{BASE}/{cid}/merge-requests/{request['id']}"

    # The player cannot approve; a DM of another campaign and a stranger do not even see it.
    own = await api.post(f"{url}/approve", headers=alice)
    assert own.status_code == 403 and own.json()["error"]["code"] == "not_campaign_dm"
    for outsider in (other_dm, stranger):
        assert (await api.post(f"{url}/approve", headers=outsider)).status_code == 404
        assert (await api.get(f"{BASE}/{cid}/merge-requests", headers=outsider)).status_code == 404

    listed = (await api.get(f"{BASE}/{cid}/merge-requests", headers=dm)).json()["items"]
    assert [r["id"] for r in listed] == [request["id"]]
    # The DM reviews what the merge would bring; outsiders still see nothing.
    review = await api.get(f"{BASE}/{cid}/diff", params={"from": "main", "to": "level-4"}, headers=dm)
    assert review.status_code == 200
    assert review.json()["summary"] == "Level 3 -> 4 (Wizard); took the Ability Score Improvement feat"
    history = (await api.get(f"{BASE}/{cid}/history", params={"branch": "level-4"}, headers=dm)).json()
    assert [c["message"] for c in history["items"]] == ["Level up: Wizard 4", "Create"]
    assert (await api.get(f"{BASE}/{cid}/diff", params={"from": "main", "to": "level-4"},
                          headers=other_dm)).status_code == 404
    assert (await api.post(f"{BASE}/{cid}/branches", json={"name": "dm-edit"}, headers=dm)).status_code == 404
    await post(api, dm, f"{url}/comments", {"body": "Which feat?"})
    approved = await post(api, dm, f"{url}/approve", {"comment": "Fine by me"})
    branch_head = (await api.get(f"{BASE}/{cid}/commits/level-4", headers=alice)).json()["id"]
    assert approved["status"] == "approved" and approved["reviewers"] == [str(dm_id)]
    assert approved["approved_head"] == branch_head
    assert [c["body"] for c in approved["comments"]] == ["Ready for level 4?", "Which feat?", "Fine by me"]
    assert [(a["who"], a["action"]) for a in approved["audit"]] == [
        (alice["X-User-Id"], "opened"), (str(dm_id), "commented"), (str(dm_id), "approved")]

    merged = await post(api, alice, f"{BASE}/{cid}/merge", {"source": "level-4"})
    assert merged["result"] == "fast_forward" and merged["head"] == branch_head
    assert (await api.get(f"{BASE}/{cid}", headers=alice)).json()["build"]["classes"][0]["level"] == 4
    done = (await api.get(f"{BASE}/{cid}/merge-requests", params={"status": "merged"}, headers=alice)).json()
    assert [r["id"] for r in done["items"]] == [request["id"]]
    assert done["items"][0]["audit"][-1]["action"] == "merged"
    closed = await api.post(f"{url}/reject", headers=dm)
    assert closed.status_code == 409 and closed.json()["error"]["code"] == "merge_request_closed"


async def test_approval_is_for_the_source_as_approved_and_rejection_blocks(
        api: httpx.AsyncClient, alice: dict[str, str], identity: SignedIdentity, campaigns: Any,
        wizard_build: dict[str, Any]) -> None:
    cid = await character_with_level_up_branch(api, alice, wizard_build)
    dm_id = uuid.uuid4()
    dm = identity.headers(dm_id)
    await campaigns.attach(cid, dm_id)
    request = await post(api, alice, f"{BASE}/{cid}/merge-requests", {"source": "level-4"}, expect=201)
    url = f"{BASE}/{cid}/merge-requests/{request['id']}"
    await post(api, dm, f"{url}/approve")

    # New commits on the source after the approval need a new approval.
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "level-4"})
    current = await api.get(f"{BASE}/{cid}", headers=alice)
    await api.patch(f"{BASE}/{cid}", json={"backstory": "Sneaky edit"},
                    headers={**alice, "If-Match": current.headers["etag"]})
    await post(api, alice, f"{BASE}/{cid}/checkout", {"branch": "main"})
    stale = await api.post(f"{BASE}/{cid}/merge", json={"source": "level-4"}, headers=alice)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "approval_stale"

    rejected = await post(api, dm, f"{url}/reject", {"comment": "No sneaky edits"})
    assert rejected["status"] == "rejected" and rejected["approved_head"] is None
    assert [a["action"] for a in rejected["audit"]] == ["opened", "approved", "rejected"]
    blocked = await api.post(f"{BASE}/{cid}/merge", json={"source": "level-4", "merge_request": request["id"]},
                             headers=alice)
    assert blocked.status_code == 403 and blocked.json()["error"]["code"] == "dm_approval_required"

    # Other targets than main need no approval.
    merged = await post(api, alice, f"{BASE}/{cid}/merge", {"source": "main", "target": "level-4"})
    assert merged["result"] == "up_to_date"


async def test_without_a_campaign_no_approval_is_needed(api: httpx.AsyncClient, alice: dict[str, str],
                                                        wizard_build: dict[str, Any]) -> None:
    cid = await character_with_level_up_branch(api, alice, wizard_build)
    merged = await post(api, alice, f"{BASE}/{cid}/merge", {"source": "level-4"})
    assert merged["result"] == "fast_forward"


async def test_the_gate_fails_closed_when_the_campaign_service_is_down(
        api: httpx.AsyncClient, alice: dict[str, str], db_session: Any, wizard_build: dict[str, Any]) -> None:
    from character_service.campaign_links.repository import CampaignLinkRepository

    cid = await character_with_level_up_branch(api, alice, wizard_build)
    await CampaignLinkRepository(db_session).attach(uuid.UUID(cid), uuid.uuid4())
    await db_session.commit()
    refused = await api.post(f"{BASE}/{cid}/merge", json={"source": "level-4"}, headers=alice)
    assert refused.status_code == 503
    assert (await api.get(f"{BASE}/{cid}", headers=alice)).json()["build"]["classes"][0]["level"] == 3
