"""Concept use cases: start a job, read it, refine a draft, accept it, propose evolutions.

The job row is the pipeline's public face: status, progress steps, the result character and the
explanation. Services never commit; the background runner gives each step its own unit of work.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from character_service.characters.models import Character
from character_service.characters.service import CharacterService, check_if_match
from character_service.concepts.evolution import JournalItem, propose_evolution
from character_service.concepts.models import ConceptJob
from character_service.concepts.pipeline import PipelineResult
from character_service.concepts.refinement import apply_feedback, build_changes, proposal_from_build, read_feedback
from character_service.concepts.repair import legal_build
from character_service.concepts.repository import ConceptJobRepository
from character_service.concepts.schemas import ConceptIn
from character_service.journal.repository import JournalRepository
from character_service.journal.service import advancement_of
from character_service.versions.service import VersionService
from dnd_shared.errors import ConflictError, ErrorDetail, NotFoundError
from dnd_shared.identity import Principal

DRAFT_BRANCH = "draft"
MAIN_BRANCH = "main"


def now_iso() -> str:
    """The current UTC time as ISO 8601."""
    return datetime.now(UTC).isoformat()


class ConceptJobService:
    """Reads and writes concept jobs."""

    def __init__(self, session: AsyncSession) -> None:
        self.jobs = ConceptJobRepository(session)

    async def start(self, principal: Principal, request: ConceptIn) -> ConceptJob:
        """A queued job for ``request`` (the runner picks it up after the commit)."""
        return await self.jobs.create(owner_id=principal.user_id, status="queued",
                                      request=request.model_dump(mode="json", by_alias=True),
                                      progress=[{"step": "queued", "at": now_iso()}], explanation={}, errors=[],
                                      detail="")

    async def get_visible(self, principal: Principal, job_id: uuid.UUID) -> ConceptJob:
        """The job for its owner or an admin; 404 for anyone else."""
        job = await self.jobs.get(job_id)
        if job is None or (job.owner_id != principal.user_id and not principal.is_admin):
            raise NotFoundError(f"No concept job with id {job_id}.", code="concept_job_not_found")
        return job

    async def step(self, job_id: uuid.UUID, step: str) -> None:
        """Append a progress step (and mark the job running)."""
        job = await self.jobs.get_or_raise(job_id)
        await self.jobs.update(job, {"status": "running", "progress": [*job.progress, {"step": step,
                                                                                         "at": now_iso()}]})

    async def fail(self, job_id: uuid.UUID, code: str, message: str) -> None:
        """Mark the job failed with one error."""
        job = await self.jobs.get_or_raise(job_id)
        await self.jobs.update(job, {"status": "failed", "errors": [*job.errors, {"code": code, "message": message}],
                                     "progress": [*job.progress, {"step": "failed", "at": now_iso()}]})

    async def fail_interrupted(self, older_than: datetime) -> int:
        """Jobs whose task died with its instance (unfinished and untouched for long) are marked failed."""
        jobs = await self.jobs.stale_unfinished(older_than)
        for job in jobs:
            await self.jobs.update(job, {
                "status": "failed", "errors": [*job.errors, {"code": "interrupted",
                                                             "message": "the instance running the job stopped"}],
                "progress": [*job.progress, {"step": "failed", "at": now_iso()}]})
        return len(jobs)

    async def succeed(self, job_id: uuid.UUID, character_id: uuid.UUID, result: PipelineResult) -> None:
        """Record the result character and explanation."""
        job = await self.jobs.get_or_raise(job_id)
        await self.jobs.update(job, {
            "status": "succeeded", "character_id": character_id, "explanation": result.explanation,
            "detail": f"{result.proposal.origin}; {result.seconds * 1000:.0f} ms",
            "progress": [*job.progress, {"step": "done", "at": now_iso()}]})


async def store_draft(characters: CharacterService, versions: VersionService, principal: Principal,
                      build: dict[str, Any], message: str) -> uuid.UUID:
    """A new draft character whose build lives on its ``draft`` branch (``main`` holds the empty start, so
    accepting is a merge of the whole concept into ``main``)."""
    character = await characters.create_draft(principal, {"name": build.get("name", "")})
    await versions.create_branch(principal, character.id, DRAFT_BRANCH, None)
    character = await versions.checkout(principal, character.id, DRAFT_BRANCH, None)
    await characters.store_build(character, build, author=principal, message=message)
    return character.id


class RefinementService:
    """Refine a concept draft on its ``draft`` branch and accept it into ``main``."""

    def __init__(self, session: AsyncSession, characters: CharacterService, versions: VersionService) -> None:
        self.jobs = ConceptJobRepository(session)
        self.characters = characters
        self.versions = versions

    async def _draft(self, principal: Principal, character_id: uuid.UUID, if_match: str | None) -> Character:
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        if character.status != "draft":
            raise ConflictError("Only a draft can be refined; this character was accepted.", code="not_a_draft",
                                details=[ErrorDetail("status", character.status)])
        if await self.versions.active_branch(character) != DRAFT_BRANCH:
            raise ConflictError("Refinement works on the draft branch; check it out first.",
                                code="draft_branch_not_checked_out", details=[ErrorDetail("branch", "draft")])
        return character

    async def refine(self, principal: Principal, character_id: uuid.UUID, feedback: str, if_match: str | None
                     ) -> tuple[Character, list[dict[str, Any]], dict[str, Any]]:
        """A new commit on ``draft``: the feedback's changes applied, everything else kept, the build legal."""
        character = await self._draft(principal, character_id, if_match)
        job = await self.jobs.of_character(character.id)
        concept = str(job.request.get("concept")) if job is not None else str(character.build.get("name", ""))
        current = proposal_from_build(concept, character.build)
        reading = read_feedback(feedback, current)
        proposal = apply_feedback(current, reading)
        document, repairs = legal_build(proposal)
        changes = build_changes(character.build, document)
        explanation = {
            "feedback": feedback,
            "understood": [{"element": key, "choice": choice.value, "concept": choice.concept,
                            "reason": choice.reason} for key, choice in reading.changes.items()],
            "kept": sorted({"species", "class", "background", "name", "level"} - set(reading.changes)),
            "repairs": [r.to_dict() for r in repairs],
            "legal": True,
        }
        if not reading.changes:
            explanation["note"] = "nothing in the feedback named a change the pipeline understands; build unchanged"
        if changes:
            character = await self.characters.store_build(character, document, author=principal,
                                                          message=f"Refine: {feedback.strip()[:80]}")
        return character, changes, explanation

    async def accept(self, principal: Principal, character_id: uuid.UUID, merge_request_id: uuid.UUID | None,
                     if_match: str | None) -> tuple[Character, str]:
        """Merge ``draft`` into ``main`` through version control (with the DM's approval where the campaign
        requires it), check ``main`` out and make the character active."""
        await self._draft(principal, character_id, if_match)
        outcome, _branch, _commit, _character = await self.versions.merge(
            principal, character_id, DRAFT_BRANCH, MAIN_BRANCH, message="Accept the concept draft",
            resolutions={}, merge_request_id=merge_request_id, if_match=None)
        await self.versions.checkout(principal, character_id, MAIN_BRANCH, None)
        character = await self.characters.complete_draft(principal, character_id, None)
        return character, outcome


class EvolutionService:
    """Proposals from the journal for a character (its owner or an admin)."""

    def __init__(self, session: AsyncSession, characters: CharacterService) -> None:
        self.entries = JournalRepository(session)
        self.characters = characters

    async def propose(self, principal: Principal, character_id: uuid.UUID
                      ) -> tuple[Character, list[dict[str, Any]], dict[str, int]]:
        """Level-up, feat, spell and personality proposals that follow the journal."""
        character = await self.characters.get_visible(principal, character_id)
        if character.status != "active":
            raise ConflictError("Evolution reads the journal of an accepted (active) character.",
                                code="not_active", details=[ErrorDetail("status", character.status)])
        page = await self.entries.list(filters={"character_id": character.id}, limit=200)
        journal = [JournalItem(e.id, e.kind, e.title, e.body, tuple(e.tags), dict(e.data)) for e in page.items]
        ready = advancement_of(character).level_up_ready
        proposals, read = propose_evolution(character.id, character.build, journal, ready)
        return character, proposals, read
