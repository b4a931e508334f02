"""Our own export document: the independent fields only, re-importable without loss."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from character_service.characters.models import Character


class ExportDocument(BaseModel):
    """``build`` and ``state`` as the rules engine reads them; the sheet is recomputed on import."""

    model_config = ConfigDict(extra="forbid")
    format: Literal["dnd-platform.character"] = "dnd-platform.character"
    format_version: Literal[1] = 1
    rules_version: Literal["2024"] = "2024"
    status: Literal["draft", "active"] = "active"
    advancement: Literal["xp", "milestone"] = "xp"
    milestone_level: int | None = Field(default=None, ge=1, le=20)
    build: dict[str, Any]
    state: dict[str, Any] = Field(default_factory=dict)


def export_document(character: Character) -> ExportDocument:
    return ExportDocument(
        status=character.status,
        advancement=character.advancement,
        milestone_level=character.milestone_level, build=character.build, state=character.state,
    )
