"""The campaign service's ASGI app: ``uvicorn campaign_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from campaign_service import rpc
from campaign_service.antitheticon.router import router as antitheticon_router
from campaign_service.assist.router import router as assist_router
from campaign_service.campaigns.router import router as campaigns_router
from campaign_service.config import Settings
from campaign_service.encounters.router import router as encounters_router
from campaign_service.export.router import router as export_router
from campaign_service.sessions.router import router as sessions_router
from campaign_service.story.router import router as story_router
from campaign_service.storylines.router import router as storylines_router
from dnd_shared.app import create_service_app

API_PREFIX = "/api/v1/campaigns"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app with every domain module's routes and the hub handlers."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Campaign service",
        prefix=API_PREFIX,
        description="Campaigns, sessions, NPCs, story, encounters and the Antitheticon.",
        routers=[campaigns_router, story_router, sessions_router, encounters_router, antitheticon_router,
                 assist_router, export_router, storylines_router],
        hub=rpc.router,
    )


__all__ = ["API_PREFIX", "create_app"]
