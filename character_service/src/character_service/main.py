"""The character service's ASGI app: ``uvicorn character_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from character_service import rpc
from character_service.characters.router import router as characters_router
from character_service.concepts.router import draft_router as concept_drafts_router
from character_service.concepts.router import router as concepts_router
from character_service.concepts.runner import concept_runner_lifespan
from character_service.config import Settings
from character_service.inventory.router import router as inventory_router
from character_service.journal.router import router as journal_router
from character_service.levelling.router import router as levelling_router
from character_service.play.router import router as play_router
from character_service.rolls.router import router as rolls_router
from character_service.spells.router import router as spells_router
from character_service.transfer.router import router as transfer_router
from character_service.versions.router import router as versions_router
from dnd_shared.app import create_service_app

API_PREFIX = "/api/v1/characters"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; routers of each domain module are added here as they arrive."""
    settings = settings or Settings()
    return create_service_app(
        settings,
        title="Character service",
        prefix=API_PREFIX,
        description=(
            "Characters, the rules engine, the builder, play state, journal and the concept-to-character pipeline."
        ),
        routers=[
            concepts_router, concept_drafts_router, characters_router, play_router, levelling_router, rolls_router,
            journal_router, inventory_router, spells_router, transfer_router, versions_router,
        ],
        lifespan_hooks=[concept_runner_lifespan],
        hub=rpc.router,
    )


__all__ = ["API_PREFIX", "create_app"]
