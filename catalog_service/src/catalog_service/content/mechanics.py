"""Structured mechanics per content type: one pydantic model each, validated on every write.

Numbers are the facts the rules engine and the balance checks work with; descriptions stay prose.
Models forbid unknown fields so a homebrew typo (``damage_dice`` for ``damage``) is a 422, not
silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dnd_shared.errors import ErrorDetail, UnprocessableError

ContentType = Literal[
    "spell",
    "creature",
    "magic_item",
    "weapon",
    "armor",
    "gear",
    "tool",
    "feat",
    "species",
    "class",
    "subclass",
    "background",
    "condition",
]
CONTENT_TYPES: tuple[ContentType, ...] = (
    "spell",
    "creature",
    "magic_item",
    "weapon",
    "armor",
    "gear",
    "tool",
    "feat",
    "species",
    "class",
    "subclass",
    "background",
    "condition",
)

Ability = Literal["strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma"]
ABILITIES: tuple[Ability, ...] = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")
DamageType = Literal[
    "acid",
    "bludgeoning",
    "cold",
    "fire",
    "force",
    "lightning",
    "necrotic",
    "piercing",
    "poison",
    "psychic",
    "radiant",
    "slashing",
    "thunder",
]
DAMAGE_TYPES: tuple[str, ...] = (
    "acid",
    "bludgeoning",
    "cold",
    "fire",
    "force",
    "lightning",
    "necrotic",
    "piercing",
    "poison",
    "psychic",
    "radiant",
    "slashing",
    "thunder",
)
School = Literal[
    "abjuration", "conjuration", "divination", "enchantment", "evocation", "illusion", "necromancy", "transmutation"
]
Size = Literal["tiny", "small", "medium", "large", "huge", "gargantuan"]
Rarity = Literal["common", "uncommon", "rare", "very_rare", "legendary", "artifact"]
RARITIES: tuple[Rarity, ...] = ("common", "uncommon", "rare", "very_rare", "legendary", "artifact")
Dice = Annotated[str, Field(pattern=r"^\d{1,3}d(4|6|8|10|12|20|100)( ?[+-] ?\d{1,3})?$", max_length=20)]
#: Weapon damage: dice, or a flat number (the Blowgun deals 1).
WeaponDice = Annotated[str, Field(pattern=r"^(\d{1,3}d(4|6|8|10|12|20)|\d{1,2})$", max_length=10)]
ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=20_000)]


class Mechanics(BaseModel):
    """Base of every per-type model: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class DamageRoll(Mechanics):
    dice: Dice
    type: DamageType


class Area(Mechanics):
    shape: Literal["sphere", "cone", "cube", "line", "emanation", "cylinder"]
    size_ft: int = Field(ge=1, le=5280)


class SpellMechanics(Mechanics):
    level: int = Field(ge=0, le=9)
    school: School
    casting_time: ShortText
    ritual: bool = False
    concentration: bool = False
    range: ShortText
    range_feet: int | None = Field(default=None, ge=0)
    components: list[Literal["V", "S", "M"]] = Field(default_factory=list)
    material: ShortText | None = None
    duration: ShortText
    classes: list[ShortText] = Field(default_factory=list)
    damage: list[DamageRoll] = Field(default_factory=list)
    upcast_dice: Dice | None = None
    save: Ability | None = None
    attack: Literal["melee", "ranged"] | None = None
    area: Area | None = None
    conditions: list[ShortText] = Field(default_factory=list)


class CreatureAction(Mechanics):
    name: ShortText
    text: LongText = ""
    attack_bonus: int | None = Field(default=None, ge=-5, le=30)
    damage: list[DamageRoll] = Field(default_factory=list)
    save_dc: int | None = Field(default=None, ge=1, le=40)


class CreatureMechanics(Mechanics):
    size: Size
    creature_type: ShortText
    subtype: ShortText | None = None
    alignment: ShortText = "Unaligned"
    ac: int = Field(ge=1, le=40)
    hp: int = Field(ge=1, le=2000)
    hp_formula: ShortText | None = None
    speed: dict[str, int] = Field(default_factory=dict)
    abilities: dict[Ability, int]
    cr: ShortText
    cr_value: float = Field(ge=0, le=30)
    xp: int = Field(ge=0)
    proficiency_bonus: int = Field(ge=2, le=9)
    saving_throws: dict[Ability, int] = Field(default_factory=dict)
    skills: dict[str, int] = Field(default_factory=dict)
    senses: dict[str, int] = Field(default_factory=dict)
    languages: list[ShortText] = Field(default_factory=list)
    damage_resistances: list[ShortText] = Field(default_factory=list)
    damage_immunities: list[ShortText] = Field(default_factory=list)
    damage_vulnerabilities: list[ShortText] = Field(default_factory=list)
    condition_immunities: list[ShortText] = Field(default_factory=list)
    traits: list[CreatureAction] = Field(default_factory=list)
    actions: list[CreatureAction] = Field(default_factory=list)
    bonus_actions: list[CreatureAction] = Field(default_factory=list)
    reactions: list[CreatureAction] = Field(default_factory=list)
    legendary_actions: list[CreatureAction] = Field(default_factory=list)


