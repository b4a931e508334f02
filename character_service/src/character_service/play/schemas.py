"""HTTP shapes of play operations."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from character_service.rules.state import Condition, DamageType, HitDie

_STRICT = ConfigDict(extra="forbid")


class DamageIn(BaseModel):
    model_config = _STRICT
    amount: int = Field(ge=0, le=100_000)
    type: DamageType
    critical: bool = Field(default=False, description="A critical hit: two death-save failures at 0 HP")


class AmountIn(BaseModel):
    model_config = _STRICT
    amount: int = Field(ge=0, le=100_000)


class DeathSaveIn(BaseModel):
    model_config = _STRICT
    roll: int | None = Field(default=None, ge=1, le=20, description="Omit to roll on the server")


class ConditionIn(BaseModel):
    model_config = _STRICT
    action: Literal["add", "remove"]
    condition: Condition


class ExhaustionIn(BaseModel):
    model_config = _STRICT
    level: int = Field(ge=0, le=6)


class ConcentrationIn(BaseModel):
    model_config = _STRICT
    action: Literal["start", "end"]
    spell_id: str | None = Field(default=None, min_length=1, max_length=80)


class SpendIn(BaseModel):
    model_config = _STRICT
    amount: int = Field(default=1, ge=1, le=1000)


class ShortRestIn(BaseModel):
    model_config = _STRICT
    hit_dice: dict[HitDie, int] = Field(default_factory=dict, description="How many dice of each size to spend")
    rolls: dict[HitDie, list[int]] | None = Field(
        default=None, description="Rolled values per die size; omit to roll on the server"
    )


class InspirationIn(BaseModel):
    model_config = _STRICT
    action: Literal["gain", "spend"]


class PlayResult(BaseModel):
    """The new state, the numbers the table cares about, and what happened."""

    character_id: uuid.UUID
    version: int
    state: dict[str, Any]
    hit_points: dict[str, Any]
    report: dict[str, Any]


class ResourcesOut(BaseModel):
    character_id: uuid.UUID
    version: int
    resources: list[dict[str, Any]]
    spell_slots: dict[str, Any]
    pact_slots: dict[str, Any] | None
    hit_dice: dict[str, Any]
    heroic_inspiration: bool
