"""The 9 SRD 5.2 species (04_CharacterOrigins.md, "Species Descriptions").

Species grant no ability score increases in the 2024 rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

Size = Literal["tiny", "small", "medium", "large", "huge", "gargantuan"]


@dataclass(frozen=True, slots=True)
class LineageDef:
    """A lineage / legacy / ancestry choice inside a species."""

    id: str
    name: str
    resistance: str | None = None
    darkvision: int | None = None  # overrides the species range
    speed: int | None = None  # overrides the species Speed
    cantrips: tuple[str, ...] = ()
    spell_3: str | None = None  # learned at character level 3
    spell_5: str | None = None  # learned at character level 5
    always_prepared: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeciesDef:
    """Static description of one species."""

    id: str
    name: str
    sizes: tuple[Size, ...]  # first entry is the default
    speed: int
    darkvision: int
    traits: tuple[str, ...]
    lineage_kind: str | None = None  # "lineage", "legacy", "ancestry"
    lineages: dict[str, LineageDef] | None = None
    resistances: tuple[str, ...] = ()
    hp_per_level: int = 0
    skill_choice: tuple[str, ...] | None = None  # skills the species lets you choose one of
    origin_feat: bool = False
    powerful_build: bool = False
    lineage_needs_ability: bool = False


# Draconic Ancestors table.
DRACONIC_ANCESTORS: Final[dict[str, str]] = {
    "black": "acid",
    "blue": "lightning",
    "brass": "fire",
    "bronze": "lightning",
    "copper": "acid",
    "gold": "fire",
    "green": "poison",
    "red": "fire",
    "silver": "cold",
    "white": "cold",
}

GIANT_ANCESTRIES: Final[dict[str, str]] = {
    "cloud": "Cloud's Jaunt",
    "fire": "Fire's Burn",
    "frost": "Frost's Chill",
    "hill": "Hill's Tumble",
    "stone": "Stone's Endurance",
    "storm": "Storm's Thunder",
}

SPECIES: Final[dict[str, SpeciesDef]] = {
    "dragonborn": SpeciesDef(
        "dragonborn",
        "Dragonborn",
        ("medium",),
        30,
        60,
        ("Draconic Ancestry", "Breath Weapon", "Damage Resistance", "Darkvision", "Draconic Flight"),
        lineage_kind="ancestry",
        lineages={k: LineageDef(k, f"{k.title()} Dragon", resistance=v) for k, v in DRACONIC_ANCESTORS.items()},
    ),
    "dwarf": SpeciesDef(
        "dwarf",
        "Dwarf",
        ("medium",),
        30,
        120,
        ("Darkvision", "Dwarven Resilience", "Dwarven Toughness", "Stonecunning"),
        resistances=("poison",),
        hp_per_level=1,
    ),
    "elf": SpeciesDef(
        "elf",
        "Elf",
        ("medium",),
        30,
        60,
        ("Darkvision", "Elven Lineage", "Fey Ancestry", "Keen Senses", "Trance"),
        lineage_kind="lineage",
        lineages={
            "drow": LineageDef(
                "drow",
                "Drow",
                darkvision=120,
                cantrips=("dancing_lights",),
                spell_3="faerie_fire",
                spell_5="darkness",
            ),
            "high_elf": LineageDef(
                "high_elf",
                "High Elf",
                cantrips=("prestidigitation",),
                spell_3="detect_magic",
                spell_5="misty_step",
            ),
            "wood_elf": LineageDef(
                "wood_elf",
                "Wood Elf",
                speed=35,
                cantrips=("druidcraft",),
                spell_3="longstrider",
                spell_5="pass_without_trace",
            ),
        },
        skill_choice=("insight", "perception", "survival"),
        lineage_needs_ability=True,
    ),
    "gnome": SpeciesDef(
        "gnome",
        "Gnome",
        ("small",),
        30,
        60,
        ("Darkvision", "Gnomish Cunning", "Gnomish Lineage"),
        lineage_kind="lineage",
        lineages={
            "forest_gnome": LineageDef(
                "forest_gnome",
                "Forest Gnome",
                cantrips=("minor_illusion",),
                always_prepared=("speak_with_animals",),
            ),
            "rock_gnome": LineageDef("rock_gnome", "Rock Gnome", cantrips=("mending", "prestidigitation")),
        },
        lineage_needs_ability=True,
    ),
    "goliath": SpeciesDef(
        "goliath",
        "Goliath",
        ("medium",),
        35,
        0,
        ("Giant Ancestry", "Large Form", "Powerful Build"),
        lineage_kind="ancestry",
        lineages={k: LineageDef(k, v) for k, v in GIANT_ANCESTRIES.items()},
        powerful_build=True,
    ),
    "halfling": SpeciesDef(
        "halfling",
        "Halfling",
        ("small",),
        30,
        0,
        ("Brave", "Halfling Nimbleness", "Luck", "Naturally Stealthy"),
    ),
    "human": SpeciesDef(
        "human",
        "Human",
        ("medium", "small"),
        30,
        0,
        ("Resourceful", "Skillful", "Versatile"),
        skill_choice=None,
        origin_feat=True,
    ),
    "orc": SpeciesDef(
        "orc",
        "Orc",
        ("medium",),
        30,
        120,
        ("Adrenaline Rush", "Darkvision", "Relentless Endurance"),
    ),
    "tiefling": SpeciesDef(
        "tiefling",
        "Tiefling",
        ("medium", "small"),
        30,
        60,
        ("Darkvision", "Fiendish Legacy", "Otherworldly Presence"),
        lineage_kind="legacy",
        lineages={
            "abyssal": LineageDef(
                "abyssal",
                "Abyssal",
                resistance="poison",
                cantrips=("poison_spray",),
                spell_3="ray_of_sickness",
                spell_5="hold_person",
            ),
            "chthonic": LineageDef(
                "chthonic",
                "Chthonic",
                resistance="necrotic",
                cantrips=("chill_touch",),
                spell_3="false_life",
                spell_5="ray_of_enfeeblement",
            ),
            "infernal": LineageDef(
                "infernal",
                "Infernal",
                resistance="fire",
                cantrips=("fire_bolt",),
                spell_3="hellish_rebuke",
                spell_5="darkness",
            ),
        },
        lineage_needs_ability=True,
    ),
}

# Species whose "Skillful"/"Keen Senses" trait grants one chosen skill.
SPECIES_WITH_SKILL: Final = frozenset({"elf", "human"})
# Tiefling Otherworldly Presence cantrip.
TIEFLING_CANTRIP: Final = "thaumaturgy"
