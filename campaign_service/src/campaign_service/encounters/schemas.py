"""Request bodies of the encounter builder."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class CreatureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    #: Either the challenge rating or the stat block's XP (XP wins when both are given).
    cr: str | None = Field(default=None, max_length=10)
    xp: int | None = Field(default=None, ge=0, le=200000)
    count: int = Field(default=1, ge=1, le=100)

    @model_validator(mode="after")
    def _cr_or_xp(self) -> CreatureIn:
        if self.cr is None and self.xp is None:
            raise ValueError("give cr or xp")
        return self


class EncounterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Character levels; omitted: the levels of the campaign's attached characters.
    party_levels: list[int] | None = Field(default=None, max_length=12)
    creatures: list[CreatureIn] = Field(default_factory=list, max_length=30)
    difficulty: Literal["low", "moderate", "high"] = "moderate"


class SaveEncounterIn(EncounterIn):
    name: str = Field(min_length=1, max_length=200)
    summary: str = Field(default="", max_length=5000)


class SuggestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    party_levels: list[int] | None = Field(default=None, max_length=12)
    difficulty: Literal["low", "moderate", "high"] = "moderate"
    #: Keywords for the catalog search; omitted: the campaign's theme.
    theme: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=5, ge=1, le=20)
