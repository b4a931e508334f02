"""Request bodies of the assistants."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict, Field


class OutlineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    premise: str | None = Field(default=None, min_length=3, max_length=2000)
    start_level: int = Field(default=1, ge=1, le=20)
    end_level: int = Field(default=10, ge=1, le=20)
    seed: int | None = Field(default=None, ge=0)


class NpcIdeaIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = Field(min_length=3, max_length=1000)
    seed: int | None = Field(default=None, ge=0)


class HooksIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    context: str | None = Field(default=None, min_length=3, max_length=2000)
    count: int = Field(default=3, ge=1, le=6)
    seed: int | None = Field(default=None, ge=0)


class RecapIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    session_id: uuid.UUID
    seed: int | None = Field(default=None, ge=0)


class NetworkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    premise: str | None = Field(default=None, min_length=3, max_length=2000)
    seed: int | None = Field(default=None, ge=0)
