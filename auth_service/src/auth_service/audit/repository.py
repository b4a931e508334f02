"""Queries of the audit log."""

from __future__ import annotations

import uuid

from sqlalchemy import and_, or_

from auth_service.audit.models import AuditEvent
from dnd_shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Cursor, Page
from dnd_shared.db.repository import Repository


class AuditEventRepository(Repository[AuditEvent]):
    model = AuditEvent
    entity_name = "audit_event"

    async def list_newest_first(self, *, event_type: str | None = None, user_id: uuid.UUID | None = None,
                                limit: int = DEFAULT_PAGE_SIZE, cursor: str | None = None) -> Page[AuditEvent]:
        """Newest first (what an admin reads), keyset-paginated over ``(created_at, id)`` descending."""
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        statement = self._select()
        if event_type is not None:
            statement = statement.where(AuditEvent.event_type == event_type)
        if user_id is not None:
            statement = statement.where(AuditEvent.user_id == user_id)
        if cursor is not None:
            after = Cursor.decode(cursor)
            statement = statement.where(or_(
                AuditEvent.created_at < after.created_at,
                and_(AuditEvent.created_at == after.created_at, AuditEvent.id < after.id),
            ))
        statement = statement.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc()).limit(limit + 1)
        rows = list((await self.session.execute(statement)).scalars().all())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            next_cursor = Cursor(rows[-1].created_at, rows[-1].id).encode()
        return Page(items=rows, next_cursor=next_cursor)
