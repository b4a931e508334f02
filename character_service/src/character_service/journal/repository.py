"""Every query on journal entries."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from character_service.journal.models import JournalEntry
from dnd_shared.db.repository import Repository


class JournalRepository(Repository[JournalEntry]):
    model = JournalEntry
    entity_name = "journal_entry"

    async def by_source_event(self, character_id: uuid.UUID, source_event_id: str) -> JournalEntry | None:
        statement = select(JournalEntry).where(
            JournalEntry.character_id == character_id,
            JournalEntry.source_event_id == source_event_id,
            JournalEntry.deleted_at.is_(None),
        )
        entry: JournalEntry | None = (await self.session.execute(statement)).scalar_one_or_none()
        return entry
