"""Background execution of concept jobs, owned by the app (started and drained by a lifespan hook).

Each job runs in its own task with its own database sessions: a progress step is one short unit of
work, so ``GET /concepts/{job}`` and the event stream see it at once.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog
from fastapi import FastAPI

from character_service.campaign_links.access import CampaignDmAccess
from character_service.characters.repository import CharacterRepository
from character_service.characters.service import CharacterService
from character_service.concepts.pipeline import run_pipeline
from character_service.concepts.schemas import ConceptIn
from character_service.concepts.service import ConceptJobService, store_draft
from character_service.concepts.vocabulary import seed_of
from character_service.versions.membership import HubCampaignMembership
from character_service.versions.repository import MergeRequestRepository
from character_service.versions.service import VersionService
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.hub.client import Hub
from dnd_shared.identity import Principal

log = structlog.get_logger("character_service.concepts")


PORTRAIT_TIMEOUT = 5.0


async def request_portrait(hub: Hub | None, principal: Principal, character_id: uuid.UUID,
                           request: ConceptIn) -> dict[str, Any]:
    """Ask the image service (``image.portrait.generate``) for a portrait of the stored draft; the
    image service reads the character's summary back through the hub. Never fails the job."""
    if hub is None or not hub.running:
        return {"requested": False, "reason": "no message hub"}
    try:
        job = await hub.call("image.portrait.generate", {
            "character_id": str(character_id), "appearance": request.concept.strip()[:400], "style": "card",
            "seed": seed_of(request.concept) % 2**31}, principal=PrincipalClaims.from_principal(principal),
            timeout=PORTRAIT_TIMEOUT)
    except Exception as exc:  # the portrait is optional: the character stands without it
        log.warning("concept_portrait_failed", error=str(exc)[:200])
        return {"requested": False, "reason": f"image service unavailable ({type(exc).__name__})"}
    return {"requested": True, "job_id": str(job.get("id")), "status": job.get("status")}


class ConceptRunner:
    """Runs jobs as tasks of the app; ``drain`` waits for them on shutdown."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.tasks: set[asyncio.Task[None]] = set()

    def submit(self, job_id: uuid.UUID, principal: Principal, request: ConceptIn) -> asyncio.Task[None]:
        """Start the job in the background."""
        task = asyncio.create_task(self.run(job_id, principal, request), name=f"concept-job-{job_id}")
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def run(self, job_id: uuid.UUID, principal: Principal, request: ConceptIn) -> None:
        """The job: pipeline steps recorded as they happen, then the draft stored with the explanation."""
        database: Any = self.app.state.database
        hub = getattr(self.app.state, "hub", None)

        async def on_step(step: str) -> None:
            async with database.session() as session:
                await ConceptJobService(session).step(job_id, step)

        try:
            result = await run_pipeline(hub, PrincipalClaims.from_principal(principal), request, on_step)
            await on_step("saving the draft…")
            async with database.session() as session:
                characters = CharacterService(CharacterRepository(session), CampaignDmAccess(session, hub))
                versions = VersionService(characters, MergeRequestRepository(session),
                                          HubCampaignMembership(session, hub))
                character_id = await store_draft(characters, versions, principal, result.build,
                                                 f"Concept: {request.concept.strip()[:80]}")
            if request.portrait:  # after the draft's commit: the image service reads it back over the hub
                await on_step("requesting a portrait…")
                result.explanation["portrait"] = await request_portrait(hub, principal, character_id, request)
            async with database.session() as session:
                await ConceptJobService(session).succeed(job_id, character_id, result)
        except Exception as exc:
            log.exception("concept_job_failed", job_id=str(job_id))
            async with database.session() as session:
                await ConceptJobService(session).fail(job_id, "pipeline_failed", f"{type(exc).__name__}: {exc}"[:500])

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait for running jobs (cancel what is left after ``timeout``)."""
        if not self.tasks:
            return
        _done, pending = await asyncio.wait(set(self.tasks), timeout=timeout)
        for task in pending:
            task.cancel()


#: A job unfinished and untouched for this long lost its task (a job takes seconds).
INTERRUPTED_AFTER = timedelta(minutes=10)


@asynccontextmanager
async def concept_runner_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan hook: ``app.state.concept_runner`` for the routes, drained on shutdown. On start, jobs
    whose instance died mid-run are marked failed (``interrupted``) so no client polls them forever."""
    runner = ConceptRunner(app)
    app.state.concept_runner = runner
    async with app.state.database.session() as session:
        count = await ConceptJobService(session).fail_interrupted(datetime.now(UTC) - INTERRUPTED_AFTER)
    if count:
        log.warning("concept_jobs_interrupted", count=count)
    try:
        yield
    finally:
        await runner.drain()
