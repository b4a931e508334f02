"""Queries of sessions, their events and the ledger."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from campaign_service.sessions.models import LedgerEntry, PlaySession, SessionEvent
from dnd_shared.db.repository import Repository


class SessionRepository(Repository[PlaySession]):
    model = PlaySession
    entity_name = "session"

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[PlaySession]:
        """The campaign's sessions by number."""
        statement = self._select().where(PlaySession.campaign_id == campaign_id).order_by(PlaySession.number)
        return list((await self.session.execute(statement)).scalars().all())

    async def in_campaign_by_id(self, campaign_id: uuid.UUID, session_id: uuid.UUID, *,
                                include_deleted: bool = False) -> PlaySession | None:
        """One session of this campaign, locked for the rest of the transaction (closing is exclusive)."""
        statement = self._select(include_deleted=include_deleted).where(PlaySession.campaign_id == campaign_id,
                                                                        PlaySession.id == session_id)
        found: PlaySession | None = (await self.session.execute(statement.with_for_update())).scalar_one_or_none()
        return found

    async def next_number(self, campaign_id: uuid.UUID) -> int:
        """One after the highest session number ever used in the campaign."""
        value = await self.session.scalar(select(func.max(PlaySession.number))
                                          .where(PlaySession.campaign_id == campaign_id))
        return int(value or 0) + 1


class SessionEventRepository(Repository[SessionEvent]):
    model = SessionEvent
    entity_name = "session_event"

    async def of_session(self, session_id: uuid.UUID) -> list[SessionEvent]:
        """The session's events, oldest first."""
        statement = self._select().where(SessionEvent.session_id == session_id).order_by(SessionEvent.created_at)
        return list((await self.session.execute(statement)).scalars().all())

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[SessionEvent]:
        """Every event of the campaign, oldest first."""
        statement = self._select().where(SessionEvent.campaign_id == campaign_id).order_by(SessionEvent.created_at)
        return list((await self.session.execute(statement)).scalars().all())


class LedgerRepository(Repository[LedgerEntry]):
    model = LedgerEntry
    entity_name = "ledger_entry"

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[LedgerEntry]:
        """The ledger, oldest first."""
        statement = self._select().where(LedgerEntry.campaign_id == campaign_id).order_by(LedgerEntry.created_at)
        return list((await self.session.execute(statement)).scalars().all())
