"""``auth.refresh_tokens``: opaque refresh tokens, stored as SHA-256 digests, grouped in families.

A family is one login session: every rotation adds a row to it; presenting an already-rotated
token revokes the whole family (the token was stolen, or the client is confused: both end the session).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from auth_service.db import Base
from dnd_shared.db.base import EntityMixin


class RefreshToken(EntityMixin, Base):
    __tablename__ = "refresh_tokens"
    __table_args__ = (Index("uq_refresh_tokens_token_hash", "token_hash", unique=True),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), nullable=False, index=True)
    family_id: Mapped[uuid.UUID] = mapped_column(nullable=False, index=True)
    token_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    #: Set when this token was exchanged for the next one of its family.
    rotated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)
