"""The concept job: one run of the concept-to-character pipeline, its progress and its result."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Index, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from character_service.db import Base
from dnd_shared.db.base import EntityMixin

JOB_STATUSES = ("queued", "running", "succeeded", "failed")


class ConceptJob(EntityMixin, Base):
    __tablename__ = "concept_job"
    __table_args__ = (Index("ix_concept_job_owner_created", "owner_id", "created_at", "id"),)

    owner_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="queued")
    #: The request as sent: concept, level, constraints, theme.
    request: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    #: Progress steps in order: [{"step": "matching species…", "at": iso time, "done": bool}].
    progress: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    character_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    errors: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    #: "Who did what" for the result: provider and model of the proposal, timings.
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")
