"""A player's first session, end to end through Traefik over HTTPS on the README's stack: register,
log in, build a character from a complete 2024 build, take damage, rest, level up, export; another
player cannot see any of it."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import httpx
import pytest

from dnd_shared.testing.stack import RunningStack

pytestmark = pytest.mark.stack

EXAMPLE = Path(__file__).resolve().parents[2] / "character_service" / "examples" / "fighter_dwarf_5.json"
PASSWORD = "correct horse battery staple 42"


def player(client: httpx.Client, stack: RunningStack, source: str) -> dict[str, str]:
    email = f"journey-{uuid.uuid4().hex[:10]}@example.com"
    registered = client.post(stack.https_url("/api/v1/auth/register"),
                             json={"email": email, "display_name": f"Player {source}", "password": PASSWORD})
    assert registered.status_code == 201, registered.text
    tokens = client.post(stack.https_url("/api/v1/auth/login"), json={"email": email, "password": PASSWORD})
    assert tokens.status_code == 200, tokens.text
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}


def test_player_journey(local_stack: RunningStack) -> None:
    build = json.loads(EXAMPLE.read_text())
    build.pop("state")
    with httpx.Client(verify=local_stack.tls, timeout=15) as client:
        alice = player(client, local_stack, "alice")
        bob = player(client, local_stack, "bob")
        created = client.post(local_stack.https_url("/api/v1/characters"), json=build, headers=alice)
        assert created.status_code == 201, created.text
        url = local_stack.https_url(f"/api/v1/characters/{created.json()['id']}")
        assert created.json()["sheet"]["armor_class"]["value"] == 19
        # A client-sent identity header never reaches the service: Bob stays Bob.
        forged = client.get(url, headers={**bob, "X-User-Id": created.json()["owner_id"]})
        assert forged.status_code == 404
        hit = client.post(f"{url}/damage", json={"amount": 20, "type": "fire"}, headers=alice)
        assert hit.json()["hit_points"]["current"] == 34
        rest = client.post(f"{url}/rests/short", json={"hit_dice": {"d10": 1}, "rolls": {"d10": [5]}}, headers=alice)
        assert rest.json()["hit_points"]["current"] == 42  # 5 + Con 3
        feat = {"id": "ability_score_improvement", "choices": {"ability_increases": {"strength": 2}}}
        level = client.post(f"{url}/level-up", json={"class_id": "fighter", "feat": feat}, headers=alice)
        assert level.status_code == 200 and level.json()["level"] == 6
        exported = client.get(f"{url}/export", params={"format": "json"}, headers=alice)
        assert exported.json()["build"]["classes"][0]["level"] == 6
        pdf = client.get(f"{url}/export", params={"format": "pdf"}, headers=alice)
        assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
        assert client.get(url, headers=bob).status_code == 404
        assert client.get(local_stack.https_url("/api/v1/characters"), headers=bob).json()["items"] == []


def test_catalog_reads_are_public_writes_are_not(local_stack: RunningStack) -> None:
    with httpx.Client(verify=local_stack.tls, timeout=15) as client:
        sources = client.get(local_stack.https_url("/api/v1/catalog/sources"))
        assert sources.status_code == 200
        assert "System Reference Document 5.2" in sources.text
        fireball = client.get(local_stack.https_url("/api/v1/catalog/search"), params={"q": "firebal"})
        assert fireball.status_code == 200
        assert fireball.json()["hits"][0]["entry"]["name"] == "Fireball"
        # A forged identity on the anonymous route is stripped: still anonymous, still public content only.
        forged = client.get(local_stack.https_url("/api/v1/catalog/sources"), headers={"X-User-Id": str(uuid.uuid4())})
        assert forged.status_code == 200
        write = client.post(local_stack.https_url("/api/v1/catalog/spell"), json={"name": "Free Wish"})
        assert write.status_code == 401
        # With a credential the request takes the protected route (forward-auth) and still works.
        alice = player(client, local_stack, "carol")
        signed_in = client.get(local_stack.https_url("/api/v1/catalog/sources"), headers=alice)
        assert signed_in.status_code == 200
