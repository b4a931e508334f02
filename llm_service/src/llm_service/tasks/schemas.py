"""Input and output models of every generation task.

Outputs are *proposals*: the rules engine (character service) decides whether they are legal. The
enumerations here are the SRD 5.2 names, so a proposal that names a class or species the rules do
not know fails validation and is repaired instead of travelling on.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Ability = Literal["Strength", "Dexterity", "Constitution", "Intelligence", "Wisdom", "Charisma"]
ClassName = Literal[
    "Barbarian", "Bard", "Cleric", "Druid", "Fighter", "Monk",
    "Paladin", "Ranger", "Rogue", "Sorcerer", "Warlock", "Wizard",
]
SpeciesName = Literal["Dragonborn", "Dwarf", "Elf", "Gnome", "Goliath", "Halfling", "Human", "Orc", "Tiefling"]
BackgroundName = Literal["Acolyte", "Criminal", "Sage", "Soldier"]
Skill = Literal[
    "Acrobatics", "Animal Handling", "Arcana", "Athletics", "Deception", "History", "Insight", "Intimidation",
    "Investigation", "Medicine", "Nature", "Perception", "Performance", "Persuasion", "Religion",
    "Sleight of Hand", "Stealth", "Survival",
]
SpellSchool = Literal[
    "Abjuration", "Conjuration", "Divination", "Enchantment", "Evocation", "Illusion", "Necromancy", "Transmutation",
]
Rarity = Literal["common", "uncommon", "rare", "very rare", "legendary", "artifact"]

ShortText = Field(min_length=1, max_length=200)
LongText = Field(min_length=1, max_length=4000)


class TaskOutput(BaseModel):
    """Base of every output: unknown keys are refused, so a model cannot smuggle extra fields."""

    model_config = ConfigDict(extra="forbid")


class TaskInput(BaseModel):
    """Base of every input: unknown keys are refused (422 names them)."""

    model_config = ConfigDict(extra="forbid")


# --- inputs ---------------------------------------------------------------------------------------
class ConceptInput(TaskInput):
    concept: str = Field(min_length=3, max_length=1000, description="The player's idea, in their words.")
    level: int = Field(default=1, ge=1, le=20)


class BackstoryInput(TaskInput):
    concept: str = Field(min_length=3, max_length=1000)
    name: str | None = Field(default=None, max_length=100)
    species: str | None = Field(default=None, max_length=50)
    class_name: str | None = Field(default=None, max_length=50)
    tone: str | None = Field(default=None, max_length=100)


class PersonalityInput(TaskInput):
    concept: str = Field(min_length=3, max_length=1000)
    background: str | None = Field(default=None, max_length=50)


class NameInput(TaskInput):
    species: str | None = Field(default=None, max_length=50)
    style: str | None = Field(default=None, max_length=200, description="e.g. 'noble', 'short and harsh'")
    count: int = Field(default=5, ge=1, le=10)


class NpcInput(TaskInput):
    description: str = Field(min_length=3, max_length=1000, description="Role or idea of the NPC.")
    setting: str | None = Field(default=None, max_length=500)


class ItemInput(TaskInput):
    description: str = Field(min_length=3, max_length=1000)
    rarity: Rarity | None = None


class SpellInput(TaskInput):
    description: str = Field(min_length=3, max_length=1000)
    level: int | None = Field(default=None, ge=0, le=9)


class FeatInput(TaskInput):
    description: str = Field(min_length=3, max_length=1000)


class SpeciesInput(TaskInput):
    description: str = Field(min_length=3, max_length=1000)


class CampaignInput(TaskInput):
    premise: str = Field(min_length=3, max_length=2000)
    tone: str | None = Field(default=None, max_length=100)
    start_level: int = Field(default=1, ge=1, le=20)
    end_level: int = Field(default=10, ge=1, le=20)


class StoryHookInput(TaskInput):
    context: str = Field(min_length=3, max_length=2000)
    party_level: int = Field(default=1, ge=1, le=20)
    count: int = Field(default=3, ge=1, le=6)


class SessionRecapInput(TaskInput):
    notes: str = Field(min_length=3, max_length=8000, description="The DM's raw notes of the session.")
    campaign: str | None = Field(default=None, max_length=200)


class AntitheticonInput(TaskInput):
    premise: str = Field(min_length=3, max_length=2000)
    party: list[str] = Field(default_factory=list, max_length=8, description="Short descriptions of the heroes.")


class RefineInput(TaskInput):
    task: str = Field(description="The task whose output is revised.")
    previous: dict[str, Any] = Field(description="The output to revise, as returned earlier.")
    feedback: str = Field(min_length=1, max_length=2000)


# --- outputs --------------------------------------------------------------------------------------
class CharacterConceptOutput(TaskOutput):
    name: str = ShortText
    summary: str = LongText
    species: SpeciesName
    class_name: ClassName
    subclass: str | None = Field(default=None, max_length=100)
    background: BackgroundName
    level: int = Field(ge=1, le=20)
    ability_priorities: list[Ability] = Field(min_length=6, max_length=6, description="Highest first.")
    skills: list[Skill] = Field(min_length=2, max_length=6)
    origin_feat: Literal["Alert", "Magic Initiate", "Savage Attacker", "Skilled"]
    spells: list[str] = Field(default_factory=list, max_length=12)
    equipment: list[str] = Field(default_factory=list, max_length=12)
    rationale: str = LongText


class BackstoryOutput(TaskOutput):
    title: str = ShortText
    paragraphs: list[str] = Field(min_length=1, max_length=6)
    hooks: list[str] = Field(min_length=1, max_length=5)


class PersonalityOutput(TaskOutput):
    traits: list[str] = Field(min_length=2, max_length=4)
    ideal: str = ShortText
    bond: str = ShortText
    flaw: str = ShortText
    mannerisms: list[str] = Field(min_length=1, max_length=4)


class GeneratedName(TaskOutput):
    name: str = Field(min_length=1, max_length=80)
    note: str = Field(default="", max_length=200)


class NameOutput(TaskOutput):
    names: list[GeneratedName] = Field(min_length=1, max_length=10)


class NpcOutput(TaskOutput):
    name: str = ShortText
    species: str = Field(min_length=1, max_length=50)
    role: str = ShortText
    appearance: str = LongText
    personality: str = LongText
    motivation: str = ShortText
    secret: str = ShortText
    voice: str = ShortText
    stat_block: str | None = Field(default=None, max_length=100, description="An SRD creature to run it with.")


class ItemOutput(TaskOutput):
    name: str = ShortText
    category: Literal["weapon", "armor", "potion", "ring", "rod", "scroll", "staff", "wand", "wondrous item"]
    rarity: Rarity
    requires_attunement: bool
    description: str = LongText
    properties: list[str] = Field(default_factory=list, max_length=6)
    base_item: str | None = Field(default=None, max_length=100)


class SpellOutput(TaskOutput):
    name: str = ShortText
    level: int = Field(ge=0, le=9)
    school: SpellSchool
    casting_time: str = Field(min_length=1, max_length=60)
    range: str = Field(min_length=1, max_length=60)
    components: list[Literal["V", "S", "M"]] = Field(min_length=1, max_length=3)
    material: str | None = Field(default=None, max_length=200)
    duration: str = Field(min_length=1, max_length=60)
    concentration: bool
    description: str = LongText
    higher_levels: str | None = Field(default=None, max_length=1000)
    similar_srd_spells: list[str] = Field(default_factory=list, max_length=5)


class FeatOutput(TaskOutput):
    name: str = ShortText
    category: Literal["Origin", "General", "Fighting Style", "Epic Boon"]
    prerequisite: str | None = Field(default=None, max_length=200)
    repeatable: bool
    benefits: list[str] = Field(min_length=1, max_length=5)


class SpeciesTrait(TaskOutput):
    name: str = ShortText
    description: str = LongText


class SpeciesOutput(TaskOutput):
    name: str = ShortText
    creature_type: Literal["Humanoid", "Fey", "Fiend", "Celestial", "Construct", "Elemental", "Monstrosity"]
    size: Literal["Small", "Medium", "Small or Medium"]
    speed: int = Field(ge=20, le=40)
    traits: list[SpeciesTrait] = Field(min_length=2, max_length=6)


class CampaignAct(TaskOutput):
    title: str = ShortText
    summary: str = LongText
    levels: str = Field(min_length=1, max_length=20, description="e.g. '1-4'")


class CampaignNpc(TaskOutput):
    name: str = ShortText
    role: str = ShortText


class CampaignOutlineOutput(TaskOutput):
    title: str = ShortText
    premise: str = LongText
    themes: list[str] = Field(min_length=1, max_length=5)
    acts: list[CampaignAct] = Field(min_length=2, max_length=5)
    major_npcs: list[CampaignNpc] = Field(min_length=1, max_length=8)
    locations: list[str] = Field(min_length=1, max_length=8)


class StoryHook(TaskOutput):
    title: str = ShortText
    summary: str = LongText
    stakes: str = ShortText
    complication: str = ShortText


class StoryHookOutput(TaskOutput):
    hooks: list[StoryHook] = Field(min_length=1, max_length=6)


class SessionRecapOutput(TaskOutput):
    title: str = ShortText
    summary: str = LongText
    key_events: list[str] = Field(min_length=1, max_length=12)
    npcs_met: list[str] = Field(default_factory=list, max_length=12)
    loose_threads: list[str] = Field(default_factory=list, max_length=8)


class FalseIdentity(TaskOutput):
    alias: str = ShortText
    worn_by: str = ShortText
    purpose: str = ShortText
    tell: str = Field(min_length=1, max_length=200, description="The clue that can expose it.")


class PlotLayer(TaskOutput):
    depth: int = Field(ge=1, le=5)
    apparent_plot: str = LongText
    hidden_truth: str = LongText
    reveal_trigger: str = ShortText


class Counterpart(TaskOutput):
    mirrors: str = ShortText
    name: str = ShortText
    twist: str = ShortText


class AntitheticonOutput(TaskOutput):
    title: str = ShortText
    mastermind: str = ShortText
    mastermind_goal: str = ShortText
    identities: list[FalseIdentity] = Field(min_length=2, max_length=8)
    layers: list[PlotLayer] = Field(min_length=2, max_length=5)
    counterparts: list[Counterpart] = Field(min_length=1, max_length=8)
