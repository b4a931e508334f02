"""``/api/v1/images/jobs/{id}``: follow a portrait or item-art job to its image."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query

from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser
from image_service.assets.dependencies import SettingsDep
from image_service.assets.schemas import API_PREFIX
from image_service.jobs.schemas import JobOut, JobPage
from image_service.jobs.service import JobService

router = APIRouter(prefix=API_PREFIX, tags=["jobs"])


def get_job_service(session: SessionDep, settings: SettingsDep) -> JobService:
    return JobService(session, settings)


JobServiceDep = Annotated[JobService, Depends(get_job_service)]


@router.get("/jobs", response_model=JobPage)
async def list_jobs(
    user: CurrentUser,
    jobs: JobServiceDep,
    status: Annotated[Literal["pending", "running", "succeeded", "failed"] | None, Query()] = None,
    kind: Annotated[Literal["portrait", "item"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> JobPage:
    """The caller's generation jobs, oldest first."""
    page = await jobs.page(user, status=status, kind=kind, limit=limit, cursor=cursor)
    return JobPage(items=[JobOut.of(job) for job in page.items], next_cursor=page.next_cursor)


@router.get("/jobs/{job_id}", response_model=JobOut)
async def get_job(job_id: uuid.UUID, user: CurrentUser, jobs: JobServiceDep) -> JobOut:
    """Status of one of the caller's jobs; ``image_url`` once it succeeded, ``error_code`` if it failed."""
    return JobOut.of(await jobs.get(user, job_id))
