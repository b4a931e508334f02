"""Storylines (branches) and their commits: snapshots of the campaign's versioned story."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index


class Storyline(EntityMixin, Base):
    """A branch: a name and its head commit. Exactly one storyline of a campaign is checked out: the
    live story entities are its working state."""

    __tablename__ = "storyline"
    __table_args__ = (live_unique_index("uq_storyline_campaign_name_live", "campaign_id", "name"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    head_commit_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    checked_out: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class StoryCommit(EntityMixin, Base):
    """A snapshot of the versioned story with its parents (two for a merge)."""

    __tablename__ = "story_commit"

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    parent_ids: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    author_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    message: Mapped[str] = mapped_column(Text, nullable=False, default="")
    document: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    digest: Mapped[str] = mapped_column(String(64), nullable=False)
