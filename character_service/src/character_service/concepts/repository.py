"""Every query on concept jobs."""

from __future__ import annotations

from character_service.concepts.models import ConceptJob
from dnd_shared.db.repository import Repository


class ConceptJobRepository(Repository[ConceptJob]):
    model = ConceptJob
    entity_name = "concept_job"
