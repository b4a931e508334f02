"""Queries of knowledge and reveals."""

from __future__ import annotations

import uuid

from sqlalchemy import func, or_, select

from campaign_service.antitheticon.models import Knowledge, Reveal
from dnd_shared.db.repository import Repository


class KnowledgeRepository(Repository[Knowledge]):
    model = Knowledge
    entity_name = "knowledge"

    async def in_campaign(self, campaign_id: uuid.UUID, *, holder_id: uuid.UUID | None = None,
                          subject_id: uuid.UUID | None = None, active_only: bool = True) -> list[Knowledge]:
        """Knowledge rows, oldest first."""
        statement = self._select().where(Knowledge.campaign_id == campaign_id)
        if holder_id is not None:
            statement = statement.where(Knowledge.holder_id == holder_id)
        if subject_id is not None:
            statement = statement.where(Knowledge.subject_id == subject_id)
        if active_only:
            statement = statement.where(Knowledge.active.is_(True))
        return list((await self.session.execute(statement.order_by(Knowledge.created_at))).scalars().all())

    async def superseded_by(self, campaign_id: uuid.UUID, holder_kind: str, holder_id: uuid.UUID | None,
                            fact_key: str, subject_id: uuid.UUID | None) -> list[Knowledge]:
        """The holder's active rows a new row on the same fact (or, without a key, subject) replaces."""
        statement = self._select().where(Knowledge.campaign_id == campaign_id, Knowledge.holder_kind == holder_kind,
                                         Knowledge.active.is_(True))
        statement = statement.where(Knowledge.holder_id.is_(None) if holder_id is None
                                    else Knowledge.holder_id == holder_id)
        if fact_key:
            statement = statement.where(Knowledge.fact_key == fact_key)
        elif subject_id is not None:
            statement = statement.where(Knowledge.subject_id == subject_id, or_(Knowledge.fact_key == ""))
        else:
            return []
        return list((await self.session.execute(statement)).scalars().all())


class RevealRepository(Repository[Reveal]):
    model = Reveal
    entity_name = "reveal"

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[Reveal]:
        """Reveals in timeline order."""
        statement = self._select().where(Reveal.campaign_id == campaign_id).order_by(Reveal.position, Reveal.created_at)
        return list((await self.session.execute(statement)).scalars().all())

    async def in_campaign_by_id(self, campaign_id: uuid.UUID, reveal_id: uuid.UUID) -> Reveal | None:
        """One reveal of this campaign, locked (applying is exclusive)."""
        statement = self._select().where(Reveal.campaign_id == campaign_id, Reveal.id == reveal_id)
        found: Reveal | None = (await self.session.execute(statement.with_for_update())).scalar_one_or_none()
        return found

    async def next_position(self, campaign_id: uuid.UUID) -> int:
        """One after the last position on the timeline."""
        value = await self.session.scalar(select(func.max(Reveal.position)).where(Reveal.campaign_id == campaign_id))
        return int(value) + 1 if value is not None else 0
