"""The llm service's ASGI app: ``uvicorn llm_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from dnd_shared.app import create_service_app

from llm_service.config import Settings

API_PREFIX = "/api/v1/llm"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; routers of each domain module are added here as they arrive."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="LLM service",
        prefix=API_PREFIX,
        description="Text generation providers behind one task API: cache, limits, usage.",
        routers=[],
    )


__all__ = ["API_PREFIX", "create_app"]
