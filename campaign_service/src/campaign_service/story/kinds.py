"""The kinds of story entity: their statuses, default visibility, and the shape of their ``data``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class KindData(BaseModel):
    """Base of every kind's data: unknown keys are refused; ``notes`` is free text."""

    model_config = ConfigDict(extra="forbid")

    notes: str = Field(default="", max_length=20000)


class StoryPartData(KindData):
    goals: str = Field(default="", max_length=5000)
    level_range: str = Field(default="", max_length=20)


class LocationData(KindData):
    description: str = Field(default="", max_length=10000)
    region: str = Field(default="", max_length=200)
    theme: str = Field(default="", max_length=200)


class FactionData(KindData):
    goals: str = Field(default="", max_length=5000)
    theme: str = Field(default="", max_length=200)


class NpcData(KindData):
    role: str = Field(default="", max_length=200)
    species: str = Field(default="", max_length=100)
    appearance: str = Field(default="", max_length=5000)
    personality: str = Field(default="", max_length=5000)
    motives: str = Field(default="", max_length=5000)
    voice: str = Field(default="", max_length=500)
    secret: str = Field(default="", max_length=5000)
    location_id: uuid.UUID | None = None
    faction_id: uuid.UUID | None = None
    #: A catalog creature: its slug and the stat block copied when the NPC was made from it.
    creature_slug: str | None = Field(default=None, max_length=200)
    stat_block: dict[str, Any] | None = None
    #: The DM's changes on top of the snapshot (``stat_block`` keys).
    overrides: dict[str, Any] = Field(default_factory=dict)


class HookData(KindData):
    stakes: str = Field(default="", max_length=2000)
    complication: str = Field(default="", max_length=2000)


class WorldEffectData(KindData):
    target_id: uuid.UUID
    theme: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=5000)
    #: Set by the service: the target's theme before the effect.
    previous_theme: str | None = None


class EncounterData(KindData):
    difficulty: Literal["low", "moderate", "high"] = "moderate"
    party_levels: list[int] = Field(default_factory=list)
    creatures: list[dict[str, Any]] = Field(default_factory=list)
    evaluation: dict[str, Any] = Field(default_factory=dict)


class IdentityData(KindData):
    """A true identity behind one or more facades."""

    true_name: str = Field(default="", max_length=200)
    goal: str = Field(default="", max_length=2000)


class FacadeData(KindData):
    """A face an identity presents; ``presented_to`` are the PCs (and NPC ids) who see this face."""

    identity_id: uuid.UUID
    presented_to: list[uuid.UUID] = Field(default_factory=list)
    tell: str = Field(default="", max_length=500)


class PlotLayerData(KindData):
    """A deception layer: what the party is meant to see, and what is really going on."""

    depth: int = Field(default=1, ge=1, le=10)
    apparent_plot: str = Field(default="", max_length=10000)
    true_plot: str = Field(default="", max_length=10000)
    reveal_trigger: str = Field(default="", max_length=1000)


class ClueData(KindData):
    text: str = Field(default="", max_length=5000)
    points_to: uuid.UUID | None = None
    #: Planted (false) evidence.
    planted: bool = False
    where: str = Field(default="", max_length=500)


class NemesisData(KindData):
    level: int = Field(default=1, ge=1, le=20)
    mirrors: list[dict[str, Any]] = Field(default_factory=list)
    party_digest: str = ""
    evolution: list[dict[str, Any]] = Field(default_factory=list)


class CounterpartData(KindData):
    mirrors: str = Field(default="", max_length=200)
    twist: str = Field(default="", max_length=2000)


@dataclass(frozen=True)
class Kind:
    name: str
    data_model: type[KindData]
    statuses: tuple[str, ...]
    default_visibility: str = "party"
    #: ``data`` keys that are DM-only unless the DM says otherwise.
    default_dm_only_fields: tuple[str, ...] = ()
    #: Ordered with ``position`` (chapters, arcs).
    ordered: bool = False


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("arc", StoryPartData, ("planned", "active", "completed"), ordered=True),
    Kind("chapter", StoryPartData, ("planned", "active", "completed"), ordered=True),
    Kind("location", LocationData, ("active", "destroyed")),
    Kind("faction", FactionData, ("active", "disbanded")),
    Kind("npc", NpcData, ("alive", "dead", "missing"), default_dm_only_fields=("secret",)),
    Kind("hook", HookData, ("open", "active", "resolved")),
    Kind("world_effect", WorldEffectData, ("active", "ended")),
    Kind("encounter", EncounterData, ("planned", "run"), default_visibility="dm_only"),
    Kind("identity", IdentityData, ("hidden", "exposed"), default_visibility="dm_only"),
    Kind("facade", FacadeData, ("active", "exposed"), default_visibility="characters",
         default_dm_only_fields=("identity_id", "tell", "presented_to")),
    Kind("plot_layer", PlotLayerData, ("hidden", "exposed"), default_visibility="dm_only", ordered=True),
    Kind("clue", ClueData, ("hidden", "planted", "found"), default_visibility="dm_only",
         default_dm_only_fields=("planted", "points_to")),
    Kind("nemesis", NemesisData, ("active", "defeated"), default_visibility="dm_only"),
    Kind("counterpart", CounterpartData, ("active", "defeated"), default_visibility="dm_only"),
)}
