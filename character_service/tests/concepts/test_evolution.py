"""Evolution proposals follow the journal, and each applies through the normal routes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

pytestmark = pytest.mark.asyncio

BASE = "/api/v1/characters"


async def test_evolution_follows_the_journal(live_api: httpx.AsyncClient, alice: dict[str, str],
                                             bob: dict[str, str], finished: Callable[..., Any]) -> None:
    job = (await live_api.post(f"{BASE}/concepts", headers=alice, json={
        "concept": "a human soldier", "level": 3, "constraints": {"class": "fighter", "species": "human"}})).json()
    done = await finished(live_api, alice, job["id"])
    cid = done["character_id"]
    assert (await live_api.post(f"{BASE}/{cid}/evolution", headers=alice)).status_code == 409  # still a draft
    assert (await live_api.post(f"{BASE}/{cid}/accept", headers=alice)).status_code == 200

    entries = [
        {"kind": "session", "title": "The vault job", "body": "She sneaked past the watch in the shadows and "
         "picked the vault lock like a born thief.", "session": {"number": 1}},
        {"kind": "session", "title": "Rooftops", "body": "Stealth again: a silent climb, a stolen ledger, "
         "a pickpocket's trick on the magistrate.", "session": {"number": 2}},
        {"kind": "quest", "title": "Free the miller", "quest": {"status": "completed", "giver": "the village"}},
        {"kind": "relationship", "title": "Mara", "relationship": {"npc": "Mara the fence", "standing": 4}},
    ]
    for entry in entries:
        assert (await live_api.post(f"{BASE}/{cid}/journal", headers=alice, json=entry)).status_code == 201
    first = (await live_api.post(f"{BASE}/{cid}/evolution", headers=alice)).json()
    level_up = next(p for p in first["proposals"] if p["kind"] == "level_up")
    assert level_up["ready"] is False  # no XP yet
    assert (await live_api.post(f"{BASE}/{cid}/xp", headers=alice, json={"amount": 3000, "reason": "vault"})
            ).status_code in (200, 201)

    response = await live_api.post(f"{BASE}/{cid}/evolution", headers=alice)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["read"]["sessions"] == 2 and body["read"]["quests"] == 1 and body["read"]["relationships"] == 1
    level_up = next(p for p in body["proposals"] if p["kind"] == "level_up")
    # The journal is all sneaking and thieving: a Rogue level, with the sessions as evidence.
    assert level_up["ready"] is True and level_up["apply"]["body"]["class_id"] == "rogue"
    assert level_up["complete"] is True and level_up["problems"] == []
    assert "rogue" in level_up["reason"] and {e["title"] for e in level_up["evidence"]} >= {"The vault job"}
    bond = next(p for p in body["proposals"] if p["kind"] == "personality" and p["summary"].startswith("bond"))
    assert "Mara the fence" in bond["summary"] and "+4" in bond["reason"]
    ideal = next(p for p in body["proposals"] if p["kind"] == "personality" and p["summary"].startswith("ideal"))
    assert "Free the miller" in ideal["summary"]

    applied = await live_api.post(level_up["apply"]["route"], headers=alice, json=level_up["apply"]["body"])
    assert applied.status_code == 200, applied.text
    character = (await live_api.get(f"{BASE}/{cid}", headers=alice))
    assert [c["id"] for c in character.json()["build"]["classes"]] == ["fighter", "rogue"]
    patched = await live_api.patch(bond["apply"]["route"], json=bond["apply"]["body"],
                                   headers={**alice, "If-Match": character.headers["ETag"]})
    assert patched.status_code == 200, patched.text
    assert patched.json()["build"]["personality"]["bonds"] == "Would do anything for Mara the fence."
    assert (await live_api.post(f"{BASE}/{cid}/evolution", headers=bob)).status_code == 404


def _journal(*texts: str) -> list[Any]:
    import uuid

    from character_service.concepts.evolution import JournalItem

    return [JournalItem(uuid.uuid4(), "session", f"Session {i}", text, (), {}) for i, text in enumerate(texts)]


@pytest.mark.parametrize("klass", ["barbarian", "bard", "cleric", "druid", "fighter", "monk", "paladin", "ranger",
                                   "rogue", "sorcerer", "warlock", "wizard"])
async def test_level_up_proposals_are_complete_for_every_class(klass: str) -> None:
    import uuid

    from character_service.concepts.evolution import propose_evolution
    from character_service.concepts.pipeline import run_pipeline
    from character_service.concepts.schemas import ConceptIn
    from character_service.rules.build import Build
    from character_service.rules.level_up import apply_level_up
    from dnd_shared.contracts.envelope import PrincipalClaims

    for level in (1, 2, 3, 7, 11, 18):
        request = ConceptIn.model_validate({"concept": f"a {klass}", "level": level, "constraints": {"class": klass}})
        build = (await run_pipeline(None, PrincipalClaims(user_id=uuid.uuid4()), request)).build
        journal = _journal(f"Fought on as a {klass} should, healing the wounded and burning the undead.")
        proposals, _read = propose_evolution(uuid.uuid4(), build, journal, True)
        level_up = next(p for p in proposals if p["kind"] == "level_up")
        assert level_up["complete"], (klass, level, level_up["problems"])
        body = level_up["apply"]["body"]
        result = apply_level_up(Build.model_validate(build), body["class_id"],
                                {k: v for k, v in body.items() if k not in ("class_id", "hit_points")})
        assert isinstance(result, Build), (klass, level, result)
        if level + 1 in (4, 8, 12, 16, 19) and level + 1 in {4, 8, 12, 16}:
            assert any(p["kind"] == "feat" for p in proposals), (klass, level)


async def test_spell_proposals_follow_the_played_themes() -> None:
    import uuid

    from character_service.concepts.evolution import propose_evolution
    from character_service.concepts.pipeline import run_pipeline
    from character_service.concepts.schemas import ConceptIn
    from dnd_shared.contracts.envelope import PrincipalClaims

    request = ConceptIn.model_validate({"concept": "a cleric", "level": 5, "constraints": {"class": "cleric"}})
    build = (await run_pipeline(None, PrincipalClaims(user_id=uuid.uuid4()), request)).build
    healing = _journal("She healed the wounded villagers at the temple.", "More healing: the priest prayed.")
    proposals, read = propose_evolution(uuid.uuid4(), build, healing, False)
    spell = next(p for p in proposals if p["kind"] == "spell")
    assert spell["summary"] in ("cure_wounds", "healing_word", "bless", "lesser_restoration", "revivify")
    assert "faith" in spell["reason"] and len(spell["evidence"]) == 2 and read["sessions"] == 2
    fire = _journal("He set the barn on fire; flames everywhere; burning bridges.")
    assert not any(p["kind"] == "spell" and p["summary"] == spell["summary"]
                   for p in propose_evolution(uuid.uuid4(), build, fire, False)[0])
