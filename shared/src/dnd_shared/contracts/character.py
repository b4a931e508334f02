"""Character service contracts: RPC ``character.get_summary`` and ``character.apply_xp``, and the
``character.*.v1`` events."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.rpc import RpcContract


class CharacterRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    character_id: uuid.UUID


class CharacterClassLevel(BaseModel):
    id: str
    level: int
    subclass: str | None = None


class CharacterSummary(BaseModel):
    """What other services may know of a character (no play state, nothing private)."""

    id: uuid.UUID
    owner_id: uuid.UUID
    name: str
    status: str
    level: int
    classes: list[CharacterClassLevel]
    species: str | None
    background: str | None


class ApplyXp(BaseModel):
    """Award XP to a character; ``source_event_id`` makes a repeated delivery a no-op."""

    model_config = ConfigDict(extra="forbid")
    character_id: uuid.UUID
    amount: int = Field(ge=-1_000_000, le=1_000_000)
    reason: str = Field(default="", max_length=500)
    source_event_id: str = Field(min_length=1, max_length=100)


class XpApplied(BaseModel):
    character_id: uuid.UUID
    xp: int
    level: int
    level_up_ready: bool
    duplicate: bool


class ApplyPlayOp(BaseModel):
    """A play operation a campaign's DM applies at the table (the campaign service checked the DM)."""

    model_config = ConfigDict(extra="forbid")
    character_id: uuid.UUID
    op: Literal["damage", "heal", "temp_hp", "add_condition", "remove_condition", "set_exhaustion",
                "short_rest", "long_rest"]
    amount: int = Field(default=0, ge=0, le=100_000)
    damage_type: str | None = Field(default=None, max_length=20)
    critical: bool = False
    condition: str | None = Field(default=None, max_length=20)
    level: int | None = Field(default=None, ge=0, le=6)


class PlayOpApplied(BaseModel):
    character_id: uuid.UUID
    version: int
    hit_points: dict[str, Any]
    state: dict[str, Any]
    report: dict[str, Any]


get_summary = RpcContract("character.get_summary", CharacterRef, CharacterSummary, "query")
apply_xp = RpcContract("character.apply_xp", ApplyXp, XpApplied, "command")
apply_play_op = RpcContract("character.apply_play_op", ApplyPlayOp, PlayOpApplied, "command")


class CharacterCreatedV1(EventModel):
    event_type: ClassVar[str] = "character.created.v1"
    character_id: uuid.UUID
    owner_id: uuid.UUID
    name: str
    level: int


class CharacterUpdatedV1(EventModel):
    event_type: ClassVar[str] = "character.updated.v1"
    character_id: uuid.UUID
    owner_id: uuid.UUID
    version: int
    change: str


class CharacterDeletedV1(EventModel):
    event_type: ClassVar[str] = "character.deleted.v1"
    character_id: uuid.UUID
    owner_id: uuid.UUID
    restored: bool = False


class CharacterLeveledUpV1(EventModel):
    event_type: ClassVar[str] = "character.leveled_up.v1"
    character_id: uuid.UUID
    owner_id: uuid.UUID
    class_id: str
    level: int
