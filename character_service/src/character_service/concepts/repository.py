"""Every query on concept jobs."""

from __future__ import annotations

import uuid

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