ItemCategory = Literal["armor", "potion", "ring", "rod", "scroll", "staff", "wand", "weapon", "wondrous_item"]


class MagicItemMechanics(Mechanics):
    category: ItemCategory
    rarity: Rarity
    rarity_varies: bool = False
    attunement: bool = False
    attunement_requirement: ShortText | None = None
    #: The +N to attack/damage rolls (weapons, ammunition), to AC (armor, shields, protection items)
    #: or to spell attacks/DCs (foci such as a wand of the war mage).
    bonus: int | None = Field(default=None, ge=1, le=10)
    bonus_applies_to: Literal["weapon", "armor", "shield", "ac", "spell"] | None = None
    consumable: bool = False
    charges: int | None = Field(default=None, ge=1, le=100)
    base_item: ShortText | None = None
    type_line: ShortText | None = None


WeaponProperty = Literal[
    "ammunition", "finesse", "heavy", "light", "loading", "range", "reach", "thrown", "two-handed", "versatile"
]
Mastery = Literal["cleave", "graze", "nick", "push", "sap", "slow", "topple", "vex"]


class WeaponMechanics(Mechanics):
    category: Literal["simple", "martial"]
    kind: Literal["melee", "ranged"]
    damage_dice: WeaponDice
    damage_type: Literal["bludgeoning", "piercing", "slashing"]
    properties: list[WeaponProperty] = Field(default_factory=list)
    versatile_dice: Dice | None = None
    range_normal: int | None = Field(default=None, ge=5)
    range_long: int | None = Field(default=None, ge=5)
    ammunition: ShortText | None = None
    mastery: Mastery
    weight_lb: float = Field(ge=0)
    cost_gp: float = Field(ge=0)


class ArmorMechanics(Mechanics):
    category: Literal["light", "medium", "heavy", "shield"]
    base_ac: int = Field(ge=1, le=30)
    adds_dex: bool
    dex_cap: int | None = Field(default=None, ge=0, le=10)
    strength_requirement: int | None = Field(default=None, ge=1, le=30)
    stealth_disadvantage: bool = False
    weight_lb: float = Field(ge=0)
    cost_gp: float = Field(ge=0)
    don_minutes: float | None = Field(default=None, ge=0)
    doff_minutes: float | None = Field(default=None, ge=0)


class PackItem(Mechanics):
    name: ShortText
    quantity: int = Field(default=1, ge=1)


class GearMechanics(Mechanics):
    category: Literal["adventuring_gear", "ammunition", "arcane_focus", "druidic_focus", "holy_symbol", "pack"]
    cost_gp: float = Field(ge=0)
    weight_lb: float | None = Field(default=None, ge=0)
    contents: list[PackItem] = Field(default_factory=list)
    save_dc: int | None = Field(default=None, ge=1, le=30)
    damage: list[DamageRoll] = Field(default_factory=list)


class ToolUse(Mechanics):
    action: ShortText
    dc: int = Field(ge=1, le=30)


class ToolMechanics(Mechanics):
    category: Literal["artisans_tools", "gaming_set", "musical_instrument", "other_tools"]
    ability: Ability
    cost_gp: float = Field(ge=0)
    weight_lb: float | None = Field(default=None, ge=0)
    utilize: list[ToolUse] = Field(default_factory=list)
    crafts: list[ShortText] = Field(default_factory=list)


FeatBenefitKind = Literal[
    "ability_increase",
    "skill_proficiency",
    "tool_proficiency",
    "weapon_proficiency",
    "armor_training",
    "expertise",
    "spell",
    "resistance",
    "advantage",
    "speed",
    "hit_points",
    "armor_class",
    "attack_bonus",
    "damage_bonus",
    "extra_attack",
    "reroll",
    "other",
]


class FeatBenefit(Mechanics):
    kind: FeatBenefitKind
    #: How much: +1 ability, +2 AC, 10 ft of speed, 2 skills, 1 spell level... (1 when unspecified).
    amount: float = Field(default=1, ge=0, le=100)
    detail: ShortText = ""


class FeatMechanics(Mechanics):
    category: Literal["origin", "general", "fighting_style", "epic_boon"]
    prerequisite: ShortText | None = None
    min_level: int = Field(default=1, ge=1, le=20)
    repeatable: bool = False
    ability_increase_choices: list[Ability] = Field(default_factory=list)
    ability_increase_amount: int = Field(default=0, ge=0, le=4)
    ability_increase_max: int = Field(default=20, ge=20, le=30)
    benefits: list[FeatBenefit] = Field(default_factory=list)


