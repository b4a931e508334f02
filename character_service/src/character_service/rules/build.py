"""The editable character build (input model).

A ``Build`` holds only player choices; every number on the sheet is derived
from it by :func:`character_service.rules.sheet.compute_sheet`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Ability = Literal["strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma"]
FeatSource = Literal["background", "class", "epic_boon", "species"]
ScoreMethod = Literal["standard_array", "point_buy", "rolled", "manual"]
ChoiceValue = str | int | list[str] | dict[str, int]

_MODEL = ConfigDict(extra="forbid", frozen=True)


class SpeciesChoice(BaseModel):
    """Species, with its lineage/legacy/ancestry and size where chosen."""

    model_config = _MODEL

    id: str
    lineage: str | None = None
    size: Literal["small", "medium"] | None = None
    skill: str | None = None  # Human Skillful / Elf Keen Senses
    spellcasting_ability: Literal["intelligence", "wisdom", "charisma"] | None = None


class BackgroundChoice(BaseModel):
    """Background and its ability increases; ``custom`` uses the custom-background rule."""

    model_config = _MODEL

    id: str
    ability_increases: dict[Ability, int] = Field(default_factory=dict)
    # Only for the custom background (09_GameplayToolbox.md):
    abilities: list[Ability] | None = None
    skills: list[str] | None = None
    tool: str | None = None
    feat: str | None = None
    equipment_choice: Literal["package", "gold"] = "package"


class ClassEntry(BaseModel):
    """Levels taken in one class; the first entry of ``Build.classes`` is the starting class."""

    model_config = _MODEL

    id: str
    level: int = Field(ge=1, le=20)
    subclass: str | None = None
    hp_rolls: list[int] = Field(default_factory=list)
    # Class options such as divine_order, primal_order, land, elemental_affinity,
    # blessed_strikes, elemental_fury, invocations (list), skills (Lore bonus skills).
    options: dict[str, str | list[str]] = Field(default_factory=dict)


class AbilityScores(BaseModel):
    """How the six base scores were generated (before background and feats)."""

    model_config = _MODEL

    method: ScoreMethod
    base: dict[Ability, int]
    rolls: list[list[int]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _six(self) -> AbilityScores:
        missing = {"strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma"} - set(self.base)
        if missing:
            raise ValueError(f"base scores missing: {', '.join(sorted(missing))}")
        return self


class FeatEntry(BaseModel):
    """A feat and where it came from.

    ``level`` is the class level at which it was taken and ``class_id`` the
    class (defaults to the starting class) for class feats and epic boons.
    ``choices`` keys: ``ability_increases`` (dict), ``skills``/``tools`` (Skilled),
    ``spell_list``/``ability``/``cantrips``/``spell`` (Magic Initiate).
    """

    model_config = _MODEL

    id: str
    source: FeatSource
    level: int | None = None
    class_id: str | None = None
    choices: dict[str, ChoiceValue] = Field(default_factory=dict)


class InlineItem(BaseModel):
    """An item not in the catalog, optionally based on a catalog weapon/armor."""

    model_config = _MODEL

    name: str
    category: Literal["weapon", "armor", "shield", "gear", "wondrous"] = "gear"
    base: str | None = None
    magic_bonus: int = 0
    ac_bonus: int = 0
    save_bonus: int = 0
    requires_attunement: bool = False
    weight_lb: float = Field(default=0, ge=0, le=100_000)
    #: The catalog entry this item's mechanics were snapshotted from (its root, for adaptations).
    catalog_id: str | None = Field(default=None, max_length=64)


class EquipmentEntry(BaseModel):
    """A carried item: either a catalog ``item_id`` or an inline ``item``."""

    model_config = _MODEL

    item_id: str | None = None
    item: InlineItem | None = None
    quantity: int = Field(default=1, ge=0)
    equipped: bool = False
    attuned: bool = False

    @model_validator(mode="after")
    def _one_of(self) -> EquipmentEntry:
        if (self.item_id is None) == (self.item is None):
            raise ValueError("give exactly one of item_id or item")
        return self


class Currency(BaseModel):
    """Coins carried."""

    model_config = _MODEL

    cp: int = Field(default=0, ge=0)
    sp: int = Field(default=0, ge=0)
    ep: int = Field(default=0, ge=0)
    gp: int = Field(default=0, ge=0)
    pp: int = Field(default=0, ge=0)


class Spells(BaseModel):
    """Chosen spells, keyed by class id."""

    model_config = _MODEL

    cantrips: dict[str, list[str]] = Field(default_factory=dict)
    prepared: dict[str, list[str]] = Field(default_factory=dict)
    spellbook: list[str] = Field(default_factory=list)


class Personality(BaseModel):
    """Roleplaying notes."""

    model_config = _MODEL

    traits: str = ""
    ideals: str = ""
    bonds: str = ""
    flaws: str = ""


SkillId = Annotated[str, Field(min_length=1, max_length=40)]


class Build(BaseModel):
    """Everything a player chooses for a character (2024 rules only)."""

    model_config = _MODEL

    name: str = ""
    rules_version: Literal["2024"] = "2024"
    species: SpeciesChoice
    background: BackgroundChoice
    classes: list[ClassEntry] = Field(min_length=1)
    ability_scores: AbilityScores
    skill_proficiencies: list[SkillId] = Field(default_factory=list)
    expertise: list[SkillId] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    tool_proficiencies: list[str] = Field(default_factory=list)
    feats: list[FeatEntry] = Field(default_factory=list)
    fighting_styles: list[str] = Field(default_factory=list)
    weapon_masteries: list[str] = Field(default_factory=list)
    equipment: list[EquipmentEntry] = Field(default_factory=list)
    currency: Currency = Field(default_factory=Currency)
    spells: Spells = Field(default_factory=Spells)
    personality: Personality = Field(default_factory=Personality)
    appearance: str = ""
    backstory: str = ""
    alignment: str = ""
    xp: int = Field(default=0, ge=0)

    @property
    def level(self) -> int:
        """Total character level (sum of class levels)."""
        return sum(c.level for c in self.classes)
