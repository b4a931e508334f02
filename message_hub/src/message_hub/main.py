"""The message hub's ASGI app: ``uvicorn message_hub.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from dnd_shared.app import create_service_app
from message_hub import rpc
from message_hub.background import control_plane_loops
from message_hub.config import Settings
from message_hub.dead_letters.router import router as dead_letters_router
from message_hub.diagnostics.router import router as diagnostics_router
from message_hub.registry.router import router as registry_router
from message_hub.status.router import router as status_router
from message_hub.streams.router import router as streams_router

API_PREFIX = "/api/v1/hub"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: admin API under ``/api/v1/hub``, public ``/api/v1/status``, background loops."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Message hub",
        prefix=API_PREFIX,
        description=(
            "Control plane of the Redis-backed message hub: registry, discovery, routing table, health, dead letters."
        ),
        routers=[registry_router, streams_router, dead_letters_router, diagnostics_router, status_router],
        lifespan_hooks=[control_plane_loops],
        hub=rpc.router,
    )


__all__ = ["API_PREFIX", "create_app"]
