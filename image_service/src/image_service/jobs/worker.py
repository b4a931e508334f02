"""The job worker: claims a queued job, renders it (offline or through GetImg) outside any
transaction, stores the image, marks the job done, then announces it with a completion event.

Several workers (instances) can run at once: claims use ``FOR UPDATE SKIP LOCKED`` and a lease, so
a job whose worker died is taken again when its lease runs out. Retryable provider errors (429,
5xx, timeouts) re-queue the job with a delay, up to :data:`MAX_ATTEMPTS`.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import httpx
import structlog
from PIL import Image, UnidentifiedImageError

from dnd_shared.db.base import utcnow
from dnd_shared.db.engine import Database
from image_service.assets.service import AssetService, NewImage
from image_service.assets.storage import BlobStore
from image_service.config import Settings
from image_service.events import GenerationCompletedV1
from image_service.jobs.repository import JobRepository
from image_service.metrics import GENERATIONS, JOB_WAIT_SECONDS, RENDER_SECONDS
from image_service.providers.getimg import GetImgClient, GetImgError
from image_service.providers.offline_item import ItemSpec, render_item_icon
from image_service.providers.offline_portrait import PortraitSpec, render_portrait

log = structlog.get_logger("image_service.jobs")

MAX_ATTEMPTS = 3
PROVIDER_SIZES = {"portrait": (768, 768), "item": (512, 512)}

Publish = Callable[[GenerationCompletedV1], Awaitable[Any]]


@dataclass(frozen=True)
class ClaimedJob:
    """What the worker needs from a claimed job once its claiming transaction has committed."""

    id: uuid.UUID
    kind: str
    provider: str
    spec: dict[str, Any]
    prompt: str
    owner_id: uuid.UUID
    title: str
    character_id: uuid.UUID | None
    attempts: int
    target_asset_id: uuid.UUID | None = None


@dataclass(frozen=True)
class JobOutcome:
    job_id: uuid.UUID
    status: str
    asset_id: uuid.UUID | None
    error_code: str | None


def render_offline(kind: str, spec: dict[str, Any]) -> NewImage:
    """Draw a job's image with the offline renderers (CPU work)."""
    if kind == "portrait":
        portrait = PortraitSpec(**spec)
        return NewImage(render_portrait(portrait), "image/png", 512, 512, "offline")
    item = ItemSpec(**spec)
    return NewImage(render_item_icon(item), "image/png", 256, 256, "offline")