SpeciesTraitKind = Literal[
    "darkvision",
    "resistance",
    "spellcasting",
    "skill_proficiency",
    "breath_weapon",
    "flight",
    "speed",
    "hit_points",
    "advantage",
    "size_change",
    "extra_feat",
    "other",
]


class SpeciesTrait(Mechanics):
    name: ShortText
    kind: SpeciesTraitKind = "other"
    #: Range in feet (darkvision), damage types count (resistance), feet of speed... (1 if unspecified).
    amount: float = Field(default=1, ge=0, le=1000)
    description: LongText = ""


class SpeciesMechanics(Mechanics):
    creature_type: ShortText = "Humanoid"
    sizes: list[Size]
    speed: int = Field(ge=0, le=120)
    darkvision: int | None = Field(default=None, ge=0, le=300)
    traits: list[SpeciesTrait] = Field(default_factory=list)


class ClassFeature(Mechanics):
    level: int = Field(ge=1, le=20)
    name: ShortText
    description: LongText = ""


class ClassMechanics(Mechanics):
    hit_die: Literal["d6", "d8", "d10", "d12"]
    primary_ability: ShortText
    saving_throws: list[Ability]
    skill_proficiencies: ShortText = ""
    weapon_proficiencies: ShortText = ""
    armor_training: ShortText = ""
    tool_proficiencies: ShortText = ""
    starting_equipment: LongText = ""
    spellcasting_type: Literal["full_caster", "half_caster", "pact_caster", "third_caster"] | None = None
    spellcasting_ability: Ability | None = None
    subclass_level: int = Field(default=3, ge=1, le=20)
    subclasses: list[ShortText] = Field(default_factory=list)
    features: list[ClassFeature] = Field(default_factory=list)


class SubclassMechanics(Mechanics):
    class_name: ShortText
    features: list[ClassFeature] = Field(default_factory=list)


class BackgroundMechanics(Mechanics):
    ability_scores: list[Ability]
    feat: ShortText
    skill_proficiencies: list[ShortText]
    tool_proficiency: ShortText
    equipment: LongText = ""


class ConditionMechanics(Mechanics):
    """2024 condition mechanics (Rules Glossary), as effects a rules engine can apply."""

    incapacitated: bool = False
    speed_zero: bool = False
    cant_see: bool = False
    cant_hear: bool = False
    cant_speak: bool = False
    attacks_against: Literal["advantage", "disadvantage"] | None = None
    own_attacks: Literal["advantage", "disadvantage"] | None = None
    ability_checks: Literal["disadvantage"] | None = None
    auto_fail_saves: list[Ability] = Field(default_factory=list)
    save_disadvantage: list[Ability] = Field(default_factory=list)
    auto_crit_within_ft: int | None = None
    resistance_all_damage: bool = False
    immune_conditions: list[ShortText] = Field(default_factory=list)
    implies: list[ShortText] = Field(default_factory=list)
    initiative: Literal["advantage", "disadvantage"] | None = None
    #: Exhaustion: levels stack to ``max_levels`` (death), each level costs d20 tests and speed.
    max_levels: int | None = None
    d20_penalty_per_level: int | None = None
    speed_penalty_per_level_ft: int | None = None
    removed_by: ShortText | None = None
    effects: list[ShortText] = Field(default_factory=list)


MECHANICS_MODELS: dict[str, type[Mechanics]] = {
    "spell": SpellMechanics,
    "creature": CreatureMechanics,
    "magic_item": MagicItemMechanics,
    "weapon": WeaponMechanics,
    "armor": ArmorMechanics,
    "gear": GearMechanics,
    "tool": ToolMechanics,
    "feat": FeatMechanics,
    "species": SpeciesMechanics,
    "class": ClassMechanics,
    "subclass": SubclassMechanics,
    "background": BackgroundMechanics,
    "condition": ConditionMechanics,
}


def validate_mechanics(content_type: str, data: dict[str, Any], *, field: str = "mechanics") -> Mechanics:
    """Parse ``data`` with the type's model; every problem is a 422 detail under ``field``."""
    model = MECHANICS_MODELS[content_type]
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        details = []
        for error in exc.errors():
            path = ".".join(str(part) for part in error.get("loc", ()))
            details.append(ErrorDetail(f"{field}.{path}" if path else field, str(error.get("msg", "invalid"))))
        raise UnprocessableError(
            f"The {content_type.replace('_', ' ')} mechanics are not valid.",
            code="invalid_mechanics",
            details=details,
        ) from exc
