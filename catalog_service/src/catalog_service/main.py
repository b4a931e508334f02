"""The catalog service's ASGI app: ``uvicorn catalog_service.main:create_app --factory``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from catalog_service import rpc
from catalog_service.config import API_PREFIX, Settings
from catalog_service.content.router import router as content_router
from catalog_service.search.embedder import embedder_from_settings
from catalog_service.search.router import router as search_router
from catalog_service.sources.router import router as sources_router
from dnd_shared.app import create_service_app


@asynccontextmanager
async def embedder_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load the embedding model at start-up (in a thread) so the first search is not slow."""
    embedder = getattr(app.state, "embedder", None) or embedder_from_settings(app.state.settings)
    app.state.embedder = embedder
    warm_up = getattr(embedder, "warm_up", None)
    if warm_up is not None:
        await asyncio.to_thread(warm_up)
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: static routes (sources, search) before the ``/{type}`` routes."""
    settings = settings or Settings()
    app = create_service_app(
        settings,
        title="Catalog service",
        prefix=API_PREFIX,
        description="SRD 5.2 and homebrew content, search and provenance.",
        routers=[sources_router, search_router, content_router],
        lifespan_hooks=[embedder_lifespan],
        hub=rpc.router,
    )
    app.state.embedder = None
    return app


__all__ = ["API_PREFIX", "create_app"]
