"""The image service's ASGI app: ``uvicorn image_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from dnd_shared.app import create_service_app

from image_service.config import Settings

API_PREFIX = "/api/v1/images"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; routers of each domain module are added here as they arrive."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Image service",
        prefix=API_PREFIX,
        description="Portraits, tactical maps, item art and asset storage.",
        routers=[],
    )


__all__ = ["API_PREFIX", "create_app"]
