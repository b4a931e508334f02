"""HTTP shapes of catalog entries, homebrew writes, adaptations and pages."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from catalog_service.content.models import CatalogEntry
from catalog_service.content.visibility import Viewer

HomebrewVisibility = Literal["private", "link", "campaign"]


class ProvenanceStep(BaseModel):
    """One ancestor of an adapted entry; another user's private ancestor shows only as ``hidden``."""

    id: uuid.UUID
    slug: str | None
    name: str | None
    type: str
    source: str
    deleted: bool
    hidden: bool = False


class EntryOut(BaseModel):
    """A catalog entry as clients see it."""

    id: uuid.UUID
    slug: str
    name: str
    type: str
    rules_version: str
    source: str
    description: str
    tags: list[str]
    mechanics: dict[str, Any]
    owner_id: uuid.UUID | None
    visibility: str
    campaign_id: uuid.UUID | None
    root_id: uuid.UUID | None
    parent_id: uuid.UUID | None
    adaptation: dict[str, Any] | None
    generation: dict[str, Any] | None
    balance: dict[str, Any] | None
    provenance: list[ProvenanceStep] | None = None
    version: int
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @classmethod
    def of(
        cls, entry: CatalogEntry, provenance: list[CatalogEntry] | None = None, viewer: Viewer | None = None
    ) -> EntryOut:
        """Build from the ORM row; ``provenance`` is parent first, root last, masked for ``viewer``."""
        steps = None
        if provenance is not None:
            steps = []
            for p in provenance:
                visible = viewer is None or viewer.can_see(p, direct=True)
                steps.append(ProvenanceStep(
                    id=p.id, slug=p.slug if visible else None, name=p.name if visible else None, type=p.type,
                    source=p.source, deleted=p.deleted_at is not None, hidden=not visible,
                ))
        return cls(
            id=entry.id,
            slug=entry.slug,
            name=entry.name,
            type=entry.type,
            rules_version=entry.rules_version,
            source=entry.source,
            description=entry.description,
            tags=list(entry.tags),
            mechanics=entry.mechanics,
            owner_id=entry.owner_id,
            visibility=entry.visibility,
            campaign_id=entry.campaign_id,
            root_id=entry.root_id,
            parent_id=entry.parent_id,
            adaptation=entry.adaptation,
            generation=entry.generation,
            balance=entry.balance,
            provenance=steps,
            version=entry.version,
            created_at=entry.created_at,
            updated_at=entry.updated_at,
            deleted_at=entry.deleted_at,
        )


class EntryPageOut(BaseModel):
    items: list[EntryOut]
    next_cursor: str | None


class _VisibilityFields(BaseModel):
    visibility: HomebrewVisibility = "private"
    campaign_id: uuid.UUID | None = None

    @model_validator(mode="after")
    def _campaign_needs_id(self) -> _VisibilityFields:
        if self.visibility == "campaign" and self.campaign_id is None:
            raise ValueError("campaign_id is required when visibility is campaign")
        return self


class EntryCreate(_VisibilityFields):
    """A homebrew entry; ``mechanics`` is validated by the type's model."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=20_000)
    mechanics: dict[str, Any]
    tags: list[str] = Field(default_factory=list, max_length=30)


class EntryUpdate(BaseModel):
    """Fields to change; ``mechanics`` replaces the whole object and is checked again."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=20_000)
    mechanics: dict[str, Any] | None = None
    tags: list[str] | None = Field(default=None, max_length=30)
    visibility: HomebrewVisibility | None = None
    campaign_id: uuid.UUID | None = None


class AdaptRequest(_VisibilityFields):
    """Derive a new entry from an existing one: a theme, a new name, and mechanical changes."""

    model_config = ConfigDict(extra="forbid")

    theme: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    description: str | None = Field(default=None, max_length=20_000)
    #: Top-level mechanics fields to replace (``{"damage": [{"dice": "8d6", "type": "cold"}]}``).
    mechanical_changes: dict[str, Any] = Field(default_factory=dict)
    tags: list[str] | None = Field(default=None, max_length=30)


class GenerationInfo(BaseModel):
    """Where generated content came from."""

    model: str = Field(min_length=1, max_length=120)
    prompt: str = Field(min_length=1, max_length=20_000)
    provider: str | None = Field(default=None, max_length=60)
