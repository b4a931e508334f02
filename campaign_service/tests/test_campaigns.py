"""Campaigns and their party: create, edit with If-Match, delete and restore, invites, attaching
characters (ownership asked of the character service through the hub), leaving, isolation."""

from __future__ import annotations

import uuid

from campaign_service.testing.table import BASE, Table


async def test_create_edit_delete_restore(table: Table) -> None:
    dm = uuid.uuid4()
    headers = table.as_user(dm)
    campaign = await table.create_campaign(dm, theme="goblins", type="antitheticon", advancement="milestone",
                                           merges_need_approval=False, dm_notes="the mayor is the villain")
    assert (campaign["name"], campaign["theme"], campaign["type"], campaign["advancement"]) == (
        "Lost Mine", "goblins", "antitheticon", "milestone")
    assert campaign["rules_version"] == "2024" and campaign["merges_need_approval"] is False
    assert campaign["dm_id"] == str(dm) and campaign["version"] == 1 and len(campaign["invite_code"]) == 10
    url = f"{BASE}/{campaign['id']}"

    got = await table.http.get(url, headers=headers)
    assert got.status_code == 200 and got.headers["etag"] == '"1"'
    stale = await table.http.patch(url, json={"name": "Phandelver"}, headers={**headers, "If-Match": '"0"'})
    assert stale.status_code == 412 and stale.json()["error"]["code"] == "precondition_failed"
    edited = await table.http.patch(url, json={"name": "Phandelver"}, headers={**headers, "If-Match": '"1"'})
    assert edited.status_code == 200 and edited.json()["name"] == "Phandelver" and edited.headers["etag"] == '"2"'
    bad = await table.http.patch(url, json={"type": "other"}, headers=headers)
    assert bad.status_code == 422

    assert (await table.http.delete(url, headers=headers)).status_code == 200
    assert (await table.http.get(url, headers=headers)).status_code == 404
    assert [c["id"] for c in (await table.http.get(BASE, headers=headers)).json()] == []
    assert [c["id"] for c in (await table.http.get(f"{BASE}?deleted=true", headers=headers)).json()] == [campaign["id"]]
    restored = await table.http.post(f"{url}/restore", headers=headers)
    assert restored.status_code == 200 and restored.json()["deleted_at"] is None
    again = await table.http.post(f"{url}/restore", headers=headers)
    assert again.status_code == 409 and again.json()["error"]["code"] == "campaign_not_deleted"


async def test_join_by_code_and_by_invite(table: Table) -> None:
    dm, ana, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    await table.join(campaign, ana)
    twice = await table.http.post(f"{BASE}/join", json={"code": campaign["invite_code"]}, headers=table.as_user(ana))
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "already_member"
    unknown = await table.http.post(f"{BASE}/join", json={"code": "nope-nope"}, headers=table.as_user(ben))
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "invite_code_not_found"

    rotated = (await table.http.post(f"{BASE}/{campaign['id']}/invite-code", headers=table.as_user(dm))).json()
    assert rotated["invite_code"] != campaign["invite_code"]
    old = await table.http.post(f"{BASE}/join", json={"code": campaign["invite_code"]}, headers=table.as_user(ben))
    assert old.status_code == 404

    invite = await table.http.post(f"{BASE}/{campaign['id']}/invites", json={"user_id": str(ben)},
                                   headers=table.as_user(dm))
    assert invite.status_code == 201
    by_player = await table.http.post(f"{BASE}/{campaign['id']}/invites", json={"user_id": str(uuid.uuid4())},
                                      headers=table.as_user(ana))
    assert by_player.status_code == 403 and by_player.json()["error"]["code"] == "dm_required"
    mine = (await table.http.get(f"{BASE}/invites", headers=table.as_user(ben))).json()
    assert [i["id"] for i in mine] == [invite.json()["id"]]
    not_for_ana = await table.http.post(f"{BASE}/invites/{invite.json()['id']}/accept", headers=table.as_user(ana))
    assert not_for_ana.status_code == 404
    accepted = await table.http.post(f"{BASE}/invites/{invite.json()['id']}/accept", headers=table.as_user(ben))
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    members = (await table.http.get(f"{BASE}/{campaign['id']}/members", headers=table.as_user(ben))).json()
    assert [(m["user_id"], m["role"]) for m in members["members"]] == [(str(dm), "dm"), (str(ana), "player"),
                                                                        (str(ben), "player")]
    assert members["viewer_is_dm"] is False


