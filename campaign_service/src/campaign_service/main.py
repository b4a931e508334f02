"""The campaign service's ASGI app: ``uvicorn campaign_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from dnd_shared.app import create_service_app

from campaign_service import rpc
from campaign_service.config import Settings

API_PREFIX = "/api/v1/campaigns"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; routers of each domain module are added here as they arrive."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Campaign service",
        prefix=API_PREFIX,
        description="Campaigns, sessions, NPCs, story, encounters and the Antitheticon.",
        routers=[],
        hub=rpc.router,
    )


__all__ = ["API_PREFIX", "create_app"]
