"""The 12 SRD 5.2 classes and their one SRD subclass each (03_Classes/*.md).

Only numbers and short feature names are encoded; each class's table columns
are tuples indexed by ``class_level - 1``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal

Recharge = Literal["short_rest", "long_rest"]
CasterKind = Literal["full", "half", "pact"]

# (class level, proficiency bonus, ability modifiers) -> maximum uses
MaxFn = Callable[[int, int, Mapping[str, int]], int]


@dataclass(frozen=True, slots=True)
class ResourceDef:
    """A limited-use feature: its maximum, recharge and level range."""

    id: str
    name: str
    recharge: Recharge
    max_fn: MaxFn
    min_level: int = 1
    max_level: int = 20
    short_rest_regain: int = 0  # uses regained on a Short Rest when recharge is long_rest
    die: Callable[[int], str] | None = None


@dataclass(frozen=True, slots=True)
class SubclassDef:
    """The SRD subclass of a class."""

    id: str
    name: str
    features: tuple[tuple[int, str], ...]
    always_prepared: tuple[tuple[int, tuple[str, ...]], ...] = ()
    resources: tuple[ResourceDef, ...] = ()


@dataclass(frozen=True, slots=True)
class ClassDef:
    """Static description of one class."""

    id: str
    name: str
    hit_die: int
    primary: tuple[str, ...]
    primary_any: bool  # True: one of ``primary`` at 13+ suffices (Fighter)
    saves: tuple[str, str]
    skill_count: int
    skill_list: tuple[str, ...] | None  # None: any skill
    armor: tuple[str, ...]
    weapons: tuple[str, ...]
    tools: tuple[str, ...]
    tool_choices: int
    mc_armor: tuple[str, ...]
    mc_weapons: tuple[str, ...]
    mc_skills: int
    mc_tools: tuple[str, ...]
    mc_tool_choices: int
    asi_levels: frozenset[int]
    features: tuple[tuple[int, str], ...]
    subclass: SubclassDef
    caster: CasterKind | None = None
    spell_ability: str | None = None
    cantrips: tuple[int, ...] | None = None
    prepared: tuple[int, ...] | None = None
    weapon_mastery: tuple[int, ...] | None = None
    always_prepared: tuple[tuple[int, tuple[str, ...]], ...] = ()
    expertise: tuple[tuple[int, int], ...] = ()  # (class level, expertise gained)
    extra_attack_levels: tuple[tuple[int, int], ...] = ()  # (class level, attacks per Attack action)
    resources: tuple[ResourceDef, ...] = ()
    languages: tuple[str, ...] = ()
    language_choices: tuple[tuple[int, int], ...] = ()  # (class level, languages chosen)
    columns: Mapping[str, tuple[object, ...]] = field(default_factory=dict)


def _col(*values: object) -> tuple[object, ...]:
    assert len(values) == 20
    return tuple(values)


def _ints(*values: int) -> tuple[int, ...]:
    assert len(values) == 20
    return tuple(values)


def _fixed(n: int) -> MaxFn:
    return lambda lvl, pb, mods: n


def _mod_min1(ability: str) -> MaxFn:
    return lambda lvl, pb, mods: max(1, mods[ability])


def _column(col: tuple[int, ...]) -> MaxFn:
    return lambda lvl, pb, mods: col[lvl - 1]


STANDARD_ASI: Final = frozenset({4, 8, 12, 16})
SKILLS_ALL: Final = (
    "acrobatics",
    "animal_handling",
    "arcana",
    "athletics",
    "deception",
    "history",
    "insight",
    "intimidation",
    "investigation",
    "medicine",
    "nature",
    "perception",
    "performance",
    "persuasion",
    "religion",
    "sleight_of_hand",
    "stealth",
    "survival",
)

# Full-caster slots (Bard, Cleric, Druid, Sorcerer, Wizard tables, identical
# to the Multiclass Spellcaster table in 02_CharacterCreation.md).
FULL_CASTER_SLOTS: Final[tuple[tuple[int, ...], ...]] = (
    (2,),
    (3,),
    (4, 2),
    (4, 3),
    (4, 3, 2),
    (4, 3, 3),
    (4, 3, 3, 1),
    (4, 3, 3, 2),
    (4, 3, 3, 3, 1),
    (4, 3, 3, 3, 2),
    (4, 3, 3, 3, 2, 1),
    (4, 3, 3, 3, 2, 1),
    (4, 3, 3, 3, 2, 1, 1),
    (4, 3, 3, 3, 2, 1, 1),
    (4, 3, 3, 3, 2, 1, 1, 1),
    (4, 3, 3, 3, 2, 1, 1, 1),
    (4, 3, 3, 3, 2, 1, 1, 1, 1),
    (4, 3, 3, 3, 3, 1, 1, 1, 1),
    (4, 3, 3, 3, 3, 2, 1, 1, 1),
    (4, 3, 3, 3, 3, 2, 2, 1, 1),
)
MULTICLASS_SLOTS: Final = FULL_CASTER_SLOTS

# Paladin and Ranger Features tables, spell slot columns.
HALF_CASTER_SLOTS: Final[tuple[tuple[int, ...], ...]] = (
    (2,),
    (2,),
    (3,),
    (3,),
    (4, 2),
    (4, 2),
    (4, 3),
    (4, 3),
    (4, 3, 2),
    (4, 3, 2),
    (4, 3, 3),
    (4, 3, 3),
    (4, 3, 3, 1),
    (4, 3, 3, 1),
    (4, 3, 3, 2),
    (4, 3, 3, 2),
    (4, 3, 3, 3, 1),
    (4, 3, 3, 3, 1),
    (4, 3, 3, 3, 2),
    (4, 3, 3, 3, 2),
)

# Warlock Features table: Spell Slots and Slot Level columns.
PACT_SLOTS: Final = _ints(1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4)
PACT_SLOT_LEVEL: Final = _ints(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)

_FULL_PREPARED: Final = _ints(4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 16, 17, 17, 18, 18, 19, 20, 21, 22)
_HALF_PREPARED: Final = _ints(2, 3, 4, 5, 6, 6, 7, 7, 9, 9, 10, 10, 11, 11, 12, 12, 14, 14, 15, 15)
_CANTRIPS_2: Final = _ints(2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)
_CANTRIPS_3: Final = _ints(3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)


def _die(col: tuple[str, ...]) -> Callable[[int], str]:
    return lambda lvl: col[lvl - 1]


# --------------------------------------------------------------------------- Barbarian
RAGES: Final = _ints(2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6, 6, 6, 6)
RAGE_DAMAGE: Final = _ints(2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4)
BARBARIAN = ClassDef(
    id="barbarian",
    name="Barbarian",
    hit_die=12,
    primary=("strength",),
    primary_any=False,
    saves=("strength", "constitution"),
    skill_count=2,
    skill_list=("animal_handling", "athletics", "intimidation", "nature", "perception", "survival"),
    armor=("light", "medium", "shield"),
    weapons=("simple", "martial"),
    tools=(),
    tool_choices=0,
    mc_armor=("shield",),
    mc_weapons=("martial",),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Rage"),
        (1, "Unarmored Defense"),
        (1, "Weapon Mastery"),
        (2, "Danger Sense"),
        (2, "Reckless Attack"),
        (3, "Primal Knowledge"),
        (5, "Extra Attack"),
        (5, "Fast Movement"),
        (7, "Feral Instinct"),
        (7, "Instinctive Pounce"),
        (9, "Brutal Strike"),
        (11, "Relentless Rage"),
        (13, "Improved Brutal Strike"),
        (15, "Persistent Rage"),
        (17, "Improved Brutal Strike"),
        (18, "Indomitable Might"),
        (20, "Primal Champion"),
    ),
    subclass=SubclassDef(
        "berserker",
        "Path of the Berserker",
        ((3, "Frenzy"), (6, "Mindless Rage"), (10, "Retaliation"), (14, "Intimidating Presence")),
        resources=(ResourceDef("intimidating_presence", "Intimidating Presence", "long_rest", _fixed(1), 14),),
    ),
    weapon_mastery=_ints(2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
    extra_attack_levels=((5, 2),),
    resources=(ResourceDef("rage", "Rage", "long_rest", _column(RAGES), short_rest_regain=1),),
    columns={"rages": RAGES, "rage_damage": RAGE_DAMAGE},
)

# --------------------------------------------------------------------------- Bard
BARDIC_DIE: Final = tuple(["d6"] * 4 + ["d8"] * 5 + ["d10"] * 5 + ["d12"] * 6)
BARD = ClassDef(
    id="bard",
    name="Bard",
    hit_die=8,
    primary=("charisma",),
    primary_any=False,
    saves=("dexterity", "charisma"),
    skill_count=3,
    skill_list=None,
    armor=("light",),
    weapons=("simple",),
    tools=(),
    tool_choices=3,
    mc_armor=("light",),
    mc_weapons=(),
    mc_skills=1,
    mc_tools=(),
    mc_tool_choices=1,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Bardic Inspiration"),
        (1, "Spellcasting"),
        (2, "Expertise"),
        (2, "Jack of All Trades"),
        (5, "Font of Inspiration"),
        (7, "Countercharm"),
        (9, "Expertise"),
        (10, "Magical Secrets"),
        (18, "Superior Inspiration"),
        (20, "Words of Creation"),
    ),
    subclass=SubclassDef(
        "lore",
        "College of Lore",
        (
            (3, "Bonus Proficiencies"),
            (3, "Cutting Words"),
            (6, "Magical Discoveries"),
            (14, "Peerless Skill"),
        ),
    ),
    caster="full",
    spell_ability="charisma",
    cantrips=_ints(2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4),
    prepared=_FULL_PREPARED,
    always_prepared=((20, ("power_word_heal", "power_word_kill")),),
    expertise=((2, 2), (9, 2)),
    resources=(
        ResourceDef(
            "bardic_inspiration",
            "Bardic Inspiration",
            "long_rest",
            _mod_min1("charisma"),
            1,
            4,
            die=_die(BARDIC_DIE),
        ),
        ResourceDef(
            "bardic_inspiration",
            "Bardic Inspiration",
            "short_rest",
            _mod_min1("charisma"),
            5,
            20,
            die=_die(BARDIC_DIE),
        ),
    ),
    columns={"bardic_die": BARDIC_DIE},
)

# --------------------------------------------------------------------------- Cleric
CLERIC_CD: Final = _ints(0, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4)
CLERIC = ClassDef(
    id="cleric",
    name="Cleric",
    hit_die=8,
    primary=("wisdom",),
    primary_any=False,
    saves=("wisdom", "charisma"),
    skill_count=2,
    skill_list=("history", "insight", "medicine", "persuasion", "religion"),
    armor=("light", "medium", "shield"),
    weapons=("simple",),
    tools=(),
    tool_choices=0,
    mc_armor=("light", "medium", "shield"),
    mc_weapons=(),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Spellcasting"),
        (1, "Divine Order"),
        (2, "Channel Divinity"),
        (5, "Sear Undead"),
        (7, "Blessed Strikes"),
        (10, "Divine Intervention"),
        (14, "Improved Blessed Strikes"),
        (20, "Greater Divine Intervention"),
    ),
    subclass=SubclassDef(
        "life",
        "Life Domain",
        (
            (3, "Disciple of Life"),
            (3, "Life Domain Spells"),
            (3, "Preserve Life"),
            (6, "Blessed Healer"),
            (17, "Supreme Healing"),
        ),
        always_prepared=(
            (3, ("aid", "bless", "cure_wounds", "lesser_restoration")),
            (5, ("mass_healing_word", "revivify")),
            (7, ("aura_of_life", "death_ward")),
            (9, ("greater_restoration", "mass_cure_wounds")),
        ),
    ),
    caster="full",
    spell_ability="wisdom",
    cantrips=_CANTRIPS_3,
    prepared=_FULL_PREPARED,
    resources=(
        ResourceDef("channel_divinity", "Channel Divinity", "long_rest", _column(CLERIC_CD), 2, short_rest_regain=1),
        ResourceDef("divine_intervention", "Divine Intervention", "long_rest", _fixed(1), 10),
    ),
    columns={"channel_divinity": CLERIC_CD},
)

# --------------------------------------------------------------------------- Druid
WILD_SHAPE: Final = _ints(0, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4)
DRUID = ClassDef(
    id="druid",
    name="Druid",
    hit_die=8,
    primary=("wisdom",),
    primary_any=False,
    saves=("intelligence", "wisdom"),
    skill_count=2,
    skill_list=(
        "animal_handling",
        "arcana",
        "insight",
        "medicine",
        "nature",
        "perception",
        "religion",
        "survival",
    ),
    armor=("light", "shield"),
    weapons=("simple",),
    tools=("herbalism_kit",),
    tool_choices=0,
    mc_armor=("light", "shield"),
    mc_weapons=(),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Spellcasting"),
        (1, "Druidic"),
        (1, "Primal Order"),
        (2, "Wild Shape"),
        (2, "Wild Companion"),
        (5, "Wild Resurgence"),
        (7, "Elemental Fury"),
        (15, "Improved Elemental Fury"),
        (18, "Beast Spells"),
        (20, "Archdruid"),
    ),
    subclass=SubclassDef(
        "land",
        "Circle of the Land",
        (
            (3, "Circle of the Land Spells"),
            (3, "Land's Aid"),
            (6, "Natural Recovery"),
            (10, "Nature's Ward"),
            (14, "Nature's Sanctuary"),
        ),
        resources=(ResourceDef("natural_recovery", "Natural Recovery", "long_rest", _fixed(1), 6),),
    ),
    caster="full",
    spell_ability="wisdom",
    cantrips=_CANTRIPS_2,
    prepared=_FULL_PREPARED,
    always_prepared=((1, ("speak_with_animals",)),),
    resources=(
        ResourceDef("wild_shape", "Wild Shape", "long_rest", _column(WILD_SHAPE), 2, short_rest_regain=1),
        ResourceDef("wild_resurgence", "Wild Resurgence (spell slot)", "long_rest", _fixed(1), 5),
        ResourceDef("nature_magician", "Nature Magician", "long_rest", _fixed(1), 20),
    ),
    languages=("druidic",),
    columns={"wild_shape": WILD_SHAPE},
)

# Circle of the Land Spells tables, by land type.
LAND_SPELLS: Final[dict[str, tuple[tuple[int, tuple[str, ...]], ...]]] = {
    "arid": (
        (3, ("blur", "burning_hands", "fire_bolt")),
        (5, ("fireball",)),
        (7, ("blight",)),
        (9, ("wall_of_stone",)),
    ),
    "polar": (
        (3, ("fog_cloud", "hold_person", "ray_of_frost")),
        (5, ("sleet_storm",)),
        (7, ("ice_storm",)),
        (9, ("cone_of_cold",)),
    ),
    "temperate": (
        (3, ("misty_step", "shocking_grasp", "sleep")),
        (5, ("lightning_bolt",)),
        (7, ("freedom_of_movement",)),
        (9, ("tree_stride",)),
    ),
    "tropical": (
        (3, ("acid_splash", "ray_of_sickness", "web")),
        (5, ("stinking_cloud",)),
        (7, ("polymorph",)),
        (9, ("insect_plague",)),
    ),
}
# Nature's Ward table.
LAND_RESISTANCE: Final = {"arid": "fire", "polar": "cold", "temperate": "lightning", "tropical": "poison"}

# --------------------------------------------------------------------------- Fighter
SECOND_WIND: Final = _ints(2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4)
FIGHTER = ClassDef(
    id="fighter",
    name="Fighter",
    hit_die=10,
    primary=("strength", "dexterity"),
    primary_any=True,
    saves=("strength", "constitution"),
    skill_count=2,
    skill_list=(
        "acrobatics",
        "animal_handling",
        "athletics",
        "history",
        "insight",
        "intimidation",
        "persuasion",
        "perception",
        "survival",
    ),
    armor=("light", "medium", "heavy", "shield"),
    weapons=("simple", "martial"),
    tools=(),
    tool_choices=0,
    mc_armor=("light", "medium", "shield"),
    mc_weapons=("martial",),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=frozenset({4, 6, 8, 12, 14, 16}),
    features=(
        (1, "Fighting Style"),
        (1, "Second Wind"),
        (1, "Weapon Mastery"),
        (2, "Action Surge"),
        (2, "Tactical Mind"),
        (5, "Extra Attack"),
        (5, "Tactical Shift"),
        (9, "Indomitable"),
        (9, "Tactical Master"),
        (11, "Two Extra Attacks"),
        (13, "Studied Attacks"),
        (20, "Three Extra Attacks"),
    ),
    subclass=SubclassDef(
        "champion",
        "Champion",
        (
            (3, "Improved Critical"),
            (3, "Remarkable Athlete"),
            (7, "Additional Fighting Style"),
            (10, "Heroic Warrior"),
            (15, "Superior Critical"),
            (18, "Survivor"),
        ),
    ),
    weapon_mastery=_ints(3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6),
    extra_attack_levels=((5, 2), (11, 3), (20, 4)),
    resources=(
        ResourceDef("second_wind", "Second Wind", "long_rest", _column(SECOND_WIND), short_rest_regain=1),
        ResourceDef("action_surge", "Action Surge", "short_rest", lambda lvl, pb, m: 2 if lvl >= 17 else 1, 2),
        ResourceDef(
            "indomitable",
            "Indomitable",
            "long_rest",
            lambda lvl, pb, m: 3 if lvl >= 17 else 2 if lvl >= 13 else 1,
            9,
        ),
    ),
    columns={"second_wind": SECOND_WIND},
)

# --------------------------------------------------------------------------- Monk
MARTIAL_ARTS: Final = tuple(["d6"] * 4 + ["d8"] * 6 + ["d10"] * 6 + ["d12"] * 4)
FOCUS: Final = _ints(0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
UNARMORED_MOVEMENT: Final = _ints(0, 10, 10, 10, 10, 15, 15, 15, 15, 20, 20, 20, 20, 25, 25, 25, 25, 30, 30, 30)
MONK = ClassDef(
    id="monk",
    name="Monk",
    hit_die=8,
    primary=("dexterity", "wisdom"),
    primary_any=False,
    saves=("strength", "dexterity"),
    skill_count=2,
    skill_list=("acrobatics", "athletics", "history", "insight", "religion", "stealth"),
    armor=(),
    weapons=("simple", "martial_light"),
    tools=(),
    tool_choices=1,
    mc_armor=(),
    mc_weapons=(),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Martial Arts"),
        (1, "Unarmored Defense"),
        (2, "Monk's Focus"),
        (2, "Unarmored Movement"),
        (2, "Uncanny Metabolism"),
        (3, "Deflect Attacks"),
        (4, "Slow Fall"),
        (5, "Extra Attack"),
        (5, "Stunning Strike"),
        (6, "Empowered Strikes"),
        (7, "Evasion"),
        (9, "Acrobatic Movement"),
        (10, "Heightened Focus"),
        (10, "Self-Restoration"),
        (13, "Deflect Energy"),
        (14, "Disciplined Survivor"),
        (15, "Perfect Focus"),
        (18, "Superior Defense"),
        (20, "Body and Mind"),
    ),
    subclass=SubclassDef(
        "open_hand",
        "Warrior of the Open Hand",
        ((3, "Open Hand Technique"), (6, "Wholeness of Body"), (11, "Fleet Step"), (17, "Quivering Palm")),
        resources=(ResourceDef("wholeness_of_body", "Wholeness of Body", "long_rest", _mod_min1("wisdom"), 6),),
    ),
    extra_attack_levels=((5, 2),),
    resources=(
        ResourceDef("focus_points", "Focus Points", "short_rest", _column(FOCUS), 2),
        ResourceDef("uncanny_metabolism", "Uncanny Metabolism", "long_rest", _fixed(1), 2),
    ),
    columns={"martial_arts": MARTIAL_ARTS, "focus_points": FOCUS, "unarmored_movement": UNARMORED_MOVEMENT},
)

# --------------------------------------------------------------------------- Paladin
PALADIN_CD: Final = _ints(0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3)
PALADIN = ClassDef(
    id="paladin",
    name="Paladin",
    hit_die=10,
    primary=("strength", "charisma"),
    primary_any=False,
    saves=("wisdom", "charisma"),
    skill_count=2,
    skill_list=("athletics", "insight", "intimidation", "medicine", "persuasion", "religion"),
    armor=("light", "medium", "heavy", "shield"),
    weapons=("simple", "martial"),
    tools=(),
    tool_choices=0,
    mc_armor=("light", "medium", "shield"),
    mc_weapons=("martial",),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Lay On Hands"),
        (1, "Spellcasting"),
        (1, "Weapon Mastery"),
        (2, "Fighting Style"),
        (2, "Paladin's Smite"),
        (3, "Channel Divinity"),
        (5, "Extra Attack"),
        (5, "Faithful Steed"),
        (6, "Aura of Protection"),
        (9, "Abjure Foes"),
        (10, "Aura of Courage"),
        (11, "Radiant Strikes"),
        (14, "Restoring Touch"),
        (18, "Aura Expansion"),
    ),
    subclass=SubclassDef(
        "devotion",
        "Oath of Devotion",
        (
            (3, "Oath of Devotion Spells"),
            (3, "Sacred Weapon"),
            (7, "Aura of Devotion"),
            (15, "Smite of Protection"),
            (20, "Holy Nimbus"),
        ),
        always_prepared=(
            (3, ("protection_from_evil_and_good", "shield_of_faith")),
            (5, ("aid", "zone_of_truth")),
            (9, ("beacon_of_hope", "dispel_magic")),
            (13, ("freedom_of_movement", "guardian_of_faith")),
            (17, ("commune", "flame_strike")),
        ),
        resources=(ResourceDef("holy_nimbus", "Holy Nimbus", "long_rest", _fixed(1), 20),),
    ),
    caster="half",
    spell_ability="charisma",
    prepared=_HALF_PREPARED,
    weapon_mastery=_ints(*([2] * 20)),
    always_prepared=((2, ("divine_smite",)), (5, ("find_steed",))),
    extra_attack_levels=((5, 2),),
    resources=(
        ResourceDef("lay_on_hands", "Lay On Hands", "long_rest", lambda lvl, pb, m: 5 * lvl),
        ResourceDef("paladins_smite", "Paladin's Smite (free Divine Smite)", "long_rest", _fixed(1), 2),
        ResourceDef("channel_divinity", "Channel Divinity", "long_rest", _column(PALADIN_CD), 3, short_rest_regain=1),
        ResourceDef("faithful_steed", "Faithful Steed (free Find Steed)", "long_rest", _fixed(1), 5),
    ),
    columns={"channel_divinity": PALADIN_CD},
)

# --------------------------------------------------------------------------- Ranger
FAVORED_ENEMY: Final = _ints(2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6)
RANGER = ClassDef(
    id="ranger",
    name="Ranger",
    hit_die=10,
    primary=("dexterity", "wisdom"),
    primary_any=False,
    saves=("strength", "dexterity"),
    skill_count=3,
    skill_list=(
        "animal_handling",
        "athletics",
        "insight",
        "investigation",
        "nature",
        "perception",
        "stealth",
        "survival",
    ),
    armor=("light", "medium", "shield"),
    weapons=("simple", "martial"),
    tools=(),
    tool_choices=0,
    mc_armor=("light", "medium", "shield"),
    mc_weapons=("martial",),
    mc_skills=1,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Spellcasting"),
        (1, "Favored Enemy"),
        (1, "Weapon Mastery"),
        (2, "Deft Explorer"),
        (2, "Fighting Style"),
        (5, "Extra Attack"),
        (6, "Roving"),
        (9, "Expertise"),
        (10, "Tireless"),
        (13, "Relentless Hunter"),
        (14, "Nature's Veil"),
        (17, "Precise Hunter"),
        (18, "Feral Senses"),
        (20, "Foe Slayer"),
    ),
    subclass=SubclassDef(
        "hunter",
        "Hunter",
        (
            (3, "Hunter's Lore"),
            (3, "Hunter's Prey"),
            (7, "Defensive Tactics"),
            (11, "Superior Hunter's Prey"),
            (15, "Superior Hunter's Defense"),
        ),
    ),
    caster="half",
    spell_ability="wisdom",
    prepared=_HALF_PREPARED,
    weapon_mastery=_ints(*([2] * 20)),
    always_prepared=((1, ("hunters_mark",)),),
    expertise=((2, 1), (9, 2)),
    extra_attack_levels=((5, 2),),
    resources=(
        ResourceDef("favored_enemy", "Favored Enemy (free Hunter's Mark)", "long_rest", _column(FAVORED_ENEMY)),
        ResourceDef("tireless", "Tireless", "long_rest", _mod_min1("wisdom"), 10),
        ResourceDef("natures_veil", "Nature's Veil", "long_rest", _mod_min1("wisdom"), 14),
    ),
    language_choices=((2, 2),),
    columns={"favored_enemy": FAVORED_ENEMY},
)

# --------------------------------------------------------------------------- Rogue
SNEAK_ATTACK: Final = _ints(1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10)
ROGUE = ClassDef(
    id="rogue",
    name="Rogue",
    hit_die=8,
    primary=("dexterity",),
    primary_any=False,
    saves=("dexterity", "intelligence"),
    skill_count=4,
    skill_list=(
        "acrobatics",
        "athletics",
        "deception",
        "insight",
        "intimidation",
        "investigation",
        "perception",
        "persuasion",
        "sleight_of_hand",
        "stealth",
    ),
    armor=("light",),
    weapons=("simple", "martial_finesse_or_light"),
    tools=("thieves_tools",),
    tool_choices=0,
    mc_armor=("light",),
    mc_weapons=(),
    mc_skills=1,
    mc_tools=("thieves_tools",),
    mc_tool_choices=0,
    asi_levels=frozenset({4, 8, 10, 12, 16}),
    features=(
        (1, "Expertise"),
        (1, "Sneak Attack"),
        (1, "Thieves' Cant"),
        (1, "Weapon Mastery"),
        (2, "Cunning Action"),
        (3, "Steady Aim"),
        (5, "Cunning Strike"),
        (5, "Uncanny Dodge"),
        (6, "Expertise"),
        (7, "Evasion"),
        (7, "Reliable Talent"),
        (11, "Improved Cunning Strike"),
        (14, "Devious Strikes"),
        (15, "Slippery Mind"),
        (18, "Elusive"),
        (20, "Stroke of Luck"),
    ),
    subclass=SubclassDef(
        "thief",
        "Thief",
        (
            (3, "Fast Hands"),
            (3, "Second-Story Work"),
            (9, "Supreme Sneak"),
            (13, "Use Magic Device"),
            (17, "Thief's Reflexes"),
        ),
    ),
    weapon_mastery=_ints(*([2] * 20)),
    expertise=((1, 2), (6, 2)),
    resources=(ResourceDef("stroke_of_luck", "Stroke of Luck", "short_rest", _fixed(1), 20),),
    languages=("thieves_cant",),
    language_choices=((1, 1),),
    columns={"sneak_attack": SNEAK_ATTACK},
)

# --------------------------------------------------------------------------- Sorcerer
SORCERY_POINTS: Final = _ints(0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)
SORCERER = ClassDef(
    id="sorcerer",
    name="Sorcerer",
    hit_die=6,
    primary=("charisma",),
    primary_any=False,
    saves=("constitution", "charisma"),
    skill_count=2,
    skill_list=("arcana", "deception", "insight", "intimidation", "persuasion", "religion"),
    armor=(),
    weapons=("simple",),
    tools=(),
    tool_choices=0,
    mc_armor=(),
    mc_weapons=(),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Spellcasting"),
        (1, "Innate Sorcery"),
        (2, "Font of Magic"),
        (2, "Metamagic"),
        (5, "Sorcerous Restoration"),
        (7, "Sorcery Incarnate"),
        (10, "Metamagic"),
        (17, "Metamagic"),
        (20, "Arcane Apotheosis"),
    ),
    subclass=SubclassDef(
        "draconic",
        "Draconic Sorcery",
        (
            (3, "Draconic Resilience"),
            (3, "Draconic Spells"),
            (6, "Elemental Affinity"),
            (14, "Dragon Wings"),
            (18, "Dragon Companion"),
        ),
        always_prepared=(
            (3, ("alter_self", "chromatic_orb", "command", "dragons_breath")),
            (5, ("fear", "fly")),
            (7, ("arcane_eye", "charm_monster")),
            (9, ("legend_lore", "summon_dragon")),
        ),
        resources=(
            ResourceDef("dragon_wings", "Dragon Wings", "long_rest", _fixed(1), 14),
            ResourceDef("dragon_companion", "Dragon Companion (free Summon Dragon)", "long_rest", _fixed(1), 18),
        ),
    ),
    caster="full",
    spell_ability="charisma",
    cantrips=_ints(4, 4, 4, 5, 5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6),
    prepared=_ints(2, 4, 6, 7, 9, 10, 11, 12, 14, 15, 16, 16, 17, 17, 18, 18, 19, 20, 21, 22),
    resources=(
        ResourceDef("innate_sorcery", "Innate Sorcery", "long_rest", _fixed(2)),
        ResourceDef("sorcery_points", "Sorcery Points", "long_rest", _column(SORCERY_POINTS), 2),
        ResourceDef("sorcerous_restoration", "Sorcerous Restoration", "long_rest", _fixed(1), 5),
    ),
    columns={"sorcery_points": SORCERY_POINTS},
)

# --------------------------------------------------------------------------- Warlock
INVOCATIONS: Final = _ints(1, 3, 3, 3, 5, 5, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10)
WARLOCK = ClassDef(
    id="warlock",
    name="Warlock",
    hit_die=8,
    primary=("charisma",),
    primary_any=False,
    saves=("wisdom", "charisma"),
    skill_count=2,
    skill_list=("arcana", "deception", "history", "intimidation", "investigation", "nature", "religion"),
    armor=("light",),
    weapons=("simple",),
    tools=(),
    tool_choices=0,
    mc_armor=("light",),
    mc_weapons=(),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Eldritch Invocations"),
        (1, "Pact Magic"),
        (2, "Magical Cunning"),
        (9, "Contact Patron"),
        (11, "Mystic Arcanum (level 6 spell)"),
        (13, "Mystic Arcanum (level 7 spell)"),
        (15, "Mystic Arcanum (level 8 spell)"),
        (17, "Mystic Arcanum (level 9 spell)"),
        (20, "Eldritch Master"),
    ),
    subclass=SubclassDef(
        "fiend",
        "Fiend Patron",
        (
            (3, "Dark One's Blessing"),
            (3, "Fiend Spells"),
            (6, "Dark One's Own Luck"),
            (10, "Fiendish Resilience"),
            (14, "Hurl Through Hell"),
        ),
        always_prepared=(
            (3, ("burning_hands", "command", "scorching_ray", "suggestion")),
            (5, ("fireball", "stinking_cloud")),
            (7, ("fire_shield", "wall_of_fire")),
            (9, ("geas", "insect_plague")),
        ),
        resources=(
            ResourceDef("dark_ones_own_luck", "Dark One's Own Luck", "long_rest", _mod_min1("charisma"), 6),
            ResourceDef("hurl_through_hell", "Hurl Through Hell", "long_rest", _fixed(1), 14),
        ),
    ),
    caster="pact",
    spell_ability="charisma",
    cantrips=_CANTRIPS_2,
    prepared=_ints(2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 11, 12, 12, 13, 13, 14, 14, 15, 15),
    always_prepared=((9, ("contact_other_plane",)),),
    resources=(
        ResourceDef("magical_cunning", "Magical Cunning", "long_rest", _fixed(1), 2),
        ResourceDef("contact_patron", "Contact Patron", "long_rest", _fixed(1), 9),
        ResourceDef("mystic_arcanum_6", "Mystic Arcanum (level 6)", "long_rest", _fixed(1), 11),
        ResourceDef("mystic_arcanum_7", "Mystic Arcanum (level 7)", "long_rest", _fixed(1), 13),
        ResourceDef("mystic_arcanum_8", "Mystic Arcanum (level 8)", "long_rest", _fixed(1), 15),
        ResourceDef("mystic_arcanum_9", "Mystic Arcanum (level 9)", "long_rest", _fixed(1), 17),
    ),
    columns={"invocations": INVOCATIONS},
)

# --------------------------------------------------------------------------- Wizard
WIZARD = ClassDef(
    id="wizard",
    name="Wizard",
    hit_die=6,
    primary=("intelligence",),
    primary_any=False,
    saves=("intelligence", "wisdom"),
    skill_count=2,
    skill_list=("arcana", "history", "insight", "investigation", "medicine", "nature", "religion"),
    armor=(),
    weapons=("simple",),
    tools=(),
    tool_choices=0,
    mc_armor=(),
    mc_weapons=(),
    mc_skills=0,
    mc_tools=(),
    mc_tool_choices=0,
    asi_levels=STANDARD_ASI,
    features=(
        (1, "Spellcasting"),
        (1, "Ritual Adept"),
        (1, "Arcane Recovery"),
        (2, "Scholar"),
        (5, "Memorize Spell"),
        (18, "Spell Mastery"),
        (20, "Signature Spells"),
    ),
    subclass=SubclassDef(
        "evoker",
        "Evoker",
        (
            (3, "Evocation Savant"),
            (3, "Potent Cantrip"),
            (6, "Sculpt Spells"),
            (10, "Empowered Evocation"),
            (14, "Overchannel"),
        ),
    ),
    caster="full",
    spell_ability="intelligence",
    cantrips=_CANTRIPS_3,
    prepared=_ints(4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 16, 17, 18, 19, 21, 22, 23, 24, 25),
    expertise=((2, 1),),
    resources=(ResourceDef("arcane_recovery", "Arcane Recovery", "long_rest", _fixed(1)),),
)

CLASSES: Final[dict[str, ClassDef]] = {
    c.id: c
    for c in (
        BARBARIAN,
        BARD,
        CLERIC,
        DRUID,
        FIGHTER,
        MONK,
        PALADIN,
        RANGER,
        ROGUE,
        SORCERER,
        WARLOCK,
        WIZARD,
    )
}

# Wizard Scholar: the skills eligible for its Expertise.
SCHOLAR_SKILLS: Final = frozenset({"arcana", "history", "investigation", "medicine", "nature", "religion"})

# Class options chosen at level 1 (Divine Order, Primal Order) and later.
CLASS_OPTIONS: Final[dict[str, dict[str, tuple[int, frozenset[str]]]]] = {
    "cleric": {
        "divine_order": (1, frozenset({"protector", "thaumaturge"})),
        "blessed_strikes": (7, frozenset({"divine_strike", "potent_spellcasting"})),
    },
    "druid": {
        "primal_order": (1, frozenset({"magician", "warden"})),
        "elemental_fury": (7, frozenset({"potent_spellcasting", "primal_strike"})),
        "land": (3, frozenset(LAND_SPELLS)),
    },
    "sorcerer": {"elemental_affinity": (6, frozenset({"acid", "cold", "fire", "lightning", "poison"}))},
    "ranger": {
        "hunters_prey": (3, frozenset({"colossus_slayer", "horde_breaker"})),
        "defensive_tactics": (7, frozenset({"escape_the_horde", "multiattack_defense"})),
    },
    "warlock": {
        "fiendish_resilience": (
            10,
            frozenset(
                {
                    "acid",
                    "bludgeoning",
                    "cold",
                    "fire",
                    "lightning",
                    "necrotic",
                    "piercing",
                    "poison",
                    "psychic",
                    "radiant",
                    "slashing",
                    "thunder",
                }
            ),
        )
    },
}

# Eldritch Invocations: id -> minimum Warlock level (prerequisite level).
INVOCATION_LEVELS: Final[dict[str, int]] = {
    "agonizing_blast": 2,
    "armor_of_shadows": 1,
    "ascendant_step": 5,
    "devils_sight": 2,
    "devouring_blade": 12,
    "eldritch_mind": 1,
    "eldritch_smite": 5,
    "eldritch_spear": 2,
    "fiendish_vigor": 2,
    "gaze_of_two_minds": 5,
    "gift_of_the_depths": 5,
    "gift_of_the_protectors": 9,
    "investment_of_the_chain_master": 5,
    "lessons_of_the_first_ones": 2,
    "lifedrinker": 9,
    "mask_of_many_faces": 2,
    "master_of_myriad_forms": 5,
    "misty_visions": 2,
    "one_with_shadows": 5,
    "otherworldly_leap": 2,
    "pact_of_the_blade": 1,
    "pact_of_the_chain": 1,
    "pact_of_the_tome": 1,
    "repelling_blast": 2,
    "thirsting_blade": 5,
    "visions_of_distant_realms": 9,
    "whispers_of_the_grave": 7,
    "witch_sight": 15,
}
REPEATABLE_INVOCATIONS: Final = frozenset(
    {"agonizing_blast", "eldritch_spear", "lessons_of_the_first_ones", "repelling_blast"}
)


# Fixed Hit Points by Class table: die / 2 + 1.
def fixed_hp(hit_die: int) -> int:
    """Return the fixed Hit Points per level after 1st for a Hit Point Die size."""
    return hit_die // 2 + 1
