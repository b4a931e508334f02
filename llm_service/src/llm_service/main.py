"""The llm service's ASGI app: ``uvicorn llm_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from dnd_shared.app import create_service_app
from llm_service.config import Settings
from llm_service.generation.router import router as generation_router
from llm_service.rpc import router as hub_router
from llm_service.runtime import llm_runtime
from llm_service.usage.router import router as usage_router

API_PREFIX = "/api/v1/llm"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: task API, streaming, usage; the provider chain is built in the lifespan."""
    settings = settings or Settings()
    api = APIRouter(prefix=API_PREFIX)
    api.include_router(generation_router)
    api.include_router(usage_router)
    return create_service_app(
        settings,
        title="LLM service",
        prefix=API_PREFIX,
        description="Text generation providers behind one task API: cache, limits, usage.",
        routers=[api],
        lifespan_hooks=[llm_runtime],
        hub=hub_router,
    )


__all__ = ["API_PREFIX", "create_app"]
