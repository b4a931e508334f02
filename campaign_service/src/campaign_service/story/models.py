"""Story entities (one table, one ``kind`` each), their revision history, and relationships."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_service.db import Base
from dnd_shared.db.base import EntityMixin


class StoryEntity(EntityMixin, Base):
    """Anything the DM writes into a campaign. ``data`` holds the kind's fields (validated by the
    kind's schema); ``visibility`` and ``dm_only_fields`` decide what players see."""

    __tablename__ = "story_entity"
    __table_args__ = (Index("ix_story_entity_campaign_kind", "campaign_id", "kind", "position"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="active")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    #: ``party`` (every member), ``dm_only``, or ``characters`` (only the players of ``visible_to``).
    visibility: Mapped[str] = mapped_column(String(20), nullable=False, default="party")
    visible_to: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    data: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    #: Keys of ``data`` (or ``summary``) that only the DM sees.
    dm_only_fields: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    linked_ids: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    tags: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    generated: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    generation: Mapped[dict[str, Any] | None] = mapped_column(JSONB, nullable=True)


class EntityRevision(EntityMixin, Base):
    """The state of a story entity after each change (its history)."""

    __tablename__ = "entity_revision"
    __table_args__ = (Index("ix_entity_revision_entity_number", "entity_id", "number"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    entity_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("story_entity.id"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    author_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    document: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    digest: Mapped[str] = mapped_column(String(64), nullable=False)


class Relationship(EntityMixin, Base):
    """An edge of the relationship graph: NPC, PC or faction to NPC, PC or faction."""

    __tablename__ = "relationship"

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    source_kind: Mapped[str] = mapped_column(String(10), nullable=False)
    source_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    target_kind: Mapped[str] = mapped_column(String(10), nullable=False)
    target_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    #: -10 (sworn enemy) .. +10 (devoted ally).
    standing: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    history: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    visibility: Mapped[str] = mapped_column(String(20), nullable=False, default="party")
    visible_to: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    dm_only_fields: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
