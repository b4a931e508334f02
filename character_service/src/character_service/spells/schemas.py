"""HTTP shapes of spell lists."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

SpellId = str


class ClassSpellsIn(BaseModel):
    """The class's full lists after the change (omitted lists stay as they are)."""

    model_config = ConfigDict(extra="forbid")
    cantrips: list[SpellId] | None = Field(default=None, max_length=40)
    prepared: list[SpellId] | None = Field(default=None, max_length=100)


class SpellbookIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    spells: list[SpellId] = Field(max_length=500)


class SpellsOut(BaseModel):
    character_id: uuid.UUID
    version: int
    cantrips: dict[str, list[str]]
    prepared: dict[str, list[str]]
    spellbook: list[str]
    spellcasting: dict[str, Any] = Field(description="Per class: ability, save DC, attack, limits, always prepared")
    spell_slots: dict[str, Any]
    pact_slots: dict[str, Any] | None
    changes: dict[str, dict[str, Any]] = Field(
        description="Per class and list: replacements allowed now and the 2024 rule that grants them")
