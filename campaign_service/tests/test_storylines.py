"""Versioned story with alternative storylines: commit, branch, check out, merge (with conflicts), log, diff."""

from __future__ import annotations

import uuid

from campaign_service.testing.table import BASE, Table


async def test_alternative_storylines(table: Table) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm)
    await table.join(campaign, ana)
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    lines = f"{url}/storylines"
    chapter = await table.entity(campaign, dm, kind="chapter", name="The Siege", data={"goals": "Hold the gate"})
    villain = await table.entity(campaign, dm, kind="npc", name="Lord Kest", data={"motives": "Power"})
    first = await table.http.post(f"{lines}/commits", headers=dm_h, json={"message": "Act one"})
    assert first.status_code == 201 and first.json()["entities"] == 2 and first.json()["parents"] == []
    nothing = await table.http.post(f"{lines}/commits", headers=dm_h, json={"message": "again"})
    assert nothing.status_code == 409 and nothing.json()["error"]["code"] == "nothing_to_commit"

    assert (await table.http.post(lines, headers=dm_h, json={"name": "kest-redeemed"})).status_code == 201
    switched = await table.http.post(f"{lines}/kest-redeemed/checkout", headers=dm_h)
    assert switched.status_code == 200 and switched.json()["checked_out"] is True
    await table.http.patch(f"{url}/entities/{villain['id']}", headers=dm_h, json={"data": {"motives": "Redemption"}})
    await table.entity(campaign, dm, kind="hook", name="Kest's letter")
    dirty = await table.http.post(f"{lines}/main/checkout", headers=dm_h)
    assert dirty.status_code == 409 and dirty.json()["error"]["code"] == "uncommitted_changes"
    redeemed = await table.http.post(f"{lines}/commits", headers=dm_h, json={"message": "Kest turns"})
    assert redeemed.json()["entities"] == 3

    # Back on the main storyline the live story is main's again: Kest's motive and no letter.
    assert (await table.http.post(f"{lines}/main/checkout", headers=dm_h)).status_code == 200
    kest = (await table.http.get(f"{url}/entities/{villain['id']}", headers=dm_h)).json()
    assert kest["data"]["motives"] == "Power"
    kest_history = (await table.http.get(f"{url}/entities/{villain['id']}/history", headers=dm_h)).json()
    assert [h["action"] for h in kest_history] == ["created", "updated", "storyline"]
    assert [e["name"] for e in (await table.http.get(f"{url}/entities?kind=hook", headers=dm_h)).json()] == []
    listing = (await table.http.get(lines, headers=dm_h)).json()
    assert [(s["name"], s["checked_out"], s.get("uncommitted")) for s in listing] == [
        ("main", True, False), ("kest-redeemed", False, None)]

    # Main changes the chapter; merging the other storyline brings Kest's turn and the letter along.
    await table.http.patch(f"{url}/entities/{chapter['id']}", headers=dm_h, json={"status": "active"})
    await table.http.post(f"{lines}/commits", headers=dm_h, json={"message": "Siege begins"})
    merged = await table.http.post(f"{lines}/main/merge", headers=dm_h, json={"source": "kest-redeemed"})
    assert merged.status_code == 200, merged.text
    assert len(merged.json()["parents"]) == 2 and merged.json()["message"] == "Merge kest-redeemed into main"
    assert (await table.http.get(f"{url}/entities/{villain['id']}", headers=dm_h)).json()["data"]["motives"] == (
        "Redemption")
    assert (await table.http.get(f"{url}/entities/{chapter['id']}", headers=dm_h)).json()["status"] == "active"
    assert [e["name"] for e in (await table.http.get(f"{url}/entities?kind=hook", headers=dm_h)).json()] == [
        "Kest's letter"]
    log = (await table.http.get(f"{lines}/main/log", headers=dm_h)).json()
    assert log[0]["message"] == "Merge kest-redeemed into main" and log[-1]["message"] == "Act one"
    assert {c["message"] for c in log} == {"Act one", "Kest turns", "Siege begins", "Merge kest-redeemed into main"}
    diff = (await table.http.get(f"{lines}/diff", headers=dm_h,
                                 params={"from": first.json()["id"], "to": redeemed.json()["id"]})).json()
    motives = [c for c in diff["changes"] if c["path"].endswith(".data.motives")]
    assert [(villain["id"] in c["path"], c["kind"], c["before"], c["after"]) for c in motives] == [
        (True, "changed", "Power", "Redemption")]
    assert any(c["kind"] == "added" and c["after"]["name"] == "Kest's letter" for c in diff["changes"])
    assert diff["summary"] != "No changes"

    # Both storylines change the same field: a conflict naming the path, then resolved.
    await table.http.post(f"{lines}/kest-redeemed/checkout", headers=dm_h)
    await table.http.patch(f"{url}/entities/{villain['id']}", headers=dm_h, json={"data": {"motives": "Atonement"}})
    await table.http.post(f"{lines}/commits", headers=dm_h, json={"message": "Atonement"})
    await table.http.post(f"{lines}/main/checkout", headers=dm_h)
    await table.http.patch(f"{url}/entities/{villain['id']}", headers=dm_h, json={"data": {"motives": "Revenge"}})
    await table.http.post(f"{lines}/commits", headers=dm_h, json={"message": "Revenge"})
    conflict = await table.http.post(f"{lines}/main/merge", headers=dm_h, json={"source": "kest-redeemed"})
    assert conflict.status_code == 409 and conflict.json()["error"]["code"] == "merge_conflict"
    detail = conflict.json()["error"]["details"][0]
    assert (detail["ours"], detail["theirs"], detail["base"]) == ("Revenge", "Atonement", "Redemption")
    resolved = await table.http.post(f"{lines}/main/merge", headers=dm_h, json={
        "source": "kest-redeemed", "resolutions": {detail["field"]: "theirs"}})
    assert resolved.status_code == 200
    assert (await table.http.get(f"{url}/entities/{villain['id']}", headers=dm_h)).json()["data"]["motives"] == (
        "Atonement")

    # Storylines hold every secret: players cannot reach them.
    player = table.as_user(ana)
    assert [(await table.http.get(path, headers=player)).status_code for path in (lines, f"{lines}/main/log")] == [
        403, 403]
