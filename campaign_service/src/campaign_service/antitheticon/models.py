"""What each PC and NPC knows or believes, and the reveals that change it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_service.db import Base
from dnd_shared.db.base import EntityMixin

STANCES = ("knows", "believes", "suspects", "disbelieves")
HOLDER_KINDS = ("pc", "npc", "truth")


class Knowledge(EntityMixin, Base):
    """One thing a holder knows or believes about a subject. ``holder_kind="truth"`` rows are the
    DM's ground truth the investigation is measured against; ``is_true`` is DM-only."""

    __tablename__ = "knowledge"
    __table_args__ = (Index("ix_knowledge_campaign_holder", "campaign_id", "holder_kind", "holder_id"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False)
    holder_kind: Mapped[str] = mapped_column(String(10), nullable=False)
    holder_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    subject_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True, index=True)
    fact_key: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    statement: Mapped[str] = mapped_column(Text, nullable=False)
    stance: Mapped[str] = mapped_column(String(20), nullable=False, default="believes")
    is_true: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    source: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    source_clue_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    reveal_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    #: False once a reveal replaced it (kept for the timeline).
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class Reveal(EntityMixin, Base):
    """An event that changes knowledge; applied once, in timeline order."""

    __tablename__ = "reveal"

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    session_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="planned")
    revealed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: Planned reveals are DM-only; a revealed one is seen by the players of the characters it touched.
    visible_to: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
