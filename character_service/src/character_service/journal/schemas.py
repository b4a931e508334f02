"""HTTP shapes of the journal, XP and milestones."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

_STRICT = ConfigDict(extra="forbid")
Tag = str


class SessionData(BaseModel):
    model_config = _STRICT
    number: int | None = Field(default=None, ge=0, le=100_000)
    date: dt.date | None = None
    summary: str = Field(default="", max_length=20_000)


class QuestData(BaseModel):
    model_config = _STRICT
    status: Literal["open", "active", "completed", "failed"] = "open"
    giver: str = Field(default="", max_length=200)


class RelationshipData(BaseModel):
    model_config = _STRICT
    npc: str = Field(min_length=1, max_length=200)
    standing: int = Field(default=0, ge=-5, le=5, description="-5 sworn enemy … +5 devoted ally")
    history: str = Field(default="", max_length=20_000)


class EntryIn(BaseModel):
    model_config = _STRICT
    kind: Literal["note", "session", "quest", "relationship"]
    title: str = Field(default="", max_length=200)
    body: str = Field(default="", max_length=50_000)
    tags: list[str] = Field(default_factory=list, max_length=30)
    session: SessionData | None = None
    quest: QuestData | None = None
    relationship: RelationshipData | None = None


class EntryPatch(BaseModel):
    model_config = _STRICT
    title: str | None = Field(default=None, max_length=200)
    body: str | None = Field(default=None, max_length=50_000)
    tags: list[str] | None = Field(default=None, max_length=30)
    session: SessionData | None = None
    quest: QuestData | None = None
    relationship: RelationshipData | None = None


class EntryOut(BaseModel):
    id: uuid.UUID
    version: int
    character_id: uuid.UUID
    author_id: uuid.UUID
    kind: str
    title: str
    body: str
    tags: list[str]
    data: dict[str, Any]
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None


class EntryPage(BaseModel):
    items: list[EntryOut]
    next_cursor: str | None


class XpIn(BaseModel):
    model_config = _STRICT
    amount: int = Field(ge=-1_000_000, le=1_000_000, description="Negative to correct a mistake")
    reason: str = Field(default="", max_length=500)


class MilestoneIn(BaseModel):
    model_config = _STRICT
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(default="", max_length=20_000)
    grants_level: bool = True


class AdvancementIn(BaseModel):
    model_config = _STRICT
    advancement: Literal["xp", "milestone"]


class AdvancementOut(BaseModel):
    advancement: Literal["xp", "milestone"]
    level: int
    xp: int
    milestone_level: int | None
    target_level: int
    level_up_ready: bool
    xp_to_next_level: int | None


class AwardOut(BaseModel):
    entry: EntryOut
    advancement: AdvancementOut
    character_version: int
