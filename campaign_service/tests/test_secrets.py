"""DM-only secrets never reach players, by any route: reads, lists, search, export, history,
sessions, ledger, relationships, the Antitheticon's knowledge, network, timeline and progress.

Every secret written below contains the marker ``SECRET``; content only Aria's player may see
contains ``ARIAONLY``. The DM's responses contain the markers (so the secrets are really there);
no player response does.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx

from campaign_service.testing.table import BASE, Table


async def _secret_campaign(table: Table) -> dict[str, Any]:
    dm, ana, ben = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, type="antitheticon", dm_notes="SECRET campaign notes")
    aria = await table.join(campaign, ana, "Aria")
    brakka = await table.join(campaign, ben, "Brakka")
    url, dm_h = f"{BASE}/{campaign['id']}", table.as_user(dm)
    entity = table.entity
    chapter = await entity(campaign, dm, kind="chapter", name="The Road", summary="Travel north",
                           data={"notes": "SECRET chapter note", "goals": "Reach Phandalin"},
                           dm_only_fields=["notes"])
    mayor = await entity(campaign, dm, kind="npc", name="Mayor Harbin", summary="SECRET summary of the mayor",
                         dm_only_fields=["summary", "secret"],
                         data={"personality": "Nervous", "secret": "SECRET: a cultist of the dragon"})
    lich = await entity(campaign, dm, kind="npc", name="SECRET lich", visibility="dm_only",
                        data={"motives": "SECRET undeath"})
    vault = await entity(campaign, dm, kind="location", name="ARIAONLY dream vault", visibility="characters",
                         visible_to=[str(aria)])
    identity = await entity(campaign, dm, kind="identity", name="SECRET the true mastermind")
    facade = await entity(campaign, dm, kind="facade", name="Brother Vell",
                          data={"identity_id": identity["id"], "presented_to": [str(aria)], "tell": "SECRET tell"})
    clue = await entity(campaign, dm, kind="clue", name="SECRET planted letter", data={"planted": True})
    # A field public at first, made secret later: its past values vanish from the history too.
    patched = await table.http.patch(f"{url}/entities/{mayor['id']}", headers=dm_h,
                                     json={"data": {"motives": "SECRET wants the mine"}})
    assert patched.status_code == 200
    patched = await table.http.patch(f"{url}/entities/{mayor['id']}", headers=dm_h,
                                     json={"dm_only_fields": ["summary", "secret", "motives"]})
    assert patched.status_code == 200
    assert (await table.http.delete(f"{url}/entities/{clue['id']}", headers=dm_h)).status_code == 200
    edge = await table.http.post(f"{url}/relationships", headers=dm_h, json={
        "source_kind": "npc", "source_id": lich["id"], "target_kind": "npc", "target_id": mayor["id"],
        "standing": 8, "description": "SECRET pact", "visibility": "dm_only"})
    assert edge.status_code == 201
    open_edge = await table.http.post(f"{url}/relationships", headers=dm_h, json={
        "source_kind": "pc", "source_id": str(aria), "target_kind": "npc", "target_id": mayor["id"],
        "standing": -2, "description": "SECRET why he hates her", "dm_only_fields": ["description"]})
    assert open_edge.status_code == 201
    play = (await table.http.post(f"{url}/sessions", headers=dm_h, json={
        "title": "Night one", "notes": "Met the mayor", "dm_notes": "SECRET the mayor lied",
        "attendance": [str(aria), str(brakka)]})).json()
    for body in ({"kind": "moment", "description": "SECRET the lich stirred", "visibility": "dm_only"},
                 {"kind": "moment", "description": "Ambushed at the ford"},
                 {"kind": "moment", "character_id": str(aria), "description": "ARIAONLY vision",
                  "visibility": "characters", "visible_to": [str(aria)]},
                 {"kind": "loot", "character_id": str(brakka), "item": "SECRET cursed ring",
                  "description": "Looks plain", "dm_only_fields": ["item"]},
                 {"kind": "xp", "amount": 300, "description": "Ambush"}):
        added = await table.http.post(f"{url}/sessions/{play['id']}/events", headers=dm_h, json=body)
        assert added.status_code == 201
    assert (await table.http.post(f"{url}/sessions/{play['id']}/close", headers=dm_h)).status_code == 200
    assert (await table.http.post(f"{url}/ledger", headers=dm_h, json={
        "kind": "loot", "item": "SECRET hidden stash", "visibility": "dm_only"})).status_code == 201
    for body in ({"holder_kind": "truth", "fact_key": "mayor", "statement": "SECRET the mayor is a cultist",
                  "is_true": True},
                 {"holder_kind": "npc", "holder_id": lich["id"], "statement": "SECRET the lich knows everything"},
                 {"holder_kind": "pc", "holder_id": str(aria), "subject_id": lich["id"], "fact_key": "mayor",
                  "statement": "ARIAONLY the mayor seems kind", "stance": "believes", "is_true": False,
                  "source": "ARIAONLY small talk"}):
        assert (await table.http.post(f"{url}/antitheticon/knowledge", headers=dm_h, json=body)).status_code == 201
    reveal = await table.http.post(f"{url}/antitheticon/reveals", headers=dm_h, json={
        "title": "SECRET the unmasking", "changes": [{"holder_kind": "pc", "holder_id": str(brakka),
                                                      "statement": "SECRET Brakka will learn", "fact_key": "mayor"}]})
    assert reveal.status_code == 201
    return {"campaign": campaign, "url": url, "dm": dm, "ana": ana, "ben": ben, "aria": aria, "play": play,
            "ids": [chapter["id"], mayor["id"], lich["id"], vault["id"], identity["id"], facade["id"], clue["id"]],
            "hidden": {lich["id"], identity["id"], clue["id"]}, "vault": vault["id"], "facade": facade["id"]}


async def _every_read(table: Table, setup: dict[str, Any], user: uuid.UUID) -> dict[str, httpx.Response]:
    url, headers = setup["url"], table.as_user(user)
    paths = [
        BASE, BASE + "?deleted=true", url, f"{url}/members", f"{url}/entities", f"{url}/entities?kind=npc",
        f"{url}/entities?deleted=true", f"{url}/relationships", f"{url}/sessions",
        f"{url}/sessions/{setup['play']['id']}",
        f"{url}/ledger", f"{url}/export", f"{url}/antitheticon/knowledge",
        f"{url}/antitheticon/knowledge?include_inactive=true", f"{url}/antitheticon/timeline",
        f"{url}/antitheticon/network", f"{url}/antitheticon/nemesis", f"{url}/antitheticon/progress",
        f"{url}/search?q=SECRET", f"{url}/search?q=cultist", f"{url}/search?q=mine", f"{url}/search?q=mayor",
    ]
    for entity_id in setup["ids"]:
        paths += [f"{url}/entities/{entity_id}", f"{url}/entities/{entity_id}/history"]
    return {path: await table.http.get(path, headers=headers) for path in paths}


async def test_secrets_never_reach_players_by_any_route(table: Table) -> None:
    setup = await _secret_campaign(table)
    as_dm = await _every_read(table, setup, setup["dm"])
    deleted_clue = f"{setup['url']}/entities/{setup['ids'][6]}"
    assert {p: r.status_code for p, r in as_dm.items() if r.status_code != 200} == {
        f"{setup['url']}/antitheticon/nemesis": 404, deleted_clue: 404, deleted_clue + "/history": 404}
    dm_text = json.dumps({p: r.json() for p, r in as_dm.items()})
    assert dm_text.count("SECRET") > 40 and "ARIAONLY" in dm_text

    for player in (setup["ana"], setup["ben"]):
        responses = await _every_read(table, setup, player)
        for path, response in responses.items():
            assert response.status_code in (200, 404), (path, response.status_code)
            assert "SECRET" not in response.text, (path, response.text)
            assert "dm_notes" not in response.text and "invite_code" not in response.text, path
            assert "dm_only_fields" not in response.text and "is_true" not in response.text, path
        hidden = [f"{setup['url']}/entities/{i}" for i in setup["hidden"]]
        assert [responses[p].status_code for p in hidden] == [404, 404, 404]
        assert [responses[p + "/history"].status_code for p in hidden] == [404, 404, 404]
        assert responses[f"{setup['url']}/antitheticon/nemesis"].status_code == 404
        assert responses[f"{setup['url']}/search?q=SECRET"].json() == []
        assert responses[f"{setup['url']}/search?q=cultist"].json() == []
        assert [e["name"] for e in responses[f"{setup['url']}/search?q=mayor"].json()] == ["Mayor Harbin"]
        mayor = responses[f"{setup['url']}/entities/{setup['ids'][1]}"].json()
        assert mayor["data"] == {
            "personality": "Nervous", "notes": "", "role": "", "species": "", "appearance": "", "voice": "",
            "location_id": None, "faction_id": None, "creature_slug": None, "stat_block": None, "overrides": {}}
        assert "summary" not in mayor and "motives" not in mayor["data"]
        history = responses[f"{setup['url']}/entities/{setup['ids'][1]}/history"].json()
        assert [h["action"] for h in history] == ["created", "updated", "updated"]
        assert all("motives" not in h["entity"]["data"] for h in history)
        edges = responses[f"{setup['url']}/relationships"].json()
        assert [(e["standing"], "description" in e) for e in edges] == [(-2, False)]

    ana = await _every_read(table, setup, setup["ana"])
    ben = await _every_read(table, setup, setup["ben"])
    url = setup["url"]
    # Character-scoped content reaches exactly its character's player.
    assert "ARIAONLY" in ana[f"{url}/entities"].text and "ARIAONLY" not in ben[f"{url}/entities"].text
    assert ben[f"{url}/entities/{setup['vault']}"].status_code == 404
    assert ana[f"{url}/entities/{setup['facade']}"].json()["name"] == "Brother Vell"
    assert ben[f"{url}/entities/{setup['facade']}"].status_code == 404
    assert "ARIAONLY vision" in ana[f"{url}/export"].text and "ARIAONLY" not in ben[f"{url}/export"].text
    assert "ARIAONLY" not in ben[f"{url}/antitheticon/knowledge"].text
    beliefs = ana[f"{url}/antitheticon/knowledge"].json()
    # The belief's subject is a DM-only NPC: the player learns the belief, not the subject.
    assert [(b["statement"], b["subject_id"], b["subject_name"]) for b in beliefs] == [
        ("ARIAONLY the mayor seems kind", None, None)]
    exported = ana[f"{url}/export"].json()["knowledge"]
    assert [(b["statement"], b["subject_id"]) for b in exported] == [("ARIAONLY the mayor seems kind", None)]
    assert ana[f"{url}/antitheticon/progress"].json() == {"beliefs": 1}
    assert ben[f"{url}/antitheticon/timeline"].json() == []
    loot = [e for e in ben[f"{url}/ledger"].json()["entries"] if e["kind"] == "loot"]
    assert loot == [loot[0]] and "item" not in loot[0] and loot[0]["description"] == "Looks plain"


async def test_players_cannot_write(table: Table) -> None:
    setup = await _secret_campaign(table)
    url, player = setup["url"], table.as_user(setup["ben"])
    mayor = setup["ids"][1]
    attempts = [
        await table.http.patch(url, json={"name": "x"}, headers=player),
        await table.http.post(f"{url}/entities", json={"kind": "npc", "name": "x"}, headers=player),
        await table.http.patch(f"{url}/entities/{mayor}", json={"dm_only_fields": []}, headers=player),
        await table.http.delete(f"{url}/entities/{mayor}", headers=player),
        await table.http.post(f"{url}/sessions", json={"title": "x"}, headers=player),
        await table.http.post(f"{url}/antitheticon/knowledge", headers=player,
                              json={"holder_kind": "truth", "statement": "x"}),
        await table.http.post(f"{url}/assist/npc", json={"description": "a spy"}, headers=player),
    ]
    assert [r.status_code for r in attempts] == [403, 403, 403, 403, 403, 403, 403]
    assert all("SECRET" not in r.text for r in attempts)
