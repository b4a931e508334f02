"""The message hub's ASGI app: ``uvicorn message_hub.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from dnd_shared.app import create_service_app

from message_hub.config import Settings

API_PREFIX = "/api/v1/hub"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; routers of each domain module are added here as they arrive."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Message hub",
        prefix=API_PREFIX,
        description="Control plane of the Redis-backed message hub: registry, discovery, routing table, health, dead letters.",
        routers=[],
    )


__all__ = ["API_PREFIX", "create_app"]
