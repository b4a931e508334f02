"""Queueing generation jobs and reading them back. Never commits (the request or handler does)."""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from dnd_shared.errors import NotFoundError
from dnd_shared.identity import Principal
from image_service.config import Settings
from image_service.jobs.models import GenerationJob
from image_service.jobs.repository import JobRepository
from image_service.providers.offline_item import ItemSpec
from image_service.providers.offline_portrait import PortraitSpec
from image_service.providers.prompts import item_prompt, portrait_prompt


def provider_for(settings: Settings) -> str:
    """GetImg when a key is configured, else the offline renderer."""
    return "getimg" if settings.getimg_api_key is not None and settings.getimg_api_key.get_secret_value() else "offline"


class JobService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.jobs = JobRepository(session)
        self.settings = settings

    async def queue_portrait(
        self, owner_id: uuid.UUID, spec: PortraitSpec, character_id: uuid.UUID | None
    ) -> GenerationJob:
        return await self.jobs.create(
            owner_id=owner_id,
            kind="portrait",
            status="pending",
            provider=provider_for(self.settings),
            title=f"Portrait of {spec.name}"[:200],
            spec=dataclasses.asdict(spec),
            prompt=portrait_prompt(spec),
            character_id=character_id,
            attempts=0,
        )

    async def queue_item(self, owner_id: uuid.UUID, spec: ItemSpec) -> GenerationJob:
        return await self.jobs.create(
            owner_id=owner_id,
            kind="item",
            status="pending",
            provider=provider_for(self.settings),
            title=spec.name[:200],
            spec=dataclasses.asdict(spec),
            prompt=item_prompt(spec),
            attempts=0,
        )

    async def get(self, principal: Principal, job_id: uuid.UUID) -> GenerationJob:
        """The caller's own job (admins see all); anyone else's is 404."""
        job = await self.jobs.get(job_id)
        if job is None or (job.owner_id != principal.user_id and not principal.is_admin):
            raise NotFoundError("No job with that id.", code="job_not_found")
        return job
