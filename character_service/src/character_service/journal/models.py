"""Journal entries: notes, sessions, quests, relationships, XP awards and milestones."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from character_service.db import Base
from dnd_shared.db.base import EntityMixin

ENTRY_KINDS = ("note", "session", "quest", "relationship", "xp", "milestone")


class JournalEntry(EntityMixin, Base):
    __tablename__ = "journal_entry"
    __table_args__ = (
        Index("ix_journal_entry_character_created", "character_id", "created_at", "id"),
        # A campaign event applied twice must not create two entries (idempotent handlers).
        Index("uq_journal_entry_source_event", "character_id", "source_event_id", unique=True,
              postgresql_where=text("source_event_id IS NOT NULL AND deleted_at IS NULL")),
    )

    character_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("character.id"), nullable=False)
    author_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    tags: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    #: Kind-specific fields: session number/date, quest status, relationship standing, XP amount…
    data: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    source_event_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
