"""Play sessions, what happened in them, and the party ledger."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index

SESSION_STATUSES = ("planned", "running", "closed")
EVENT_KINDS = ("xp", "loot", "moment", "relationship")


class PlaySession(EntityMixin, Base):
    """One session at the table."""

    __tablename__ = "play_session"
    __table_args__ = (live_unique_index("uq_play_session_campaign_number_live", "campaign_id", "number"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    scheduled_for: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="planned")
    attendance: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    dm_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recap: Mapped[str] = mapped_column(Text, nullable=False, default="")
    recap_generation: Mapped[dict[str, Any] | None] = mapped_column(JSONB, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    completion_event_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


class SessionEvent(EntityMixin, Base):
    """Something that happened in a session: an XP award, loot, a notable moment, a relationship change."""

    __tablename__ = "session_event"

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    session_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("play_session.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    #: None: the whole attending party (XP is awarded to each attendee).
    character_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    amount: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    item: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    visibility: Mapped[str] = mapped_column(String(20), nullable=False, default="party")
    visible_to: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    dm_only_fields: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)


class LedgerEntry(EntityMixin, Base):
    """One line of the party's XP and loot ledger."""

    __tablename__ = "ledger_entry"

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    session_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("play_session.id"), nullable=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    character_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    amount: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    item: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    visibility: Mapped[str] = mapped_column(String(20), nullable=False, default="party")
    visible_to: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    dm_only_fields: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
