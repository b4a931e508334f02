"""The roll log: every server-side roll of a character, kept for the table to see."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from character_service.db import Base
from dnd_shared.db.base import EntityMixin


class Roll(EntityMixin, Base):
    __tablename__ = "roll"
    __table_args__ = (Index("ix_roll_character_created", "character_id", "created_at", "id"),)

    character_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("character.id"), nullable=False)
    roller_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    #: ``expression`` or the check that was asked for (``skill:perception``).
    request: Mapped[str] = mapped_column(String(200), nullable=False)
    expression: Mapped[str] = mapped_column(String(200), nullable=False)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    #: The roll tree as d20 renders it (``1d20 (14) + 5 = 19``).
    result: Mapped[str] = mapped_column(Text, nullable=False)
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
