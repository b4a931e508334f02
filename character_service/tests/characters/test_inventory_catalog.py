"""Adding items by catalog reference: the catalog entry (asked through the real hub, with the
caller's visibility) is snapshotted onto the character with a link back to its catalog root."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict

from dnd_shared.errors import NotFoundError
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import HubFactory

BASE = "/api/v1/characters"
ROOT_ID = uuid.uuid4()
FLAME_TONGUE_ID = uuid.uuid4()
SPELL_ID = uuid.uuid4()


class GetRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: uuid.UUID


class EntryResponse(BaseModel):
    entry: dict[str, Any]


def entry(id_: uuid.UUID, name: str, type_: str, mechanics: dict[str, Any], root: uuid.UUID | None = None
          ) -> dict[str, Any]:
    return {"id": str(id_), "slug": name.lower().replace(" ", "-"), "name": name, "type": type_,
            "mechanics": mechanics, "root_id": str(root) if root else None}


ENTRIES = {
    # A themed adaptation of a +1 longsword: it links to its root.
    FLAME_TONGUE_ID: entry(FLAME_TONGUE_ID, "Ember Blade", "magic_item",
                           {"category": "weapon", "rarity": "uncommon", "bonus": 1, "bonus_applies_to": "weapon",
                            "base_item": "Longsword", "attunement": True}, root=ROOT_ID),
    SPELL_ID: entry(SPELL_ID, "Fireball", "spell", {"level": 3}),
}


def catalog_router() -> HubRouter:
    router = HubRouter()

    @router.rpc("catalog.get")
    async def get(request: GetRequest, ctx: MessageContext) -> EntryResponse:
        if request.id not in ENTRIES:
            raise NotFoundError("No catalog entry with that id.", code="catalog_entry_not_found")
        return EntryResponse(entry=ENTRIES[request.id])

    @router.rpc("catalog.browse")
    async def browse(request: BrowseRequest, ctx: MessageContext) -> BrowseResponse:
        spells = [entry(uuid.uuid4(), name, "spell", {"level": level, "classes": ["wizard"]})
                  for name, level in (("Fire Bolt", 0), ("Magic Missile", 1), ("Shield", 1), ("Fireball", 3))]
        level_max = int(request.filters.get("level_max", 9))
        return BrowseResponse(entries=[s for s in spells if s["mechanics"]["level"] <= level_max], next_cursor=None)

    return router


class BrowseRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    filters: dict[str, Any]


class BrowseResponse(BaseModel):
    entries: list[dict[str, Any]]
    next_cursor: str | None


async def test_builder_offers_the_catalogs_spells(api: httpx.AsyncClient, alice: dict[str, str],
                                                  wizard_build: dict[str, Any], hub_instance: HubFactory) -> None:
    wizard_build["classes"][0]["level"] = 1
    wizard_build["classes"][0]["subclass"] = None
    wizard_build["spells"] = {"cantrips": {}, "prepared": {}, "spellbook": []}
    wizard_build["expertise"] = []  # Scholar comes at Wizard level 2
    draft = await api.post(f"{BASE}/drafts", json=wizard_build, headers=alice)
    url = f"{BASE}/{draft.json()['id']}/builder"
    async with hub_instance("catalog", catalog_router()):
        report = (await api.get(url, headers=alice)).json()
    spells = next(s for s in report["steps"] if s["step"] == "spells")
    assert spells["status"] == "todo"
    assert {p["field"] for p in spells["problems"]} == {"spells.cantrips.wizard", "spells.prepared.wizard"}
    wizard = spells["options"]["classes"]["wizard"]
    # Wizard 1: 3 cantrips, 4 prepared, 1st-level slots only.
    assert (wizard["cantrips_max"], wizard["prepared_max"], wizard["max_spell_level"]) == (3, 4, 1)
    assert [s["name"] for s in wizard["spells"]] == ["Fire Bolt", "Magic Missile", "Shield"]
    # Without a catalog instance the report still answers, saying the spells are unavailable.
    offline = (await api.get(url, headers=alice)).json()
    offline_wizard = next(s for s in offline["steps"] if s["step"] == "spells")["options"]["classes"]["wizard"]
    assert "spells" not in offline_wizard and offline_wizard["spells_unavailable"]


async def test_add_by_catalog_reference(api: httpx.AsyncClient, alice: dict[str, str],
                                        fighter_build: dict[str, Any], hub_instance: HubFactory) -> None:
    cid = (await api.post(BASE, json=fighter_build, headers=alice)).json()["id"]
    async with hub_instance("catalog", catalog_router()):
        added = await api.post(f"{BASE}/{cid}/inventory",
                               json={"catalog_id": str(FLAME_TONGUE_ID), "equipped": True, "attuned": True},
                               headers=alice)
        assert added.status_code == 201, added.text
        item = added.json()["items"][-1]["item"]
        assert item["catalog_id"] == str(ROOT_ID) and item["base"] == "longsword" and item["magic_bonus"] == 1
        longsword = next(a for a in added.json()["attacks"] if a["name"] == "Longsword")
        ember = next(a for a in added.json()["attacks"] if a["name"] == "Ember Blade +1")
        assert ember["attack_bonus"] == longsword["attack_bonus"] + 1
        missing = await api.post(f"{BASE}/{cid}/inventory", json={"catalog_id": str(uuid.uuid4())}, headers=alice)
        assert missing.status_code == 404
        spell = await api.post(f"{BASE}/{cid}/inventory", json={"catalog_id": str(SPELL_ID)}, headers=alice)
        assert spell.status_code == 422 and spell.json()["error"]["code"] == "not_an_item"
    two = await api.post(f"{BASE}/{cid}/inventory", json={"item_id": "dagger", "catalog_id": str(SPELL_ID)},
                         headers=alice)
    assert two.status_code == 422