async def test_attach_checks_ownership_through_the_hub(table: Table) -> None:
    dm, ana, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    await table.join(campaign, ana)
    await table.join(campaign, ben)
    url = f"{BASE}/{campaign['id']}/characters"
    bens_character = table.character(ben, "Brakka", level=5, class_id="barbarian", species="orc")
    stolen = await table.http.post(url, json={"character_id": str(bens_character)}, headers=table.as_user(ana))
    assert stolen.status_code == 404 and stolen.json()["error"]["code"] == "character_not_found"
    missing = await table.http.post(url, json={"character_id": str(uuid.uuid4())}, headers=table.as_user(ana))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "character_not_found"
    attached = await table.http.post(url, json={"character_id": str(bens_character)}, headers=table.as_user(ben))
    assert attached.status_code == 201
    assert attached.json() | {"attached_at": None} == {
        "character_id": str(bens_character), "owner_id": str(ben), "name": "Brakka", "level": 5,
        "classes": [{"id": "barbarian", "level": 5, "subclass": None}], "species": "orc", "attached_at": None}
    twice = await table.http.post(url, json={"character_id": str(bens_character)}, headers=table.as_user(ben))
    assert twice.status_code == 409
    stranger = await table.http.post(url, json={"character_id": str(bens_character)},
                                     headers=table.as_user(uuid.uuid4()))
    assert stranger.status_code == 404 and stranger.json()["error"]["code"] == "campaign_not_found"

    # Leaving detaches the player's characters; the DM can remove a player; the DM cannot leave.
    assert (await table.http.delete(f"{BASE}/{campaign['id']}/members/{ben}",
                                    headers=table.as_user(ben))).status_code == 204
    party = (await table.http.get(f"{BASE}/{campaign['id']}/members", headers=table.as_user(dm))).json()["party"]
    assert party == []
    assert (await table.http.delete(f"{BASE}/{campaign['id']}/members/{ana}",
                                    headers=table.as_user(dm))).status_code == 204
    assert (await table.http.get(f"{BASE}/{campaign['id']}", headers=table.as_user(ana))).status_code == 404
    dm_leaves = await table.http.delete(f"{BASE}/{campaign['id']}/members/{dm}", headers=table.as_user(dm))
    assert dm_leaves.status_code == 409 and dm_leaves.json()["error"]["code"] == "dm_cannot_leave"


async def test_attach_without_a_character_service_is_503(bare_table: Table) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await bare_table.create_campaign(dm)
    await bare_table.join(campaign, ana)
    response = await bare_table.http.post(f"{BASE}/{campaign['id']}/characters",
                                          json={"character_id": str(uuid.uuid4())}, headers=bare_table.as_user(ana))
    assert response.status_code == 503 and response.json()["error"]["code"] == "service_unavailable"


async def test_a_dm_of_one_campaign_cannot_touch_another(table: Table) -> None:
    dm_one, dm_two = uuid.uuid4(), uuid.uuid4()
    mine = await table.create_campaign(dm_one)
    theirs = await table.create_campaign(dm_two, name="Other")
    npc = await table.entity(theirs, dm_two, kind="npc", name="Their NPC")
    url = f"{BASE}/{theirs['id']}"
    me = table.as_user(dm_one)
    attempts = [
        await table.http.get(url, headers=me),
        await table.http.patch(url, json={"name": "Mine now"}, headers=me),
        await table.http.delete(url, headers=me),
        await table.http.post(f"{url}/restore", headers=me),
        await table.http.get(f"{url}/entities", headers=me),
        await table.http.get(f"{url}/entities/{npc['id']}", headers=me),
        await table.http.patch(f"{url}/entities/{npc['id']}", json={"name": "x"}, headers=me),
        await table.http.post(f"{url}/entities", json={"kind": "npc", "name": "x"}, headers=me),
        await table.http.post(f"{url}/sessions", json={"title": "x"}, headers=me),
        await table.http.get(f"{url}/export", headers=me),
        await table.http.post(f"{url}/encounters/evaluate", json={"party_levels": [1]}, headers=me),
        # An entity of another campaign through my own campaign's URL is absent as well.
        await table.http.get(f"{BASE}/{mine['id']}/entities/{npc['id']}", headers=me),
    ]
    assert [r.status_code for r in attempts] == [404] * len(attempts)
    assert (await table.http.get(url, headers=table.as_user(dm_two))).json()["name"] == "Other"


async def test_every_route_needs_a_verified_identity(table: Table) -> None:
    forged = {"X-User-Id": str(uuid.uuid4())}
    assert (await table.http.get(BASE, headers=forged)).status_code == 401
    assert (await table.http.post(BASE, json={"name": "x"})).status_code == 401
