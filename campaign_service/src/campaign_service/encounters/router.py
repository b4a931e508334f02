"""HTTP routes of the encounter builder (DM only)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, status

from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.encounters.schemas import EncounterIn, SaveEncounterIn, SuggestIn
from campaign_service.encounters.service import EncounterService
from campaign_service.story.documents import entity_document
from campaign_service.story.router import StoryServiceDep
from dnd_shared.hub import HubDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}/encounters", tags=["encounters"])

Document = dict[str, Any]


def get_encounter_service(access: AccessDep, story: StoryServiceDep) -> EncounterService:
    """The encounter service of one request."""
    return EncounterService(access, story)


EncounterServiceDep = Annotated[EncounterService, Depends(get_encounter_service)]


@router.post("/evaluate", summary="XP budgets (Low/Moderate/High), the encounter's XP and the verdict")
async def evaluate_encounter(campaign_id: uuid.UUID, body: EncounterIn, user: CurrentUser,
                             encounters: EncounterServiceDep) -> Document:
    return await encounters.evaluate(user, campaign_id, body)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Save an evaluated encounter (a DM-only entity)")
async def save_encounter(campaign_id: uuid.UUID, body: SaveEncounterIn, user: CurrentUser,
                         encounters: EncounterServiceDep) -> Document:
    return entity_document(await encounters.save(user, campaign_id, body))


@router.post("/suggest", summary="Catalog creatures that fit the budget and theme")
async def suggest_encounters(campaign_id: uuid.UUID, body: SuggestIn, user: CurrentUser,
                             encounters: EncounterServiceDep, hub: HubDep) -> Document:
    return await encounters.suggest(user, campaign_id, body, hub)
