"""Request bodies of campaign and party routes."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class CampaignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=10000)
    theme: str = Field(default="", max_length=200)
    rules_version: Literal["2024"] = "2024"
    type: Literal["traditional", "antitheticon"] = "traditional"
    advancement: Literal["xp", "milestone"] = "xp"
    merges_need_approval: bool = True
    dm_notes: str = Field(default="", max_length=20000)


class CampaignPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=10000)
    theme: str | None = Field(default=None, max_length=200)
    advancement: Literal["xp", "milestone"] | None = None
    merges_need_approval: bool | None = None
    dm_notes: str | None = Field(default=None, max_length=20000)


class JoinIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(min_length=4, max_length=32)


class InviteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: uuid.UUID


class AttachIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    character_id: uuid.UUID
