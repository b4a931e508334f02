"""The 4 SRD 5.2 backgrounds (04_CharacterOrigins.md) and the custom-background
rule (09_GameplayToolbox.md, "Creating a Background")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class BackgroundDef:
    """Static description of one background."""

    id: str
    name: str
    abilities: tuple[str, str, str]
    feat: str
    feat_spell_list: str | None  # Magic Initiate list fixed by the background
    skills: tuple[str, str]
    tool: str | None  # None: chosen (e.g. a Gaming Set)
    tool_choice_kind: str | None = None


BACKGROUNDS: Final[dict[str, BackgroundDef]] = {
    "acolyte": BackgroundDef(
        "acolyte",
        "Acolyte",
        ("intelligence", "wisdom", "charisma"),
        "magic_initiate",
        "cleric",
        ("insight", "religion"),
        "calligraphers_supplies",
    ),
    "criminal": BackgroundDef(
        "criminal",
        "Criminal",
        ("dexterity", "constitution", "intelligence"),
        "alert",
        None,
        ("sleight_of_hand", "stealth"),
        "thieves_tools",
    ),
    "sage": BackgroundDef(
        "sage",
        "Sage",
        ("constitution", "intelligence", "wisdom"),
        "magic_initiate",
        "wizard",
        ("arcana", "history"),
        "calligraphers_supplies",
    ),
    "soldier": BackgroundDef(
        "soldier",
        "Soldier",
        ("strength", "dexterity", "constitution"),
        "savage_attacker",
        None,
        ("athletics", "intimidation"),
        None,
        "gaming_set",
    ),
}

CUSTOM_BACKGROUND_ID: Final = "custom"
# Every background offers its equipment package or this many GP.
BACKGROUND_GOLD_ALTERNATIVE: Final = 50
