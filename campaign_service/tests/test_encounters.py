"""The 2024 encounter builder against the SRD 5.2 tables (Gameplay Toolbox, Monsters)."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict

from campaign_service.catalog_creatures import highest_cr_within
from campaign_service.encounters.budget import CreatureGroup, evaluate, party_budgets, suggest, xp_for_challenge_rating
from campaign_service.encounters.tables import XP_BUDGET_PER_CHARACTER, XP_BY_CHALLENGE_RATING
from campaign_service.testing.table import BASE, Table
from dnd_shared.errors import UnprocessableError
from dnd_shared.hub import HubRouter, MessageContext
from dnd_shared.testing.hub_fixtures import HubFactory
from dnd_shared.testing.srd import SRD_DIR, requires_srd

SRD = SRD_DIR or Path("/nonexistent")
pytestmark = requires_srd


def _markdown_rows(path: Path, title: str) -> list[list[str]]:
    """The body rows of the markdown table after ``Table: <title>`` in an SRD chapter."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"Table: {title}"))
    rows = []
    for line in lines[start + 1:]:
        if not line.strip():
            if rows:
                break
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if set("".join(cells)) <= set("-: "):
            continue
        rows.append(cells)
    return rows[1:]  # without the header


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_budget_table_is_the_srd_table() -> None:
    rows = _markdown_rows(SRD / "09_GameplayToolbox.md", "XP Budget per Character")
    from_srd = {int(r[0]): (_number(r[1]), _number(r[2]), _number(r[3])) for r in rows}
    assert from_srd == XP_BUDGET_PER_CHARACTER
    assert XP_BUDGET_PER_CHARACTER[5] == (500, 750, 1100)
    assert XP_BUDGET_PER_CHARACTER[20] == (6400, 13200, 22000)


def test_creature_xp_is_the_srd_table() -> None:
    rows = _markdown_rows(SRD / "11_Monsters.md", "Experience Points by Challenge Rating")
    from_srd = {r[0]: (10 if r[1] == "0 or 10" else _number(r[1])) for r in rows}
    assert from_srd == XP_BY_CHALLENGE_RATING
    assert len(XP_BY_CHALLENGE_RATING) == 34
    assert (xp_for_challenge_rating("0.25"), xp_for_challenge_rating("8"), xp_for_challenge_rating("0.125")) == (
        50, 3900, 25)
    with pytest.raises(UnprocessableError):
        xp_for_challenge_rating("31")


@pytest.mark.parametrize(("levels", "budgets"), [
    ([1, 1, 1, 1], {"low": 200, "moderate": 300, "high": 400}),        # Example 1: 50 x 4 = 200
    ([3] * 5, {"low": 750, "moderate": 1125, "high": 2000}),          # Example 2: 225 x 5 = 1,125
    ([15] * 6, {"low": 19800, "moderate": 32400, "high": 46800}),     # Example 3: 7,800 x 6 = 46,800
    ([2, 3, 4], {"low": 500, "moderate": 750, "high": 1100}),          # mixed levels: sum per character
    ([20], {"low": 6400, "moderate": 13200, "high": 22000}),
])
def test_party_budgets(levels: list[int], budgets: dict[str, int]) -> None:
    assert party_budgets(levels) == budgets


def test_evaluation_sums_xp_without_multipliers() -> None:
    party = [1, 1, 1, 1]
    # SRD example 1: a Bugbear Warrior, two Giant Wasps, or six Giant Rats all fit the Low budget of 200.
    assert evaluate(party, [CreatureGroup("Bugbear Warrior", 200)]).verdict == "low"
    assert evaluate(party, [CreatureGroup("Giant Wasp", 100, 2)]).total_xp == 200
    rats = evaluate(party, [CreatureGroup("Giant Rat", 25, 6)])
    assert (rats.total_xp, rats.verdict, rats.remaining["low"]) == (150, "low", 50)
    # SRD example 2: two Druids and nine Stirges: 1,125 XP, exactly the Moderate budget of five level 3s.
    druids = evaluate([3] * 5, [CreatureGroup("Druid", 450, 2), CreatureGroup("Stirge", 25, 9)])
    assert (druids.total_xp, druids.verdict, druids.creature_count) == (1125, "moderate", 11)
    assert druids.warnings == ["more than two creatures per character: include fragile creatures that fall quickly"]
    # SRD example 3: two Adult Red Dragons and two Fire Giants: 46,000 <= 46,800 High.
    dragons = evaluate([15] * 6, [CreatureGroup("Adult Red Dragon", 18000, 2), CreatureGroup("Fire Giant", 5000, 2)])
    assert (dragons.total_xp, dragons.verdict) == (46000, "high")
    beyond = evaluate([1, 1], [CreatureGroup("Ogre", xp_for_challenge_rating("2"))])
    assert (beyond.verdict, beyond.remaining["high"]) == ("beyond_high", -250)
    assert evaluate([5], []).verdict == "trivial"
    with pytest.raises(UnprocessableError):
        evaluate([], [])
    with pytest.raises(UnprocessableError):
        evaluate([21], [])


def test_highest_challenge_rating_within_a_budget() -> None:
    assert [highest_cr_within(xp) for xp in (5, 10, 49, 50, 300, 450, 46800)] == [0.0, 0.0, 0.125, 0.25, 1.0, 2.0,
                                                                                   22.0]


