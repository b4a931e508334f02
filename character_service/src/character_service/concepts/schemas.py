"""Request and response shapes of the concept routes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ConceptConstraints(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    class_id: str | None = Field(default=None, alias="class", max_length=40)
    species: str | None = Field(default=None, max_length=40)
    ability_method: Literal["standard_array", "point_buy", "rolled"] = "standard_array"
    allowed_sources: list[str] = Field(default_factory=list, max_length=20)


class ConceptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    concept: str = Field(min_length=1, max_length=2000)
    level: int = Field(default=1, ge=1, le=20)
    constraints: ConceptConstraints = Field(default_factory=ConceptConstraints)
    theme: str | None = Field(default=None, max_length=200)
    #: Also ask the image service for a portrait of the result (its job id lands in the explanation).
    portrait: bool = False


class ConceptJobOut(BaseModel):
    id: uuid.UUID
    status: str
    progress: list[dict[str, Any]]
    character_id: uuid.UUID | None
    explanation: dict[str, Any]
    errors: list[dict[str, Any]]
    request: dict[str, Any]
    created_at: datetime
    updated_at: datetime


class RefineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feedback: str = Field(min_length=1, max_length=1000)


class RefineOut(BaseModel):
    character_id: uuid.UUID
    version: int
    branch: str
    changes: list[dict[str, Any]]
    explanation: dict[str, Any]


class AcceptIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: The DM-approved merge request, when the campaign requires approval (optional otherwise).
    merge_request_id: uuid.UUID | None = None


class AcceptOut(BaseModel):
    character_id: uuid.UUID
    status: str
    merge: str
    version: int


class EvolutionOut(BaseModel):
    character_id: uuid.UUID
    proposals: list[dict[str, Any]]
    read: dict[str, int]
