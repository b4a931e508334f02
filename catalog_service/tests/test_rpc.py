"""The catalog on the message hub: queries, the reuse-first match, generated content and events."""

from __future__ import annotations

import json
import uuid

import pytest
from redis.asyncio import Redis

from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.errors import NotFoundError
from dnd_shared.testing.hub_fixtures import HubFactory

from .conftest import PREFIX, CatalogClient
from .test_homebrew_api import FROST_BOLT


def claims(user_id: uuid.UUID) -> PrincipalClaims:
    return PrincipalClaims(user_id=user_id, roles=("player",))


async def test_get_search_and_match(catalog: CatalogClient, hub_instance: HubFactory) -> None:
    async with hub_instance("character") as caller:
        got = await caller.call("catalog.get", {"type": "spells", "slug": "fireball"}, timeout=5)
        assert got["entry"]["mechanics"]["damage"] == [{"dice": "8d6", "type": "fire"}]
        found = await caller.call("catalog.search", {"q": "firebal", "types": ["spell"], "limit": 3}, timeout=5)
        assert found["hits"][0]["entry"]["name"] == "Fireball"
        assert {m["channel"] for m in found["hits"][0]["matched_by"]} >= {"fuzzy"}
        matched = await caller.call(
            "catalog.match",
            {"need": "breathe underwater", "type": "spell", "class": "wizard", "max_level": 3},
            principal=claims(catalog.alice),
            timeout=5,
        )
        assert matched["matches"][0]["entry"]["name"] == "Water Breathing"
        assert all(m["entry"]["mechanics"]["level"] <= 3 for m in matched["matches"])
        assert all("wizard" in m["entry"]["mechanics"]["classes"] for m in matched["matches"])
        assert 0 < matched["best_similarity"] <= 1
        with pytest.raises(NotFoundError):
            await caller.call("catalog.get", {"type": "spell", "slug": "no-such-spell"}, timeout=5)
        # Browse: every level-0/1 wizard spell, a page at a time (what the builder offers a new wizard).
        page = await caller.call("catalog.browse", {"type": "spell", "filters": {"class": "wizard", "level_max": 1},
                                                    "limit": 200}, timeout=5)
        names = {e["name"] for e in page["entries"]}
        assert {"Fire Bolt", "Magic Missile", "Shield"} <= names and "Fireball" not in names
        assert all(e["mechanics"]["level"] <= 1 and "wizard" in e["mechanics"]["classes"] for e in page["entries"])


async def test_private_homebrew_stays_private_over_rpc(catalog: CatalogClient, hub_instance: HubFactory) -> None:
    created = await catalog.http.post(
        f"{PREFIX}/spells", json={"name": "Vexwhisper Hex", "mechanics": FROST_BOLT},
        headers=catalog.as_user(catalog.alice),
    )
    secret = created.json()
    table = await catalog.http.post(
        f"{PREFIX}/spells",
        json={"name": "Table Hex", "mechanics": FROST_BOLT, "visibility": "campaign",
              "campaign_id": str(uuid.uuid4())},
        headers=catalog.as_user(catalog.alice),
    )
    shared = table.json()
    async with hub_instance("campaign") as caller:
        with pytest.raises(NotFoundError):
            await caller.call("catalog.get", {"id": secret["id"]}, principal=claims(catalog.bob), timeout=5)
        own = await caller.call("catalog.get", {"id": secret["id"]}, principal=claims(catalog.alice), timeout=5)
        assert own["entry"]["name"] == "Vexwhisper Hex"
        many = await caller.call(
            "catalog.get_many", {"ids": [secret["id"], shared["id"]]}, principal=claims(catalog.bob), timeout=5
        )
        assert many["entries"] == [] and many["missing"] == [secret["id"], shared["id"]]
        searched = await caller.call(
            "catalog.search", {"q": "Vexwhisper Hex"}, principal=claims(catalog.bob), timeout=5
        )
        assert secret["id"] not in {h["entry"]["id"] for h in searched["hits"]}
        member = await caller.call(
            "catalog.get", {"id": shared["id"], "campaign_ids": [shared["campaign_id"]]},
            principal=claims(catalog.bob), timeout=5,
        )
        assert member["entry"]["name"] == "Table Hex"


async def test_create_generated_and_content_events(
    catalog: CatalogClient, hub_instance: HubFactory, redis_client: Redis
) -> None:
    async with hub_instance("llm") as caller:
        created = await caller.call(
            "catalog.create_generated",
            {
                "type": "spell", "name": "Glacier Lance", "description": "A generated lance of ice.",
                "mechanics": FROST_BOLT, "tags": ["ice"],
                "generation": {"model": "offline-deterministic", "prompt": "an ice spell", "provider": "offline"},
            },
            principal=claims(catalog.alice),
            timeout=5,
        )
        entry = created["entry"]
        assert entry["source"] == "generated" and entry["owner_id"] == str(catalog.alice)
        assert entry["generation"] == {
            "model": "offline-deterministic", "prompt": "an ice spell", "provider": "offline"
        }
        refused = caller.call(
            "catalog.create_generated",
            {"type": "spell", "name": "Nuke", "generation": {"model": "m", "prompt": "p"},
             "mechanics": {**FROST_BOLT, "damage": [{"dice": "20d10", "type": "fire"}]}},
            principal=claims(catalog.alice),
            timeout=5,
        )
        with pytest.raises(Exception) as excinfo:
            await refused
        assert getattr(excinfo.value, "code", None) == "balance_check_failed"
    deleted = await catalog.http.delete(f"{PREFIX}/spells/{entry['id']}", headers=catalog.as_user(catalog.alice))
    assert deleted.status_code == 200
    assert await catalog.relay.relay_once() == 2  # both staged in the writing transactions
    events = [json.loads(fields[b"m"]) for _, fields in await redis_client.xrange("hub:evt:catalog")]
    assert [e["type"] for e in events] == ["catalog.content.created.v1", "catalog.content.deleted.v1"]
    assert events[0]["data"]["entry_id"] == entry["id"] and events[0]["data"]["source"] == "generated"
    assert events[1]["principal"]["user_id"] == str(catalog.alice)