def test_suggestions_spend_the_budget_without_going_over() -> None:
    candidates = [CreatureGroup("Goblin", 50, cr="1/4"), CreatureGroup("Bugbear", 200, cr="1"),
                  CreatureGroup("Ogre", 450, cr="2"), CreatureGroup("Young Dragon", 5000, cr="9")]
    options = suggest(400, candidates, party_size=4)
    assert all(o.total_xp <= 400 for o in options)
    assert options[0].total_xp == 400
    assert [(g.name, g.count) for g in options[0].groups] == [("Bugbear", 2)]
    assert all(g.name != "Young Dragon" and g.name != "Ogre" for o in options for g in o.groups)
    leader = next(o for o in options if len(o.groups) == 2)
    assert [(g.name, g.count) for g in leader.groups] == [("Bugbear", 1), ("Goblin", 4)]
    # At most two creatures per character.
    assert [(g.name, g.count) for g in suggest(10_000, [CreatureGroup("Rat", 25)], party_size=2)[0].groups] == [
        ("Rat", 4)]


class _Match(BaseModel):
    model_config = ConfigDict(extra="forbid")
    need: str
    type: str
    max_cr: float | None = None
    limit: int = 5
    campaign_ids: list[uuid.UUID] = []


class _Matches(BaseModel):
    matches: list[dict[str, Any]]
    best_similarity: float


def catalog_router(requests: list[_Match]) -> HubRouter:
    """``catalog.match`` as the catalog answers it: creatures up to ``max_cr``."""
    router = HubRouter()
    creatures = [("goblin-warrior", "Goblin Warrior", "1/4", 0.25, 50),
                 ("bugbear-warrior", "Bugbear Warrior", "1", 1.0, 200), ("ogre", "Ogre", "2", 2.0, 450)]

    @router.rpc("catalog.match")
    async def match(request: _Match, ctx: MessageContext) -> _Matches:
        requests.append(request)
        fitting = [c for c in creatures if request.max_cr is None or c[3] <= request.max_cr]
        return _Matches(matches=[{"entry": {"slug": s, "name": n, "mechanics": {"cr": cr, "xp": xp}},
                                  "score": 1.0, "similarity": 0.9} for s, n, cr, _, xp in fitting],
                        best_similarity=0.9)

    return router


async def test_encounter_routes(table: Table, hub_instance: HubFactory) -> None:
    dm, ana = uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, theme="goblinoid raiders")
    await table.join(campaign, ana, "Aria", level=1)
    url, dm_h = f"{BASE}/{campaign['id']}/encounters", table.as_user(dm)
    party = await table.http.post(f"{url}/evaluate", headers=dm_h, json={
        "creatures": [{"name": "Goblin Warrior", "cr": "1/4", "count": 1}], "difficulty": "low"})
    assert party.status_code == 200
    assert party.json() | {"warnings": None} == {
        "party_levels": [1], "party_size": 1, "budgets": {"low": 50, "moderate": 75, "high": 100},
        "difficulty": "low", "budget": 50, "total_xp": 50, "creature_count": 1, "verdict": "low",
        "remaining": {"low": 0, "moderate": 25, "high": 50}, "fits_requested": True, "warnings": None}
    explicit = await table.http.post(f"{url}/evaluate", headers=dm_h, json={
        "party_levels": [5, 5, 5, 5], "creatures": [{"name": "Troll", "xp": 1800}, {"name": "Wolf", "cr": "1/4",
                                                                                   "count": 4}]})
    assert (explicit.json()["total_xp"], explicit.json()["verdict"]) == (2000, "low")
    bad = await table.http.post(f"{url}/evaluate", headers=dm_h, json={"creatures": [{"name": "x"}]})
    assert bad.status_code == 422
    by_player = await table.http.post(f"{url}/evaluate", headers=table.as_user(ana), json={"party_levels": [1]})
    assert by_player.status_code == 403

    saved = await table.http.post(url, headers=dm_h, json={"name": "Ambush", "party_levels": [1, 1, 1, 1],
                                                           "creatures": [{"name": "Bugbear", "cr": "1"}]})
    assert saved.status_code == 201
    assert (saved.json()["kind"], saved.json()["visibility"], saved.json()["data"]["evaluation"]["verdict"]) == (
        "encounter", "dm_only", "low")

    unavailable = await table.http.post(f"{url}/suggest", headers=dm_h, json={"party_levels": [1, 1, 1, 1]})
    assert unavailable.status_code == 503
    requests: list[_Match] = []
    async with hub_instance("catalog", catalog_router(requests)):
        suggested = await table.http.post(f"{url}/suggest", headers=dm_h,
                                          json={"party_levels": [1, 1, 1, 1], "difficulty": "moderate"})
    assert suggested.status_code == 200, suggested.text
    body = suggested.json()
    assert (body["budget"], body["theme"]) == (300, "goblinoid raiders")
    assert [(r.need, r.type, r.max_cr, r.campaign_ids) for r in requests] == [
        ("goblinoid raiders", "creature", 1.0, [uuid.UUID(campaign["id"])])]
    assert body["suggestions"][0]["total_xp"] == 300
    assert all(s["total_xp"] <= 300 for s in body["suggestions"])
    assert {s["verdict"] for s in body["suggestions"]} <= {"low", "moderate"}
    assert all(c["name"] != "Ogre" for s in body["suggestions"] for c in s["creatures"])
