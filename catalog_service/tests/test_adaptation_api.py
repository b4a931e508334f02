"""Adaptation: derived entries linked to parent and root, balance-checked, with visible provenance."""

from __future__ import annotations

from .conftest import PREFIX, CatalogClient


async def test_adapt_srd_spell_then_adapt_the_adaptation(catalog: CatalogClient) -> None:
    alice = catalog.as_user(catalog.alice)
    fireball = (await catalog.http.get(f"{PREFIX}/spells/fireball")).json()
    frostball = await catalog.http.post(
        f"{PREFIX}/spells/fireball/adapt",
        json={"theme": "winter court", "name": "Frostball", "description": "A burst of killing frost.",
              "mechanical_changes": {"damage": [{"dice": "8d6", "type": "cold"}]}},
        headers=alice,
    )
    assert frostball.status_code == 201, frostball.text
    first = frostball.json()
    assert first["parent_id"] == fireball["id"] and first["root_id"] == fireball["id"]
    assert first["source"] == "homebrew" and first["owner_id"] == str(catalog.alice)
    assert first["adaptation"] == {"theme": "winter court",
                                   "changes": {"damage": [{"dice": "8d6", "type": "cold"}]}}
    assert first["mechanics"]["damage"] == [{"dice": "8d6", "type": "cold"}]
    assert first["mechanics"]["area"] == {"shape": "sphere", "size_ft": 20}  # unchanged fields are inherited
    assert "winter court" in first["tags"]
    assert [step["name"] for step in first["provenance"]] == ["Fireball"]

    second = await catalog.http.post(
        f"{PREFIX}/spells/{first['id']}/adapt",
        json={"theme": "glacier", "name": "Glacier Burst", "mechanical_changes": {"area": {"shape": "sphere",
                                                                                             "size_ft": 30}}},
        headers=alice,
    )
    assert second.status_code == 201
    derived = second.json()
    assert derived["parent_id"] == first["id"] and derived["root_id"] == fireball["id"]
    assert derived["description"] == "A burst of killing frost."  # inherited when not given
    fetched = (await catalog.http.get(f"{PREFIX}/spells/{derived['id']}", headers=alice)).json()
    assert [(s["name"], s["source"]) for s in fetched["provenance"]] == [
        ("Frostball", "homebrew"), ("Fireball", "srd-5.2")
    ]


async def test_adaptation_changes_pass_the_balance_checks(catalog: CatalogClient) -> None:
    alice = catalog.as_user(catalog.alice)
    refused = await catalog.http.post(
        f"{PREFIX}/spells/fireball/adapt",
        json={"theme": "apocalypse", "name": "Sunfall", "mechanical_changes": {"damage": [{"dice": "20d6",
                                                                                           "type": "fire"}]}},
        headers=alice,
    )
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "balance_check_failed"
    assert "Level 3 area average damage 70 exceeds the SRD guideline of 28" in refused.json()["error"]["message"]
    invalid = await catalog.http.post(
        f"{PREFIX}/spells/fireball/adapt",
        json={"theme": "x", "name": "Broken", "mechanical_changes": {"level": 11}},
        headers=alice,
    )
    assert invalid.status_code == 422
    assert invalid.json()["error"]["details"][0]["field"] == "mechanical_changes.level"
    item = await catalog.http.post(
        f"{PREFIX}/magic-items/weapon-1-2-or-3/adapt",
        json={"theme": "cheap", "name": "Bargain Blade", "mechanical_changes": {"bonus": 3}},
        headers=alice,
    )
    assert item.status_code == 422
    assert "a +3 weapon bonus is very rare in the SRD, not uncommon" in item.json()["error"]["message"]


async def test_others_private_entries_cannot_be_adapted(catalog: CatalogClient) -> None:
    created = await catalog.http.post(
        f"{PREFIX}/feats",
        json={"name": "Secret Art", "mechanics": {"category": "origin", "benefits": [{"kind": "advantage"}]}},
        headers=catalog.as_user(catalog.alice),
    )
    secret = created.json()
    stolen = await catalog.http.post(
        f"{PREFIX}/feats/{secret['id']}/adapt",
        json={"theme": "theft", "name": "Stolen Art"},
        headers=catalog.as_user(catalog.bob),
    )
    assert stolen.status_code == 404 and stolen.json()["error"]["code"] == "entry_not_found"
    own = await catalog.http.post(
        f"{PREFIX}/feats/{secret['id']}/adapt",
        json={"theme": "refined", "name": "Refined Art", "visibility": "link"},
        headers=catalog.as_user(catalog.alice),
    )
    assert own.status_code == 201 and own.json()["root_id"] == secret["id"]
    # Bob may open the shared adaptation, but its private root stays anonymous to him.
    opened_by_bob = await catalog.http.get(
        f"{PREFIX}/feats/{own.json()['id']}", headers=catalog.as_user(catalog.bob)
    )
    assert opened_by_bob.status_code == 200
    [root] = opened_by_bob.json()["provenance"]
    assert root == {"id": secret["id"], "slug": None, "name": None, "type": "feat", "source": "homebrew",
                    "deleted": False, "hidden": True}
    opened_by_alice = await catalog.http.get(
        f"{PREFIX}/feats/{own.json()['id']}", headers=catalog.as_user(catalog.alice)
    )
    assert opened_by_alice.json()["provenance"][0]["name"] == "Secret Art"
