"""Recording security events. Events ride in the caller's unit of work, so a login failure (whose
bookkeeping must survive the 401) is recorded in a unit of work that commits before the error."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from auth_service.audit.models import AuditEvent
from auth_service.audit.repository import AuditEventRepository
from dnd_shared.db.pagination import Page

log = structlog.get_logger("auth_service.audit")


class AuditEventType(StrEnum):
    REGISTERED = "registered"
    LOGIN_SUCCEEDED = "login_succeeded"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    LOGOUT = "logout"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_REHASHED = "password_rehashed"
    REFRESH_REUSE_DETECTED = "refresh_reuse_detected"
    API_KEY_CREATED = "api_key_created"
    API_KEY_REVOKED = "api_key_revoked"
    ROLE_GRANTED = "role_granted"
    ROLE_REVOKED = "role_revoked"
    USER_DISABLED = "user_disabled"
    USER_ENABLED = "user_enabled"


class AuditLog:
    def __init__(self, session: AsyncSession) -> None:
        self.repository = AuditEventRepository(session)

    async def record(
        self,
        event_type: AuditEventType,
        *,
        user_id: uuid.UUID | None = None,
        actor_id: uuid.UUID | None = None,
        ip: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> AuditEvent:
        """Append one event (never a secret in ``details``) and log it."""
        event = await self.repository.create(
            event_type=event_type.value, user_id=user_id, actor_id=actor_id, ip=ip, details=details or {}
        )
        log.info("security_event", event_type=event_type.value, subject=str(user_id) if user_id else None,
                 actor=str(actor_id) if actor_id else None)
        return event

    async def list(self, *, event_type: str | None, user_id: uuid.UUID | None, limit: int,
                   cursor: str | None) -> Page[AuditEvent]:
        return await self.repository.list_newest_first(event_type=event_type, user_id=user_id, limit=limit,
                                                      cursor=cursor)
