"""The Antitheticon: two players hold different beliefs about the same NPC, a reveal changes them;
the nemesis mirrors the party (asked through the hub) and evolves with it; progress against the truth."""

from __future__ import annotations

import uuid

from campaign_service.testing.table import BASE, Table


async def test_beliefs_differ_per_player_and_a_reveal_changes_them(table: Table) -> None:
    dm, ana, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, type="antitheticon")
    aria = await table.join(campaign, ana, "Aria")
    brakka = await table.join(campaign, ben, "Brakka")
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    vell = await table.entity(campaign, dm, kind="npc", name="Brother Vell")
    knowledge = f"{url}/antitheticon/knowledge"
    for body in (
        {"holder_kind": "truth", "fact_key": "vell.identity", "subject_id": vell["id"], "is_true": True,
         "statement": "Vell is the Masked Duke", "stance": "knows"},
        {"holder_kind": "pc", "holder_id": str(aria), "subject_id": vell["id"], "fact_key": "vell.identity",
         "statement": "Vell is a humble priest", "stance": "believes", "source": "Met him at the shrine"},
        {"holder_kind": "pc", "holder_id": str(brakka), "subject_id": vell["id"], "fact_key": "vell.identity",
         "statement": "Vell is hiding something", "stance": "suspects", "is_true": True,
         "source": "Saw him meet a hooded rider"},
    ):
        assert (await table.http.post(knowledge, headers=dm_h, json=body)).status_code == 201

    async def beliefs(user: uuid.UUID) -> list[tuple[str, str, str, str | None]]:
        rows = (await table.http.get(knowledge, headers=table.as_user(user))).json()
        return [(r["statement"], r["stance"], r["source"], r["subject_name"]) for r in rows]

    assert await beliefs(ana) == [("Vell is a humble priest", "believes", "Met him at the shrine", "Brother Vell")]
    assert await beliefs(ben) == [("Vell is hiding something", "suspects", "Saw him meet a hooded rider",
                                   "Brother Vell")]
    progress = (await table.http.get(f"{url}/antitheticon/progress", headers=dm_h)).json()
    assert progress == {"truths": 1, "known": 0, "misled": 1, "percent_known": 0, "facts": [
        {"fact_key": "vell.identity", "truth": "Vell is the Masked Duke", "known_by": [], "misled": [str(aria)],
         "suspected_by": [str(brakka)]}]}

    reveal = (await table.http.post(f"{url}/antitheticon/reveals", headers=dm_h, json={
        "title": "The mask slips", "description": "Vell's ring bears the Duke's seal",
        "changes": [{"holder_kind": "pc", "holder_id": str(aria), "subject_id": vell["id"],
                     "fact_key": "vell.identity", "statement": "Vell is the Masked Duke", "stance": "knows",
                     "is_true": True, "source": "The signet ring"}]})).json()
    assert reveal["status"] == "planned" and reveal["position"] == 0
    assert (await table.http.get(f"{url}/antitheticon/timeline", headers=table.as_user(ana))).json() == []
    assert await beliefs(ana) == [("Vell is a humble priest", "believes", "Met him at the shrine", "Brother Vell")]

    applied = await table.http.post(f"{url}/antitheticon/reveals/{reveal['id']}/apply", headers=dm_h)
    assert applied.status_code == 200 and applied.json()["status"] == "revealed"
    again = await table.http.post(f"{url}/antitheticon/reveals/{reveal['id']}/apply", headers=dm_h)
    assert again.status_code == 409 and again.json()["error"]["code"] == "reveal_already_applied"
    assert await beliefs(ana) == [("Vell is the Masked Duke", "knows", "The signet ring", "Brother Vell")]
    assert await beliefs(ben) == [("Vell is hiding something", "suspects", "Saw him meet a hooded rider",
                                   "Brother Vell")]
    ana_timeline = (await table.http.get(f"{url}/antitheticon/timeline", headers=table.as_user(ana))).json()
    assert [(r["title"], r["status"], "changes" in r) for r in ana_timeline] == [("The mask slips", "revealed", False)]
    assert (await table.http.get(f"{url}/antitheticon/timeline", headers=table.as_user(ben))).json() == []
    history = (await table.http.get(f"{knowledge}?include_inactive=true&holder_id={aria}",
                                    headers=table.as_user(ana))).json()
    assert [(r["statement"], r["active"]) for r in history] == [("Vell is a humble priest", False),
                                                                ("Vell is the Masked Duke", True)]
    progress = (await table.http.get(f"{url}/antitheticon/progress", headers=dm_h)).json()
    assert (progress["known"], progress["percent_known"], progress["facts"][0]["known_by"]) == (1, 100, [str(aria)])

    # A correction by the DM (not a reveal): Brakka's suspicion is removed, then restored.
    bens = (await table.http.get(f"{knowledge}?holder_id={brakka}", headers=dm_h)).json()
    removed = await table.http.delete(f"{knowledge}/{bens[0]['id']}", headers=dm_h)
    assert removed.status_code == 200 and await beliefs(ben) == []
    assert (await table.http.delete(f"{knowledge}/{bens[0]['id']}", headers=table.as_user(ben))).status_code == 403
    assert (await table.http.post(f"{knowledge}/{bens[0]['id']}/restore", headers=dm_h)).status_code == 200
    assert len(await beliefs(ben)) == 1


