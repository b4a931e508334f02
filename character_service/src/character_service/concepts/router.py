"""HTTP routes of the concept pipeline: start a job, read it, stream its progress."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Request, Response, status
from fastapi.responses import StreamingResponse

from character_service.characters.router import CharacterServiceDep
from character_service.characters.service import etag_of
from character_service.concepts.models import ConceptJob
from character_service.concepts.schemas import (
    AcceptIn,
    AcceptOut,
    ConceptIn,
    ConceptJobOut,
    EvolutionOut,
    RefineIn,
    RefineOut,
)
from character_service.concepts.service import DRAFT_BRANCH, ConceptJobService, EvolutionService, RefinementService
from character_service.versions.router import VersionServiceDep
from dnd_shared.db.engine import SessionDep
from dnd_shared.errors import ServiceUnavailableError
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/concepts", tags=["concepts"])
#: Routes on a concept draft: refine it, accept it.
draft_router = APIRouter(prefix="/api/v1/characters/{character_id}", tags=["concepts"])
IfMatch = Annotated[str | None, Header(alias="If-Match", description="The ETag you last read")]


def get_refinement_service(session: SessionDep, characters: CharacterServiceDep,
                           versions: VersionServiceDep) -> RefinementService:
    return RefinementService(session, characters, versions)


RefinementDep = Annotated[RefinementService, Depends(get_refinement_service)]

FINISHED = ("succeeded", "failed")
POLL_SECONDS = 0.05
STREAM_LIMIT_SECONDS = 60.0


def job_out(job: ConceptJob) -> ConceptJobOut:
    """The API shape of a job."""
    return ConceptJobOut(id=job.id, status=job.status, progress=job.progress, character_id=job.character_id,
                         explanation=job.explanation, errors=job.errors, request=job.request,
                         created_at=job.created_at, updated_at=job.updated_at)


@router.post("", status_code=status.HTTP_202_ACCEPTED, response_model=ConceptJobOut)
async def start_concept(body: ConceptIn, user: CurrentUser, request: Request) -> ConceptJobOut:
    """Start turning a concept into a draft character; poll the job or stream its events."""
    runner = getattr(request.app.state, "concept_runner", None)
    if runner is None:
        raise ServiceUnavailableError("The concept runner is not started.", code="concept_runner_down")
    async with request.app.state.database.session() as session:  # committed before the task reads it
        job = await ConceptJobService(session).start(user, body)
        out = job_out(job)
    runner.submit(out.id, user, body)
    return out


async def _read(request: Request, user: Any, job_id: uuid.UUID) -> ConceptJobOut:
    async with request.app.state.database.session() as session:
        return job_out(await ConceptJobService(session).get_visible(user, job_id))


@router.get("/{job_id}", response_model=ConceptJobOut)
async def get_concept_job(job_id: uuid.UUID, user: CurrentUser, request: Request) -> ConceptJobOut:
    """Status, progress steps, the result character and the explanation."""
    return await _read(request, user, job_id)


@router.get("/{job_id}/events", response_class=StreamingResponse)
async def concept_job_events(job_id: uuid.UUID, user: CurrentUser, request: Request) -> StreamingResponse:
    """Server-sent events: one ``progress`` event per step, then ``done`` (or ``failed``) with the job."""
    first = await _read(request, user, job_id)  # 404 before the stream starts

    async def events() -> AsyncIterator[str]:
        sent = 0
        job = first
        waited = 0.0
        while True:
            for step in job.progress[sent:]:
                yield f"event: progress\ndata: {json.dumps(step)}\n\n"
            sent = len(job.progress)
            if job.status in FINISHED or waited >= STREAM_LIMIT_SECONDS:
                kind = "done" if job.status == "succeeded" else ("failed" if job.status == "failed" else "timeout")
                yield f"event: {kind}\ndata: {job.model_dump_json()}\n\n"
                return
            await asyncio.sleep(POLL_SECONDS)
            waited += POLL_SECONDS
            job = await _read(request, user, job_id)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@draft_router.post("/refine", response_model=RefineOut)
async def refine_draft(character_id: uuid.UUID, body: RefineIn, user: CurrentUser, service: RefinementDep,
                       response: Response, if_match: IfMatch = None) -> RefineOut:
    """Apply feedback as a new commit on the ``draft`` branch: the diff and what was understood."""
    character, changes, explanation = await service.refine(user, character_id, body.feedback, if_match)
    response.headers["ETag"] = etag_of(character)
    return RefineOut(character_id=character.id, version=character.version, branch=DRAFT_BRANCH, changes=changes,
                     explanation=explanation)


@draft_router.post("/accept", response_model=AcceptOut)
async def accept_draft(character_id: uuid.UUID, user: CurrentUser, service: RefinementDep, response: Response,
                       body: Annotated[AcceptIn | None, Body()] = None, if_match: IfMatch = None) -> AcceptOut:
    """Merge the draft into ``main`` (DM approval where the campaign requires it) and activate it."""
    character, outcome = await service.accept(user, character_id, body.merge_request_id if body else None, if_match)
    response.headers["ETag"] = etag_of(character)
    return AcceptOut(character_id=character.id, status=character.status, merge=outcome, version=character.version)


@draft_router.post("/evolution", response_model=EvolutionOut)
async def evolution(character_id: uuid.UUID, user: CurrentUser, session: SessionDep,
                    characters: CharacterServiceDep) -> EvolutionOut:
    """Proposals from the journal (level-up, feat, spells, personality), each with its reason, evidence and
    the route that applies it; nothing is changed here."""
    character, proposals, read = await EvolutionService(session, characters).propose(user, character_id)
    return EvolutionOut(character_id=character.id, proposals=proposals, read=read)
