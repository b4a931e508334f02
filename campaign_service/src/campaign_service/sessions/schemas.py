"""Request bodies of session and ledger routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Visibility = Literal["party", "dm_only", "characters"]


class SessionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str = Field(min_length=1, max_length=200)
    scheduled_for: datetime | None = None
    notes: str = Field(default="", max_length=20000)
    dm_notes: str = Field(default="", max_length=20000)
    attendance: list[uuid.UUID] = Field(default_factory=list, max_length=20)


class SessionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, min_length=1, max_length=200)
    scheduled_for: datetime | None = None
    notes: str | None = Field(default=None, max_length=20000)
    dm_notes: str | None = Field(default=None, max_length=20000)
    attendance: list[uuid.UUID] | None = Field(default=None, max_length=20)
    recap: str | None = Field(default=None, max_length=20000)


class SessionEventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["xp", "loot", "moment", "relationship"]
    #: None: the whole attending party (party XP is split evenly among the attendees).
    character_id: uuid.UUID | None = None
    amount: int = Field(default=0, ge=0, le=1_000_000)
    item: str = Field(default="", max_length=200)
    quantity: int = Field(default=1, ge=1, le=10000)
    description: str = Field(default="", max_length=5000)
    #: For ``relationship``: the edge and the signed change of standing.
    relationship_id: uuid.UUID | None = None
    change: int = Field(default=0, ge=-20, le=20)
    visibility: Visibility = "party"
    visible_to: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    dm_only_fields: list[Literal["description", "item", "amount"]] = Field(default_factory=list)


class CloseIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Milestone campaigns: every attendee reached a milestone at this session.
    milestone: bool = False


class LedgerIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["xp", "loot"]
    character_id: uuid.UUID | None = None
    amount: int = Field(default=0, ge=-1_000_000, le=1_000_000)
    item: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=5000)
    visibility: Visibility = "party"
