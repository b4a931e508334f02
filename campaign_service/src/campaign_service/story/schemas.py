"""Request bodies of story routes."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Visibility = Literal["party", "dm_only", "characters"]


class EntityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(min_length=1, max_length=30)
    name: str = Field(min_length=1, max_length=200)
    summary: str = Field(default="", max_length=10000)
    status: str | None = Field(default=None, max_length=20)
    position: int | None = Field(default=None, ge=0, le=100000)
    parent_id: uuid.UUID | None = None
    visibility: Visibility | None = None
    visible_to: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    data: dict[str, Any] = Field(default_factory=dict)
    dm_only_fields: list[str] | None = Field(default=None, max_length=50)
    linked_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    tags: list[str] = Field(default_factory=list, max_length=20)


class EntityPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    summary: str | None = Field(default=None, max_length=10000)
    status: str | None = Field(default=None, max_length=20)
    position: int | None = Field(default=None, ge=0, le=100000)
    parent_id: uuid.UUID | None = None
    visibility: Visibility | None = None
    visible_to: list[uuid.UUID] | None = Field(default=None, max_length=50)
    #: Merged into the current data (a key set to null is removed).
    data: dict[str, Any] | None = None
    dm_only_fields: list[str] | None = Field(default=None, max_length=50)
    linked_ids: list[uuid.UUID] | None = Field(default=None, max_length=50)
    tags: list[str] | None = Field(default=None, max_length=20)


class NpcFromCreatureIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    creature: str = Field(min_length=1, max_length=200, description="Catalog creature slug")
    name: str = Field(min_length=1, max_length=200)
    summary: str = Field(default="", max_length=10000)
    personality: str = Field(default="", max_length=5000)
    motives: str = Field(default="", max_length=5000)
    secret: str = Field(default="", max_length=5000)
    overrides: dict[str, Any] = Field(default_factory=dict)
    visibility: Visibility = "party"


class RelationshipIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source_kind: Literal["npc", "pc", "faction"]
    source_id: uuid.UUID
    target_kind: Literal["npc", "pc", "faction"]
    target_id: uuid.UUID
    standing: int = Field(default=0, ge=-10, le=10)
    description: str = Field(default="", max_length=5000)
    visibility: Visibility = "party"
    visible_to: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    dm_only_fields: list[Literal["description", "history", "standing"]] = Field(default_factory=list)


class StandingChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    change: int = Field(ge=-20, le=20)
    note: str = Field(default="", max_length=2000)
    session_id: uuid.UUID | None = None
