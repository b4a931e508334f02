"""One row per generate request: who asked, what it cost, which provider answered."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Boolean, Index, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from dnd_shared.db.base import EntityMixin
from llm_service.db import Base


class UsageRecord(EntityMixin, Base):
    """Tokens and estimated cost of one generation (cached answers: zero tokens, ``cached`` true)."""

    __tablename__ = "usage_records"
    __table_args__ = (Index("ix_usage_records_user_id_created_at", "user_id", "created_at"),)

    #: The user the text was generated for; null for service calls without a user.
    user_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    #: ``http`` or ``rpc:<service>``.
    caller: Mapped[str] = mapped_column(String(80), nullable=False)
    task: Mapped[str] = mapped_column(String(40), nullable=False)
    provider: Mapped[str] = mapped_column(String(40), nullable=False)
    model: Mapped[str] = mapped_column(String(120), nullable=False)
    input_tokens: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    output_tokens: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    cost_usd: Mapped[Decimal] = mapped_column(Numeric(14, 6), nullable=False, default=Decimal(0))
    cached: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    #: ``ok`` or ``invalid_output`` (tokens spent on an answer that never validated).
    outcome: Mapped[str] = mapped_column(String(20), nullable=False, default="ok")
