"""The 15 conditions with 2024 mechanics (SRD 5.2 Rules Glossary), replacing the package's 2014 text.

Descriptions are our own short summaries; the structured fields carry the rules.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from catalog_service.srd.drafts import EntryDraft

_STR_DEX = ["strength", "dexterity"]

#: name -> (summary, mechanics)
CONDITIONS_2024: dict[str, tuple[str, dict[str, Any]]] = {
    "Blinded": (
        "You cannot see; sight-based checks fail, attacks against you gain Advantage and yours suffer Disadvantage.",
        {"cant_see": True, "attacks_against": "advantage", "own_attacks": "disadvantage",
         "effects": ["fail checks that need sight"]},
    ),
    "Charmed": (
        "You cannot attack or aim harmful magic at the charmer, who has Advantage on social checks with you.",
        {"effects": ["can't attack the charmer", "charmer has Advantage on social checks against you"]},
    ),
    "Deafened": (
        "You cannot hear and fail checks that depend on hearing.",
        {"cant_hear": True, "effects": ["fail checks that need hearing"]},
    ),
    "Exhaustion": (
        "Stacks in levels: each level takes 2 off every D20 Test and 5 feet off your Speed; level 6 kills. "
        "A Long Rest removes one level.",
        {"max_levels": 6, "d20_penalty_per_level": 2, "speed_penalty_per_level_ft": 5,
         "removed_by": "long rest (1 level)", "effects": ["death at level 6"]},
    ),
    "Frightened": (
        "While its source is in sight you have Disadvantage on ability checks and attacks and cannot move closer.",
        {"ability_checks": "disadvantage", "own_attacks": "disadvantage",
         "effects": ["only while the source is in line of sight", "can't willingly move closer to the source"]},
    ),
    "Grappled": (
        "Speed 0 (you cannot move away); Disadvantage on attacks against anyone but the grappler, "
        "who can drag you along.",
        {"speed_zero": True, "effects": ["Disadvantage on attacks against targets other than the grappler",
                                         "the grappler can move you at extra movement cost"]},
    ),
    "Incapacitated": (
        "No actions, Bonus Actions or Reactions; Concentration ends; you cannot speak; Disadvantage on Initiative.",
        {"incapacitated": True, "cant_speak": True, "initiative": "disadvantage",
         "effects": ["Concentration is broken"]},
    ),
    "Invisible": (
        "Advantage on Initiative; unseen by effects that need sight; attacks against you have Disadvantage "
        "and yours Advantage, unless the other creature can see you.",
        {"initiative": "advantage", "attacks_against": "disadvantage", "own_attacks": "advantage",
         "effects": ["unaffected by effects that need to see you", "worn and carried gear is concealed too"]},
    ),
    "Paralyzed": (
        "Incapacitated and unable to move (Speed 0); you fail Strength and Dexterity saves; attacks against you "
        "have Advantage and are critical hits from within 5 feet.",
        {"incapacitated": True, "speed_zero": True, "auto_fail_saves": _STR_DEX, "attacks_against": "advantage",
         "auto_crit_within_ft": 5, "implies": ["incapacitated"]},
    ),
    "Petrified": (
        "Turned to stone with your gear: Incapacitated, Speed 0, failed Strength and Dexterity saves, attacks "
        "against you have Advantage, Resistance to all damage and immunity to poison.",
        {"incapacitated": True, "speed_zero": True, "auto_fail_saves": _STR_DEX, "attacks_against": "advantage",
         "resistance_all_damage": True, "immune_conditions": ["poisoned"], "implies": ["incapacitated"],
         "effects": ["weight x10", "stops aging"]},
    ),
    "Poisoned": (
        "Disadvantage on attack rolls and ability checks.",
        {"own_attacks": "disadvantage", "ability_checks": "disadvantage"},
    ),
    "Prone": (
        "You crawl or spend half your Speed to stand; your attacks have Disadvantage; attacks against you have "
        "Advantage from within 5 feet and Disadvantage from farther away.",
        {"own_attacks": "disadvantage",
         "effects": ["attackers within 5 ft have Advantage, farther ones Disadvantage",
                     "standing up costs half your Speed"]},
    ),
    "Restrained": (
        "Speed 0 (you cannot move); attacks against you have Advantage, yours have Disadvantage; Disadvantage on "
        "Dexterity saves.",
        {"speed_zero": True, "attacks_against": "advantage", "own_attacks": "disadvantage",
         "save_disadvantage": ["dexterity"]},
    ),
    "Stunned": (
        "Incapacitated; you fail Strength and Dexterity saves and attacks against you have Advantage.",
        {"incapacitated": True, "auto_fail_saves": _STR_DEX, "attacks_against": "advantage",
         "implies": ["incapacitated"]},
    ),
    "Unconscious": (
        "Incapacitated and Prone, dropping what you hold; Speed 0; failed Strength and Dexterity saves; attacks "
        "against you have Advantage and crit from within 5 feet; you are unaware of your surroundings.",
        {"incapacitated": True, "speed_zero": True, "auto_fail_saves": _STR_DEX, "attacks_against": "advantage",
         "auto_crit_within_ft": 5, "implies": ["incapacitated", "prone"],
         "effects": ["drop held items", "still Prone when it ends", "unaware"]},
    ),
}


def condition_drafts(package_names: Iterable[str]) -> list[EntryDraft]:
    """One entry per condition the package lists, with the 2024 mechanics (names title-cased)."""
    drafts = []
    for raw_name in package_names:
        name = raw_name.strip().title()
        summary, mechanics = CONDITIONS_2024[name]
        tags = ["condition", *mechanics.get("implies", [])]
        drafts.append(EntryDraft("condition", name, summary, dict(mechanics), tags))
    return drafts
