"""Queueing generation jobs and reading them back. Never commits (the request or handler does)."""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from dnd_shared.db.pagination import Page
from dnd_shared.errors import ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.identity import Principal
from image_service.assets.access import check_owner
from image_service.assets.service import AssetService
from image_service.assets.storage import NO_STORE
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

    async def target_image(self, principal: Principal, image_id: uuid.UUID | None, kind: str) -> uuid.UUID | None:
        """The caller's own image of ``kind`` that a regeneration adds a version to (404 if not visible,
        403 if not theirs, 422 if of another kind)."""
        if image_id is None:
            return None
        asset = await AssetService(self.jobs.session, NO_STORE).visible(principal, image_id)
        check_owner(principal, asset, "image")
        if asset.kind != kind:
            raise UnprocessableError(
                f"Image {image_id} is a {asset.kind}, not a {kind}.",
                code="image_kind_mismatch",
                details=[ErrorDetail("image_id", f"must be a {kind} image")],
            )
        return asset.id

    async def queue_portrait(
        self,
        owner_id: uuid.UUID,
        spec: PortraitSpec,
        character_id: uuid.UUID | None,
        target_asset_id: uuid.UUID | None = None,
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
            target_asset_id=target_asset_id,
            attempts=0,
        )

    async def queue_item(
        self, owner_id: uuid.UUID, spec: ItemSpec, target_asset_id: uuid.UUID | None = None
    ) -> GenerationJob:
        return await self.jobs.create(
            owner_id=owner_id,
            kind="item",
            status="pending",
            provider=provider_for(self.settings),
            title=spec.name[:200],
            spec=dataclasses.asdict(spec),
            prompt=item_prompt(spec),
            target_asset_id=target_asset_id,
            attempts=0,
        )

    async def page(
        self, principal: Principal, *, status: str | None, kind: str | None, limit: int, cursor: str | None
    ) -> Page[GenerationJob]:
        """The caller's jobs, oldest first."""
        filters: dict[str, object] = {"owner_id": principal.user_id}
        if status:
            filters["status"] = status
        if kind:
            filters["kind"] = kind
        return await self.jobs.list(filters=filters, limit=limit, cursor=cursor)

    async def get(self, principal: Principal, job_id: uuid.UUID) -> GenerationJob:
        """The caller's own job (admins see all); anyone else's is 404."""
        job = await self.jobs.get(job_id)
        if job is None or (job.owner_id != principal.user_id and not principal.is_admin):
            raise NotFoundError("No job with that id.", code="job_not_found")
        return job
