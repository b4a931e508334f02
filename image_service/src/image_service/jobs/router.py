"""``/api/v1/images/jobs/{id}``: follow a portrait or item-art job to its image."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends

from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser
from image_service.assets.dependencies import SettingsDep
from image_service.assets.schemas import API_PREFIX
from image_service.jobs.schemas import JobOut
from image_service.jobs.service import JobService

router = APIRouter(prefix=API_PREFIX, tags=["jobs"])


def get_job_service(session: SessionDep, settings: SettingsDep) -> JobService:
    return JobService(session, settings)


JobServiceDep = Annotated[JobService, Depends(get_job_service)]


@router.get("/jobs/{job_id}", response_model=JobOut)
async def get_job(job_id: uuid.UUID, user: CurrentUser, jobs: JobServiceDep) -> JobOut:
    """Status of one of the caller's jobs; ``image_url`` once it succeeded, ``error_code`` if it failed."""
    return JobOut.of(await jobs.get(user, job_id))
