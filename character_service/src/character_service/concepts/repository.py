"""Every query on concept jobs."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from character_service.concepts.models import ConceptJob
from dnd_shared.db.repository import Repository


class ConceptJobRepository(Repository[ConceptJob]):
    model = ConceptJob
    entity_name = "concept_job"

    async def of_character(self, character_id: uuid.UUID) -> ConceptJob | None:
        """The job that produced a character, if any."""
        statement = select(ConceptJob).where(ConceptJob.character_id == character_id,
                                             ConceptJob.deleted_at.is_(None)).order_by(ConceptJob.created_at)
        job: ConceptJob | None = (await self.session.execute(statement)).scalars().first()
        return job

    async def stale_unfinished(self, older_than: datetime) -> list[ConceptJob]:
        """Queued or running jobs not touched since ``older_than`` (their task died with its instance)."""
        statement = select(ConceptJob).where(ConceptJob.status.in_(("queued", "running")),
                                             ConceptJob.updated_at < older_than, ConceptJob.deleted_at.is_(None))
        return list((await self.session.execute(statement)).scalars().all())
