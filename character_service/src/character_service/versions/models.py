"""Version control of character builds: commits (build snapshots), branches, the active branch,
merge requests, and the activity log of play state (which is not committed).

Rows name their character by id without a foreign key: the history is an append-only log beside
the character row (which is only ever soft-deleted), and a hard removal of a character row (test
clean-up, a future purge) is not blocked by its history. Every such column is indexed.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from character_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index

BRANCH_NAME_MAX = 60
MAIN_BRANCH = "main"


class BuildCommit(EntityMixin, Base):
    """One version of a character's build. Immutable once written; ``parents`` are commit ids (two
    for a merge), ``parent_id`` the first of them (history follows it)."""

    __tablename__ = "version_commit"
    __table_args__ = (Index("ix_version_commit_character_created", "character_id", "created_at", "id"),)

    character_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    parents: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(Uuid()), nullable=False)
    #: Longest path from a root commit + 1 (a root is 1).
    generation: Mapped[int] = mapped_column(Integer, nullable=False)
    #: The branch the commit was made on.
    branch: Mapped[str] = mapped_column(String(BRANCH_NAME_MAX), nullable=False)
    author_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    message: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    #: ``create``, ``edit``, ``merge`` or ``revert``.
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="edit")
    #: The human summary of the change from the first parent ("Level 4 -> 5 (Wizard); ...").
    summary: Mapped[str] = mapped_column(Text, nullable=False, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    digest: Mapped[str] = mapped_column(String(64), nullable=False)


class Branch(EntityMixin, Base):
    """A named line of commits of one character; soft-deletable and restorable."""

    __tablename__ = "version_branch"
    __table_args__ = (live_unique_index("uq_version_branch_character_name", "character_id", "name"),)

    character_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    name: Mapped[str] = mapped_column(String(BRANCH_NAME_MAX), nullable=False)
    head_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("version_commit.id"), nullable=False)


class Checkout(EntityMixin, Base):
    """Which branch a character's row currently holds (its build is that branch's head)."""

    __tablename__ = "version_checkout"
    __table_args__ = (live_unique_index("uq_version_checkout_character", "character_id"),)

    character_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    branch: Mapped[str] = mapped_column(String(BRANCH_NAME_MAX), nullable=False)


class MergeRequest(EntityMixin, Base):
    """A request to merge ``source`` into ``target`` awaiting a DM's decision; every step is in ``audit``."""

    __tablename__ = "version_merge_request"
    __table_args__ = (Index("ix_version_merge_request_character_created", "character_id", "created_at", "id"),)

    character_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    source: Mapped[str] = mapped_column(String(BRANCH_NAME_MAX), nullable=False)
    target: Mapped[str] = mapped_column(String(BRANCH_NAME_MAX), nullable=False)
    author_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    #: ``open``, ``approved``, ``rejected`` or ``merged``.
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="open")
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    #: The source head when the request was made (and when approved): later commits need a new approval.
    source_head_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    approved_head_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    merged_commit_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    #: User ids who decided (approved or rejected).
    reviewers: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    #: ``[{"author_id", "body", "at"}]``
    comments: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    #: ``[{"who", "action", "at", "detail"}]`` — created, commented, approved, rejected, merged.
    audit: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)


class Activity(EntityMixin, Base):
    """A play-state change (HP, conditions, spent resources): who, what, when, and the field changes."""

    __tablename__ = "version_activity"
    __table_args__ = (Index("ix_version_activity_character_created", "character_id", "created_at", "id"),)

    character_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    what: Mapped[str] = mapped_column(Text, nullable=False)
    #: ``{"changes": [{"path", "kind", "before", "after"}]}``
    report: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
