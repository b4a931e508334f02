"""Ability scores, modifiers, skills and the Proficiency Bonus (SRD 5.2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .data.feats import FEATS

if TYPE_CHECKING:
    from .build import Build

ABILITIES: Final = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")

# Skills table (01_PlayingTheGame.md).
SKILLS: Final[dict[str, str]] = {
    "acrobatics": "dexterity",
    "animal_handling": "wisdom",
    "arcana": "intelligence",
    "athletics": "strength",
    "deception": "charisma",
    "history": "intelligence",
    "insight": "wisdom",
    "intimidation": "charisma",
    "investigation": "intelligence",
    "medicine": "wisdom",
    "nature": "intelligence",
    "perception": "wisdom",
    "performance": "charisma",
    "persuasion": "charisma",
    "religion": "intelligence",
    "sleight_of_hand": "dexterity",
    "stealth": "dexterity",
    "survival": "wisdom",
}

# Ability Scores and Modifiers table, precomputed for scores 1..30.
_MODIFIERS: Final = tuple((s - 10) // 2 for s in range(0, 31))
# Character Advancement table: Proficiency Bonus by total level.
_PB: Final = (0, *tuple(2 + (lvl - 1) // 4 for lvl in range(1, 21)))

# Level 20 capstones: (class id, abilities, increase, maximum).
CAPSTONES: Final = (
    ("barbarian", ("strength", "constitution"), 4, 25),  # Primal Champion
    ("monk", ("dexterity", "wisdom"), 4, 25),  # Body and Mind
)
BACKGROUND_CAP: Final = 20


def modifier(score: int) -> int:
    """Return the ability modifier for a score ((score - 10) // 2)."""
    if 0 <= score <= 30:
        return _MODIFIERS[score]
    return (score - 10) // 2


def proficiency_bonus(level: int) -> int:
    """Return the Proficiency Bonus for a total character level (2 + (level - 1) // 4)."""
    if 1 <= level <= 20:
        return _PB[level]
    return 2 + (max(level, 1) - 1) // 4


def feat_increase_cap(feat_id: str) -> int:
    """Return the score maximum a feat's ability increase may reach."""
    feat = FEATS.get(feat_id)
    return feat.asi_cap if feat else 20


def final_scores(build: Build) -> dict[str, int]:
    """Return the six scores after background, feats and level-20 capstones.

    Order: base -> background increases (max 20) -> feat increases in list
    order (each feat's own cap: 20, or 30 for Epic Boons) -> capstones (max 25).
    Increases that would pass a cap are clamped here; ``validate`` reports them.
    """
    base = build.ability_scores.base
    scores: dict[str, int] = {a: base.get(a, 10) for a in ABILITIES}
    for bg_ability, bg_inc in build.background.ability_increases.items():
        if bg_inc > 0:
            scores[bg_ability] = min(BACKGROUND_CAP, scores[bg_ability] + bg_inc)
    for feat in build.feats:
        incs = feat.choices.get("ability_increases")
        if isinstance(incs, dict):
            fdef = FEATS.get(feat.id)
            cap = fdef.asi_cap if fdef else 20
            for feat_ability, feat_inc in incs.items():
                if feat_ability in scores and feat_inc > 0:
                    scores[feat_ability] = max(scores[feat_ability], min(cap, scores[feat_ability] + feat_inc))
    levels = {c.id: c.level for c in build.classes}
    for class_id, abilities, inc, cap in CAPSTONES:
        if levels.get(class_id, 0) >= 20:
            for ability in abilities:
                scores[ability] = max(scores[ability], min(cap, scores[ability] + inc))
    return scores
