"""Generation jobs: long work (portraits, item art) queued in the database and run by a worker."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, Uuid, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from dnd_shared.db.base import EntityMixin
from image_service.db import Base

JOB_STATUSES = ("pending", "running", "succeeded", "failed")


class GenerationJob(EntityMixin, Base):
    __tablename__ = "generation_jobs"

    owner_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False, index=True)
    #: ``portrait`` | ``item``
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    #: ``pending`` -> ``running`` -> ``succeeded`` | ``failed`` (a retryable provider error re-queues)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="pending")
    #: ``offline`` | ``getimg``
    provider: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    #: What to draw (a PortraitSpec or ItemSpec as JSON) — a snapshot, so a later edit of the
    #: character does not change a queued job.
    spec: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    prompt: Mapped[str] = mapped_column(Text, nullable=False, default="")
    character_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assets.id"), nullable=True)
    #: When set, the result becomes a new version of this image instead of a new image.
    target_asset_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("assets.id"), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    lease_expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    not_before: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    error_code: Mapped[str | None] = mapped_column(String(60), nullable=True)
    error_message: Mapped[str | None] = mapped_column(Text, nullable=True)

    __table_args__ = (
        # The worker's queue scan: open jobs only, oldest first.
        Index("ix_generation_jobs_open", "created_at", postgresql_where=text("status IN ('pending', 'running')")),
    )
