"""SRD 5.2 feats (05_Feats.md): categories, prerequisites and numeric effects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

FeatCategory = Literal["origin", "general", "fighting_style", "epic_boon"]


@dataclass(frozen=True, slots=True)
class FeatDef:
    """Static description of one feat."""

    id: str
    name: str
    category: FeatCategory
    min_level: int = 1
    repeatable: bool = False
    # Ability increase the feat grants: (total points, per-ability max step,
    # allowed abilities or None for any, score cap)
    asi_points: int = 0
    asi_abilities: tuple[str, ...] | None = None
    asi_cap: int = 20
    requires_spellcasting: bool = False
    prereq_scores: tuple[str, ...] = ()  # one of these abilities at 13+


_ANY = None
FEATS: Final[dict[str, FeatDef]] = {
    f.id: f
    for f in (
        FeatDef("alert", "Alert", "origin"),
        FeatDef("magic_initiate", "Magic Initiate", "origin", repeatable=True),
        FeatDef("savage_attacker", "Savage Attacker", "origin"),
        FeatDef("skilled", "Skilled", "origin", repeatable=True),
        FeatDef("ability_score_improvement", "Ability Score Improvement", "general", 4, True, 2, _ANY, 20),
        FeatDef(
            "grappler",
            "Grappler",
            "general",
            4,
            False,
            1,
            ("strength", "dexterity"),
            20,
            prereq_scores=("strength", "dexterity"),
        ),
        FeatDef("archery", "Archery", "fighting_style"),
        FeatDef("defense", "Defense", "fighting_style"),
        FeatDef("great_weapon_fighting", "Great Weapon Fighting", "fighting_style"),
        FeatDef("two_weapon_fighting", "Two-Weapon Fighting", "fighting_style"),
        FeatDef("boon_of_combat_prowess", "Boon of Combat Prowess", "epic_boon", 19, False, 1, _ANY, 30),
        FeatDef("boon_of_dimensional_travel", "Boon of Dimensional Travel", "epic_boon", 19, False, 1, _ANY, 30),
        FeatDef("boon_of_fate", "Boon of Fate", "epic_boon", 19, False, 1, _ANY, 30),
        FeatDef(
            "boon_of_irresistible_offense",
            "Boon of Irresistible Offense",
            "epic_boon",
            19,
            False,
            1,
            ("strength", "dexterity"),
            30,
        ),
        FeatDef(
            "boon_of_spell_recall",
            "Boon of Spell Recall",
            "epic_boon",
            19,
            False,
            1,
            ("intelligence", "wisdom", "charisma"),
            30,
            requires_spellcasting=True,
        ),
        FeatDef("boon_of_the_night_spirit", "Boon of the Night Spirit", "epic_boon", 19, False, 1, _ANY, 30),
        FeatDef("boon_of_truesight", "Boon of Truesight", "epic_boon", 19, False, 1, _ANY, 30),
    )
}

# Fighting Style options that replace the feat for Paladin / Ranger.
CLASS_FIGHTING_STYLE_OPTIONS: Final[dict[str, str]] = {
    "blessed_warrior": "paladin",
    "druidic_warrior": "ranger",
}
MAGIC_INITIATE_LISTS: Final = frozenset({"cleric", "druid", "wizard"})
SKILLED_PICKS: Final = 3
