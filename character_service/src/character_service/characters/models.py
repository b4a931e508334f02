"""A character row: independent fields only (build and play state). The sheet is never stored."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from character_service.db import Base
from dnd_shared.db.base import EntityMixin


class Character(EntityMixin, Base):
    __tablename__ = "character"
    __table_args__ = (
        Index("ix_character_owner_created", "owner_id", "created_at", "id"),
        Index("ix_character_build_gin", "build", postgresql_using="gin", postgresql_ops={"build": "jsonb_path_ops"}),
    )

    owner_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    #: ``draft`` while the guided builder is incomplete, then ``active``.
    status: Mapped[str] = mapped_column(String(16), nullable=False, default="active")
    rules_version: Mapped[str] = mapped_column(String(8), nullable=False, default="2024")
    #: The rules engine's Build document (a partial one while a draft).
    build: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    #: The rules engine's PlayState document.
    state: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    #: ``xp`` or ``milestone`` (a campaign may set it); XP itself is ``build.xp``.
    advancement: Mapped[str] = mapped_column(String(16), nullable=False, default="xp", server_default="xp")
    #: In milestone mode: the level the DM has granted (None until the first milestone).
    milestone_level: Mapped[int | None] = mapped_column(nullable=True)
    #: Spell replacements still allowed per class (rules.spell_changes), granted by rests and level-ups.
    spell_swaps: Mapped[dict[str, dict[str, int]]] = mapped_column(JSONB, nullable=False, default=dict,
                                                                  server_default="{}")
