"""HTTP shapes of characters."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field


class CharacterOut(BaseModel):
    """A character as the API returns it: independent fields plus the sheet computed on read."""

    id: uuid.UUID
    version: int
    status: Literal["draft", "active"]
    owner_id: uuid.UUID
    rules_version: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    build: dict[str, Any]
    state: dict[str, Any]
    sheet: dict[str, Any] | None = Field(description="Derived by the rules engine; null for an incomplete draft")


class CharacterSummary(BaseModel):
    id: uuid.UUID
    version: int
    status: Literal["draft", "active"]
    name: str
    level: int
    classes: list[dict[str, Any]]
    species: str | None
    updated_at: datetime
    deleted_at: datetime | None


class CharacterPage(BaseModel):
    items: list[CharacterSummary]
    next_cursor: str | None


class RulesProblemOut(BaseModel):
    field: str
    code: str
    message: str


class ValidationReport(BaseModel):
    valid: bool
    problems: list[RulesProblemOut]