async def test_facades_are_seen_only_by_whom_they_face(table: Table) -> None:
    dm, ana, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, type="antitheticon")
    aria = await table.join(campaign, ana, "Aria")
    brakka = await table.join(campaign, ben, "Brakka")
    url = f"{BASE}/{campaign['id']}"
    duke = await table.entity(campaign, dm, kind="identity", name="The Masked Duke", data={"goal": "The throne"})
    for alias, shown_to in (("Brother Vell", aria), ("Captain Roan", brakka)):
        await table.entity(campaign, dm, kind="facade", name=alias,
                           data={"identity_id": duke["id"], "presented_to": [str(shown_to)], "tell": "signet ring"})
    await table.entity(campaign, dm, kind="plot_layer", name="Apparent",
                       data={"apparent_plot": "Bandits raid the roads", "true_plot": "The Duke funds them"})
    dm_net = (await table.http.get(f"{url}/antitheticon/network", headers=table.as_user(dm))).json()
    assert [e["name"] for e in dm_net["identity"]] == ["The Masked Duke"]
    assert sorted(e["name"] for e in dm_net["facade"]) == ["Brother Vell", "Captain Roan"]
    assert dm_net["facade"][0]["data"]["identity_id"] == duke["id"]
    ana_net = (await table.http.get(f"{url}/antitheticon/network", headers=table.as_user(ana))).json()
    assert ana_net == {"identity": [], "facade": [ana_net["facade"][0]], "plot_layer": [], "clue": [],
                       "counterpart": [], "nemesis": []}
    assert ana_net["facade"][0]["name"] == "Brother Vell" and ana_net["facade"][0]["data"] == {"notes": ""}
    ben_net = (await table.http.get(f"{url}/antitheticon/network", headers=table.as_user(ben))).json()
    assert [e["name"] for e in ben_net["facade"]] == ["Captain Roan"]
    # Presenting Vell to Brakka as well shows him to Ben.
    vell = next(e for e in dm_net["facade"] if e["name"] == "Brother Vell")
    shown = await table.http.patch(f"{url}/entities/{vell['id']}", headers=table.as_user(dm),
                                   json={"data": {"presented_to": [str(aria), str(brakka)]}})
    assert shown.status_code == 200
    ben_net = (await table.http.get(f"{url}/antitheticon/network", headers=table.as_user(ben))).json()
    assert sorted(e["name"] for e in ben_net["facade"]) == ["Brother Vell", "Captain Roan"]
    traditional = await table.create_campaign(dm, name="Plain")
    refused = await table.http.get(f"{BASE}/{traditional['id']}/antitheticon/network", headers=table.as_user(dm))
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "not_antitheticon"


async def test_the_nemesis_mirrors_the_party_and_evolves(table: Table) -> None:
    dm, ana, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, type="antitheticon")
    aria = await table.join(campaign, ana, "Aria", level=4)
    url, dm_h = f"{BASE}/{campaign['id']}/antitheticon/nemesis", table.as_user(dm)
    built = await table.http.post(url, headers=dm_h, json={"name": "The Hollow Mirror"})
    assert built.status_code == 200, built.text
    data = built.json()["data"]
    assert (built.json()["name"], built.json()["visibility"], data["level"]) == ("The Hollow Mirror", "dm_only", 5)
    assert [(m["character_id"], m["character_name"], m["classes"], m["species"]) for m in data["mirrors"]] == [
        (str(aria), "Aria", "Fighter 4", "human")]
    assert len(data["evolution"]) == 1
    same = await table.http.post(url, headers=dm_h)
    assert same.json()["version"] == built.json()["version"]  # the party did not change

    brakka = await table.join(campaign, ben, "Brakka", level=6)
    table.characters[aria] = table.characters[aria].model_copy(update={"level": 5})
    evolved = (await table.http.post(url, headers=dm_h)).json()
    assert evolved["data"]["level"] == 7
    assert [m["character_id"] for m in evolved["data"]["mirrors"]] == [str(aria), str(brakka)]
    assert [step["party"] for step in evolved["data"]["evolution"]] == [[str(aria)], [str(aria), str(brakka)]]
    assert (await table.http.get(url, headers=dm_h)).json()["id"] == built.json()["id"]
    assert (await table.http.get(url, headers=table.as_user(ana))).status_code == 404
    assert (await table.http.post(url, headers=table.as_user(ana))).status_code == 403
