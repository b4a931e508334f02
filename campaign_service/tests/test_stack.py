"""The campaign service in the README's stack, through Traefik over HTTPS with real logins: a player
attaches a real character (ownership asked of the real character service over the hub), the DM runs
and closes a session, and the character's journal and XP change once — also when the completion
event is delivered a second time. The assistants reach the real LLM service's offline provider."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from dnd_shared.testing.stack import RunningStack

pytestmark = pytest.mark.stack

EXAMPLE = Path(__file__).resolve().parents[2] / "character_service" / "examples" / "fighter_dwarf_5.json"
PASSWORD = "a long passphrase for the campaign check"


def login(client: httpx.Client, stack: RunningStack, who: str) -> dict[str, str]:
    email = f"campaign-{who}-{uuid.uuid4().hex[:10]}@example.com"
    registered = client.post(stack.https_url("/api/v1/auth/register"),
                             json={"email": email, "display_name": who, "password": PASSWORD})
    assert registered.status_code == 201, registered.text
    tokens = client.post(stack.https_url("/api/v1/auth/login"), json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.text
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}


def eventually(check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.2)


def test_a_closed_session_reaches_the_character_once(local_stack: RunningStack) -> None:
    build = json.loads(EXAMPLE.read_text())
    build.pop("state")
    with httpx.Client(verify=local_stack.tls, timeout=30) as client:
        dm, alice = login(client, local_stack, "dm"), login(client, local_stack, "alice")
        created = client.post(local_stack.https_url("/api/v1/characters"), json=build, headers=alice)
        assert created.status_code == 201, created.text
        character_id = created.json()["id"]
        character_url = local_stack.https_url(f"/api/v1/characters/{character_id}")
        start_xp = client.get(f"{character_url}/advancement", headers=alice).json()["xp"]

        base = local_stack.https_url("/api/v1/campaigns")
        campaign = client.post(base, json={"name": "Lost Mine", "description": "Goblins on the Triboar Trail"},
                               headers=dm).json()
        url = f"{base}/{campaign['id']}"
        assert client.post(f"{base}/join", json={"code": campaign["invite_code"]}, headers=alice).status_code == 200
        stolen = client.post(f"{url}/characters", json={"character_id": character_id}, headers=dm)
        assert stolen.status_code == 403
        attached = client.post(f"{url}/characters", json={"character_id": character_id}, headers=alice)
        assert attached.status_code == 201, attached.text
        assert attached.json()["level"] == 5
        # The attach event opens the character to the campaign's DM (the character service's side).
        eventually(lambda: client.get(character_url, headers=dm).status_code == 200)

        play = client.post(f"{url}/sessions", headers=dm, json={
            "title": "Cragmaw Hideout", "notes": "Stormed the hideout", "dm_notes": "Klarg fled",
            "attendance": [character_id]}).json()
        for body in ({"kind": "xp", "amount": 1000, "description": "Goblins"},
                     {"kind": "moment", "description": "Held the bridge"},
                     {"kind": "moment", "description": "Klarg watched", "visibility": "dm_only"}):
            assert client.post(f"{url}/sessions/{play['id']}/events", json=body, headers=dm).status_code == 201
        closed = client.post(f"{url}/sessions/{play['id']}/close", headers=dm)
        assert closed.status_code == 200, closed.text

        def xp() -> Any:
            return client.get(f"{character_url}/advancement", headers=alice).json()["xp"]

        eventually(lambda: xp() == start_xp + 1000)
        journal = client.get(f"{character_url}/journal", headers=alice).json()["items"]
        session_entries = [e for e in journal if e["kind"] == "session"]
        assert len(session_entries) == 1
        assert session_entries[0]["data"]["notable_moments"] == ["Held the bridge"]

        # The same event once more on the stream: the character does not change again.
        stream = redis.Redis(host="127.0.0.1", port=local_stack.redis_port)
        entries = stream.xrange("hub:evt:campaign")
        completed = [fields for _, fields in entries
                     if json.loads(fields[b"m"])["type"] == "campaign.session_completed.v1"
                     and json.loads(fields[b"m"])["data"]["session_id"] == play["id"]]
        assert len(completed) == 1
        stream.xadd("hub:evt:campaign", completed[0])
        stream.close()
        time.sleep(3)
        assert xp() == start_xp + 1000
        assert len(client.get(f"{character_url}/journal", headers=alice).json()["items"]) == len(journal)

        # The real catalog: an NPC on an SRD creature's stat block, and encounter suggestions for the party.
        hits = client.get(local_stack.https_url("/api/v1/catalog/search"), headers=dm,
                          params={"q": "goblin", "types": "creature", "limit": 1}).json()["hits"]
        creature = hits[0]["entry"]
        npc = client.post(f"{url}/npcs/from-creature", headers=dm, json={
            "creature": creature["slug"], "name": "Yeemik", "overrides": {"hp": 99}})
        assert npc.status_code == 201, npc.text
        assert npc.json()["data"]["stat_block"]["xp"] == creature["mechanics"]["xp"]
        assert npc.json()["data"]["effective_stat_block"]["hp"] == 99
        suggested = client.post(f"{url}/encounters/suggest", headers=dm,
                                json={"difficulty": "moderate", "theme": "goblin"})
        assert suggested.status_code == 200, suggested.text
        body = suggested.json()
        assert body["party_levels"] == [5] and body["budget"] == 750
        assert body["suggestions"] and all(s["total_xp"] <= 750 for s in body["suggestions"])

        # The LLM service's offline provider answers the assistants through the hub.
        outline = client.post(f"{url}/assist/outline", json={"seed": 1}, headers=dm)
        assert outline.status_code == 200, outline.text
        assert outline.json()["generation"]["provider"] == "offline"
        assert {e["kind"] for e in outline.json()["entities"]} >= {"arc", "npc", "location"}
        assert all(e["generated"] for e in outline.json()["entities"])
