"""The service's runtime objects, created in the app's lifespan: provider chain, limits, generation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from dnd_shared.rate_limit import RateLimiter
from llm_service.config import Settings
from llm_service.generation.service import GenerationService
from llm_service.limits.service import Limits
from llm_service.offline.catalog import HubCatalogLookup
from llm_service.providers.factory import build_chain


@asynccontextmanager
async def llm_runtime(app: FastAPI) -> AsyncIterator[None]:
    """Build ``app.state.generation`` (and ``app.state.limits``) from the app's settings; close the
    providers at shutdown. The catalog is reached through ``app.state.hub`` when it runs."""
    settings: Settings = app.state.settings
    catalog = HubCatalogLookup(lambda: getattr(app.state, "hub", None),
                               timeout_seconds=settings.catalog_timeout_seconds)
    chain = build_chain(settings, catalog)
    limits = Limits(RateLimiter(app.state.redis), settings)
    app.state.limits = limits
    app.state.generation = GenerationService(settings, chain, app.state.redis, app.state.database, limits)
    try:
        yield
    finally:
        await chain.aclose()
