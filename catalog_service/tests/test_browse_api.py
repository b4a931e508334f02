"""Browse and get: typed filters, sorting, cursor pagination, slugs and ids, public access."""

from __future__ import annotations

from .conftest import PREFIX, CatalogClient


async def test_get_by_slug_and_id_is_public(catalog: CatalogClient) -> None:
    response = await catalog.http.get(f"{PREFIX}/spells/fireball")
    assert response.status_code == 200
    fireball = response.json()
    assert fireball["name"] == "Fireball" and fireball["source"] == "srd-5.2" and fireball["rules_version"] == "2024"
    assert fireball["mechanics"]["damage"] == [{"dice": "8d6", "type": "fire"}]
    assert fireball["provenance"] == [] and response.headers["ETag"] == '"1"'
    by_id = await catalog.http.get(f"{PREFIX}/spell/{fireball['id']}")
    assert by_id.json()["slug"] == "fireball"
    longsword = (await catalog.http.get(f"{PREFIX}/weapons/longsword")).json()["mechanics"]
    assert longsword["versatile_dice"] == "1d10" and longsword["mastery"] == "sap"
    goblin = (await catalog.http.get(f"{PREFIX}/creatures/goblin-warrior")).json()
    assert goblin["mechanics"]["cr"] == "1/4"


async def test_unknown_type_and_entry_are_404(catalog: CatalogClient) -> None:
    unknown_type = await catalog.http.get(f"{PREFIX}/vehicles")
    assert unknown_type.status_code == 404 and unknown_type.json()["error"]["code"] == "content_type_not_found"
    missing = await catalog.http.get(f"{PREFIX}/spells/not-a-spell")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "entry_not_found"


async def test_spell_filters(catalog: CatalogClient) -> None:
    response = await catalog.http.get(
        f"{PREFIX}/spells", params={"level": 3, "school": "evocation", "class": "wizard", "damage_type": "fire"}
    )
    assert response.status_code == 200
    names = [e["name"] for e in response.json()["items"]]
    assert "Fireball" in names and all(e["mechanics"]["level"] == 3 for e in response.json()["items"])
    rituals = (await catalog.http.get(f"{PREFIX}/spells", params={"ritual": "true", "limit": 200})).json()["items"]
    assert {"Detect Magic", "Identify"} <= {e["name"] for e in rituals}
    assert all(e["mechanics"]["ritual"] for e in rituals)
    concentration = await catalog.http.get(f"{PREFIX}/spells", params={"concentration": "true", "save": "wisdom"})
    assert all(
        e["mechanics"]["concentration"] and e["mechanics"]["save"] == "wisdom" for e in concentration.json()["items"]
    )


async def test_creature_item_weapon_filters(catalog: CatalogClient) -> None:
    creatures = (
        await catalog.http.get(f"{PREFIX}/creatures", params={"cr_min": 0.25, "cr_max": 0.25, "creature_type": "fey"})
    ).json()["items"]
    assert "Goblin Warrior" in {c["name"] for c in creatures}
    assert all(c["mechanics"]["cr_value"] == 0.25 for c in creatures)
    huge = (await catalog.http.get(f"{PREFIX}/creatures", params={"size": "huge", "limit": 200})).json()["items"]
    assert huge and all(c["mechanics"]["size"] == "huge" for c in huge)
    items = (
        await catalog.http.get(
            f"{PREFIX}/magic-items", params={"rarity": "legendary", "category": "weapon", "attunement": "true"}
        )
    ).json()["items"]
    assert "Vorpal Sword" in {i["name"] for i in items}
    weapons = (
        await catalog.http.get(f"{PREFIX}/weapons", params={"property": "finesse", "mastery": "vex"})
    ).json()["items"]
    assert {w["name"] for w in weapons} == {"Dart", "Rapier", "Shortsword"}


async def test_filter_that_does_not_apply_is_422(catalog: CatalogClient) -> None:
    response = await catalog.http.get(f"{PREFIX}/creatures", params={"level": 3})
    assert response.status_code == 422
    assert response.json()["error"]["details"] == [{"field": "level", "issue": "applies to spell only"}]
    bad_sort = await catalog.http.get(f"{PREFIX}/weapons", params={"sort": "cr"})
    assert bad_sort.status_code == 422 and bad_sort.json()["error"]["code"] == "invalid_sort"


async def test_sorting_and_cursor_pagination_walk_every_entry_once(catalog: CatalogClient) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, str | int] = {"sort": "-cr", "limit": 40}
        if cursor:
            params["cursor"] = cursor
        page = (await catalog.http.get(f"{PREFIX}/creatures", params=params)).json()
        seen.extend(e["name"] for e in page["items"])
        crs = [e["mechanics"]["cr_value"] for e in page["items"]]
        assert crs == sorted(crs, reverse=True)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 330 and len(set(seen)) == 330
    first = (await catalog.http.get(f"{PREFIX}/spells", params={"sort": "level", "limit": 5})).json()["items"]
    assert all(e["mechanics"]["level"] == 0 for e in first)
    by_name = (await catalog.http.get(f"{PREFIX}/armor", params={"sort": "name"})).json()["items"]
    assert [e["name"] for e in by_name][:3] == ["Breastplate", "Chain Mail", "Chain Shirt"]
    bad = await catalog.http.get(f"{PREFIX}/spells", params={"cursor": "garbage"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_cursor"
