"""The catalog service's ASGI app: ``uvicorn catalog_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from dnd_shared.app import create_service_app

from catalog_service.config import Settings

API_PREFIX = "/api/v1/catalog"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; routers of each domain module are added here as they arrive."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Catalog service",
        prefix=API_PREFIX,
        description="SRD 5.2 and homebrew content, search and provenance.",
        routers=[],
    )


__all__ = ["API_PREFIX", "create_app"]
