"""The image service's ASGI app: ``uvicorn image_service.main:create_app --factory``."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from fastapi import FastAPI

from dnd_shared.app import create_service_app
from image_service import rpc
from image_service.assets.router import router as assets_router
from image_service.assets.storage import blob_store_from_settings
from image_service.config import Settings
from image_service.events import GenerationCompletedV1
from image_service.items.router import router as items_router
from image_service.jobs.router import router as jobs_router
from image_service.jobs.worker import JobWorker
from image_service.maps.router import router as maps_router
from image_service.portraits.router import router as portraits_router

API_PREFIX = "/api/v1/images"


@contextlib.asynccontextmanager
async def storage_and_worker(app: FastAPI) -> AsyncIterator[None]:
    """The blob store, and the job worker (unless disabled) running beside the app."""
    settings: Settings = app.state.settings
    if getattr(app.state, "blob_store", None) is None:
        app.state.blob_store = blob_store_from_settings(settings)

    async def publish(event: GenerationCompletedV1) -> Any:
        hub = getattr(app.state, "hub", None)
        if hub is None or not hub.running:
            return None
        return await hub.publish(event, subject=str(event.job_id))

    worker = JobWorker(app.state.database, app.state.blob_store, settings, publish)
    app.state.job_worker = worker
    task = asyncio.create_task(worker.run(), name="image-job-worker") if settings.job_worker_enabled else None
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: routers of each domain module (assets last: ``/{id}`` would shadow the others)."""
    settings = settings or Settings()
    app = create_service_app(
        settings,
        title="Image service",
        prefix=API_PREFIX,
        description="Portraits, tactical maps, item art and asset storage.",
        routers=[maps_router, portraits_router, items_router, jobs_router, assets_router],
        lifespan_hooks=[storage_and_worker],
        hub=rpc.router,
    )
    app.state.blob_store = None
    return app


__all__ = ["API_PREFIX", "create_app"]
