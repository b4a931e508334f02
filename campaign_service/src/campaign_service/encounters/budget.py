"""Encounter arithmetic of the 2024 rules: a party's budget is the sum of each character's budget for
its level; an encounter costs the plain sum of its creatures' XP (no group multipliers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from campaign_service.encounters.tables import DIFFICULTIES, XP_BUDGET_PER_CHARACTER, XP_BY_CHALLENGE_RATING, Difficulty
from dnd_shared.errors import ErrorDetail, UnprocessableError


@dataclass(frozen=True)
class CreatureGroup:
    """``count`` creatures worth ``xp`` each."""

    name: str
    xp: int
    count: int = 1
    cr: str | None = None


@dataclass(frozen=True)
class Evaluation:
    budgets: dict[Difficulty, int]
    total_xp: int
    creature_count: int
    #: ``trivial`` (no creatures), ``low``, ``moderate``, ``high`` or ``beyond_high``.
    verdict: str
    #: XP left under the requested difficulty's budget (negative: over it).
    remaining: dict[Difficulty, int]
    warnings: list[str]


def party_budgets(levels: Sequence[int]) -> dict[Difficulty, int]:
    """Low / Moderate / High budgets of a party with these character levels."""
    for index, level in enumerate(levels):
        if level not in XP_BUDGET_PER_CHARACTER:
            raise UnprocessableError("Character levels run from 1 to 20.", code="invalid_level",
                                     details=[ErrorDetail(f"party_levels[{index}]", "must be 1..20")])
    return {difficulty: sum(XP_BUDGET_PER_CHARACTER[level][i] for level in levels)
            for i, difficulty in enumerate(DIFFICULTIES)}


def xp_for_challenge_rating(cr: str) -> int:
    """A creature's XP by its challenge rating (``"1/4"``, ``"5"``); 422 for an unknown rating."""
    normalized = cr.strip()
    if normalized == "0.125":
        normalized = "1/8"
    elif normalized == "0.25":
        normalized = "1/4"
    elif normalized == "0.5":
        normalized = "1/2"
    elif normalized.endswith(".0"):
        normalized = normalized[:-2]
    if normalized not in XP_BY_CHALLENGE_RATING:
        raise UnprocessableError(f"Unknown challenge rating {cr!r}.", code="invalid_challenge_rating",
                                 details=[ErrorDetail("cr", "must be 0, 1/8, 1/4, 1/2 or 1..30")])
    return XP_BY_CHALLENGE_RATING[normalized]


def evaluate(levels: Sequence[int], groups: Sequence[CreatureGroup]) -> Evaluation:
    """Budgets, the encounter's XP, and the difficulty whose budget it fits."""
    if not levels:
        raise UnprocessableError("An encounter needs a party.", code="empty_party",
                                 details=[ErrorDetail("party_levels", "at least one character")])
    budgets = party_budgets(levels)
    total = sum(g.xp * g.count for g in groups)
    count = sum(g.count for g in groups)
    if count == 0:
        verdict = "trivial"
    elif total <= budgets["low"]:
        verdict = "low"
    elif total <= budgets["moderate"]:
        verdict = "moderate"
    elif total <= budgets["high"]:
        verdict = "high"
    else:
        verdict = "beyond_high"
    warnings = []
    if count > 2 * len(levels):
        warnings.append("more than two creatures per character: include fragile creatures that fall quickly")
    if verdict == "beyond_high":
        warnings.append("over the High budget: the encounter could be lethal")
    return Evaluation(budgets=budgets, total_xp=total, creature_count=count, verdict=verdict,
                      remaining={d: budgets[d] - total for d in DIFFICULTIES}, warnings=warnings)


@dataclass(frozen=True)
class Suggestion:
    groups: list[CreatureGroup]
    total_xp: int


def suggest(budget: int, candidates: Sequence[CreatureGroup], party_size: int, limit: int = 5) -> list[Suggestion]:
    """Encounters from ``candidates`` (one creature each, ``count`` ignored) that spend as much of the
    budget as possible without going over: a pack of one creature, or a leader with followers.
    At most two creatures per character; best use of the budget first."""
    usable = sorted({c.name: c for c in candidates if 0 < c.xp <= budget}.values(), key=lambda c: -c.xp)
    cap = max(1, 2 * party_size)
    options: list[Suggestion] = []
    for creature in usable:
        count = min(budget // creature.xp, cap)
        options.append(Suggestion([CreatureGroup(creature.name, creature.xp, count, creature.cr)], creature.xp * count))
    for leader in usable:
        left = budget - leader.xp
        followers = [c for c in usable if c.name != leader.name and c.xp <= left and c.xp < leader.xp]
        if not followers:
            continue
        follower = max(followers, key=lambda c: (min(left // c.xp, cap - 1) * c.xp, -c.xp))
        count = min(left // follower.xp, cap - 1)
        if count > 0:
            options.append(Suggestion([CreatureGroup(leader.name, leader.xp, 1, leader.cr),
                                       CreatureGroup(follower.name, follower.xp, count, follower.cr)],
                                      leader.xp + follower.xp * count))
    unique: dict[tuple[tuple[str, int], ...], Suggestion] = {}
    for option in options:
        unique.setdefault(tuple((g.name, g.count) for g in option.groups), option)
    return sorted(unique.values(), key=lambda s: (-s.total_xp, len(s.groups)))[:limit]
