"""``/api/v1/auth/audit-events``: the security audit log, newest first (admin)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from auth_service.audit.schemas import AuditEventOut, AuditEventPage
from auth_service.audit.service import AuditEventType, AuditLog
from dnd_shared.db.engine import SessionDep
from dnd_shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from dnd_shared.identity import AdminUser

router = APIRouter(prefix="/api/v1/auth/audit-events", tags=["audit"])


@router.get("", response_model=AuditEventPage, summary="Security events, newest first (admin)")
async def list_audit_events(
    admin: AdminUser, session: SessionDep,
    event_type: AuditEventType | None = None,
    user_id: uuid.UUID | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> AuditEventPage:
    page = await AuditLog(session).list(event_type=event_type.value if event_type else None, user_id=user_id,
                                        limit=limit, cursor=cursor)
    return AuditEventPage(items=[AuditEventOut.model_validate(e) for e in page.items], next_cursor=page.next_cursor)
