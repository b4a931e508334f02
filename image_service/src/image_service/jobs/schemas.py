"""HTTP shapes of generation jobs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel

from image_service.assets.schemas import API_PREFIX
from image_service.jobs.models import GenerationJob


class JobOut(BaseModel):
    id: uuid.UUID
    kind: Literal["portrait", "item"]
    status: Literal["pending", "running", "succeeded", "failed"]
    provider: str
    title: str
    spec: dict[str, Any]
    prompt: str
    character_id: uuid.UUID | None
    asset_id: uuid.UUID | None
    image_url: str | None
    attempts: int
    error_code: str | None
    error_message: str | None
    created_at: datetime
    finished_at: datetime | None
    url: str

    @classmethod
    def of(cls, job: GenerationJob) -> JobOut:
        return cls(
            id=job.id,
            kind=job.kind,
            status=job.status,
            provider=job.provider,
            title=job.title,
            spec=job.spec,
            prompt=job.prompt,
            character_id=job.character_id,
            asset_id=job.asset_id,
            image_url=f"{API_PREFIX}/{job.asset_id}" if job.asset_id else None,
            attempts=job.attempts,
            error_code=job.error_code,
            error_message=job.error_message,
            created_at=job.created_at,
            finished_at=job.finished_at,
            url=f"{API_PREFIX}/jobs/{job.id}",
        )


class JobPage(BaseModel):
    items: list[JobOut]
    next_cursor: str | None
