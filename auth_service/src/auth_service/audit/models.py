"""``auth.audit_events``: append-only security events."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from auth_service.db import Base
from dnd_shared.db.base import EntityMixin


class AuditEvent(EntityMixin, Base):
    __tablename__ = "audit_events"

    event_type: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    #: The account the event is about (None for a login attempt on an unknown email).
    user_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True, index=True)
    #: Who did it: the user, an admin, or None for the CLI / the system.
    actor_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    ip: Mapped[str | None] = mapped_column(String(64), nullable=True)
    details: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
