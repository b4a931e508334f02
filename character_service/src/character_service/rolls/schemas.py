"""HTTP shapes of rolls."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class RollIn(BaseModel):
    """Either a free ``expression`` or a ``check`` computed from the sheet."""

    model_config = ConfigDict(extra="forbid")
    expression: str | None = Field(default=None, min_length=1, max_length=200, examples=["1d20+5", "8d6"])
    check: str | None = Field(default=None, min_length=1, max_length=80,
                              examples=["skill:perception", "save:dex", "attack:Longsword", "initiative"])
    mode: Literal["normal", "advantage", "disadvantage"] = "normal"

    @model_validator(mode="after")
    def _one_of(self) -> RollIn:
        if (self.expression is None) == (self.check is None):
            raise ValueError("give exactly one of expression or check")
        return self


class RollOut(BaseModel):
    id: uuid.UUID
    character_id: uuid.UUID
    request: str
    expression: str
    total: int
    result: str = Field(description="The roll tree, e.g. '2d20kh1 (17, ~~6~~) + 3 = `20`'")
    natural: int | None = Field(description="The kept d20 of a d20 test")
    critical: bool
    fumble: bool
    notes: list[str]
    details: dict[str, Any]
    created_at: datetime


class RollPage(BaseModel):
    items: list[RollOut]
    next_cursor: str | None
