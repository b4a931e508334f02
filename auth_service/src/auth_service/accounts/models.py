"""``auth.users``: one row per account."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from auth_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index

PLAYER = "player"
ADMIN = "admin"
GLOBAL_ROLES = (PLAYER, ADMIN)


class User(EntityMixin, Base):
    __tablename__ = "users"
    __table_args__ = (live_unique_index("uq_users_email_live", "email"),)

    #: Stored lower-cased and trimmed: one account per address whatever the caller's casing.
    email: Mapped[str] = mapped_column(String(320), nullable=False)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(512), nullable=False)
    roles: Mapped[list[str]] = mapped_column(
        ARRAY(String(32)), nullable=False, default=lambda: [PLAYER], server_default=text("'{player}'")
    )
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: Bumped when every access token of the user must die (disable, role change, password change).
    token_generation: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default=text("0"))
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    @property
    def is_disabled(self) -> bool:
        return self.disabled_at is not None