class JobWorker:
    def __init__(
        self,
        database: Database,
        store: BlobStore,
        settings: Settings,
        publish: Publish | None = None,
        *,
        getimg_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.database = database
        self.store = store
        self.settings = settings
        self.publish = publish
        self.getimg_transport = getimg_transport
        self.wakeup = asyncio.Event()

    def _getimg(self) -> GetImgClient:
        key = self.settings.getimg_api_key
        if key is None:
            raise GetImgError(0, "getimg_not_configured", "No GetImg key is configured.", retryable=False)
        return GetImgClient(
            key.get_secret_value(),
            base_url=self.settings.getimg_base_url,
            model_path=self.settings.getimg_model_path,
            timeout=self.settings.getimg_timeout_seconds,
            transport=self.getimg_transport,
        )

    async def _render(self, job: ClaimedJob) -> NewImage:
        if job.provider == "offline":
            image = await asyncio.to_thread(render_offline, job.kind, job.spec)
            return NewImage(image.data, image.content_type, image.width, image.height, "offline", job.prompt)
        width, height = PROVIDER_SIZES[job.kind]
        generated = await self._getimg().text_to_image(
            job.prompt, width=width, height=height, seed=int(job.spec.get("seed", 0)) % 2**31
        )
        try:
            with Image.open(io.BytesIO(generated.data)) as opened:
                real_width, real_height = opened.size
        except (UnidentifiedImageError, OSError) as exc:
            raise GetImgError(
                502, "getimg_bad_response", "GetImg sent bytes that are not an image.", retryable=False
            ) from exc
        return NewImage(generated.data, generated.content_type, real_width, real_height, "getimg", job.prompt)

    async def run_once(self) -> JobOutcome | None:
        """Run the oldest runnable job, if any; returns what happened to it."""
        async with self.database.session() as session:
            job = await JobRepository(session).claim_next(self.settings.job_lease_seconds)
            if job is None:
                return None
            JOB_WAIT_SECONDS.labels(job.kind).observe(max(0.0, (utcnow() - job.created_at).total_seconds()))
            snapshot = ClaimedJob(
                job.id,
                job.kind,
                job.provider,
                dict(job.spec),
                job.prompt,
                job.owner_id,
                job.title,
                job.character_id,
                job.attempts,
                job.target_asset_id,
            )
        started = time.perf_counter()
        try:
            image = await self._render(snapshot)
        except GetImgError as exc:
            return await self._record_failure(snapshot, exc)
        RENDER_SECONDS.labels(snapshot.kind, snapshot.provider).observe(time.perf_counter() - started)
        async with self.database.session() as session:
            assets = AssetService(session, self.store)
            target = await assets.assets.get(snapshot.target_asset_id) if snapshot.target_asset_id is not None else None
            if target is not None:
                await assets.add_version(target, image)
                asset = target
            else:  # no target, or it was deleted meanwhile: a new image
                asset, _version = await assets.create(snapshot.owner_id, snapshot.kind, snapshot.title, image)
            jobs = JobRepository(session)
            job = await jobs.get_or_raise(snapshot.id)
            await jobs.update(
                job,
                {
                    "status": "succeeded",
                    "asset_id": asset.id,
                    "finished_at": utcnow(),
                    "lease_expires_at": None,
                    "error_code": None,
                    "error_message": None,
                },
            )
        GENERATIONS.labels(snapshot.kind, snapshot.provider, "succeeded").inc()
        log.info("job_succeeded", job_id=str(snapshot.id), kind=snapshot.kind, provider=snapshot.provider)
        await self._announce(snapshot, "succeeded", asset.id, None)
        return JobOutcome(snapshot.id, "succeeded", asset.id, None)

    async def _record_failure(self, snapshot: ClaimedJob, exc: GetImgError) -> JobOutcome:
        retry = exc.retryable and snapshot.attempts < MAX_ATTEMPTS
        async with self.database.session() as session:
            jobs = JobRepository(session)
            job = await jobs.get_or_raise(snapshot.id)
            values: dict[str, Any] = {"error_code": exc.code, "error_message": exc.message, "lease_expires_at": None}
            if retry:
                delay = exc.retry_after if exc.retry_after is not None else 5.0 * snapshot.attempts
                values.update(status="pending", not_before=utcnow() + timedelta(seconds=delay))
            else:
                values.update(status="failed", finished_at=utcnow())
            await jobs.update(job, values)
        log.warning("job_provider_error", job_id=str(snapshot.id), code=exc.code, retry=retry)
        if retry:
            return JobOutcome(snapshot.id, "pending", None, exc.code)
        GENERATIONS.labels(snapshot.kind, snapshot.provider, "failed").inc()
        await self._announce(snapshot, "failed", None, exc.code)
        return JobOutcome(snapshot.id, "failed", None, exc.code)

    async def _announce(self, job: ClaimedJob, status: str, asset_id: uuid.UUID | None, error_code: str | None) -> None:
        """The completion event, after the commit. The job row stays the record of truth, so a lost
        event loses no data (clients can always read ``GET /jobs/{id}``)."""
        if self.publish is None:
            return
        event = GenerationCompletedV1(
            job_id=job.id,
            kind=job.kind,
            owner_id=job.owner_id,
            status=status,
            provider=job.provider,
            asset_id=asset_id,
            character_id=job.character_id,
            error_code=error_code,
        )
        try:
            await self.publish(event)
        except Exception as exc:
            log.warning("job_event_not_published", job_id=str(job.id), error=type(exc).__name__)

    async def run(self) -> None:
        """Work until cancelled: drain runnable jobs, then wait for a wake-up or the poll interval."""
        while True:
            try:
                while await self.run_once() is not None:
                    pass
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.exception("job_worker_error", error=type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wakeup.wait(), timeout=self.settings.job_poll_seconds)
            self.wakeup.clear()
