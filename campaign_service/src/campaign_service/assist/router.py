"""HTTP routes of the LLM assistants (DM only; 503 ``llm_unavailable`` without an LLM service)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from campaign_service.assist.schemas import HooksIn, NetworkIn, NpcIdeaIn, OutlineIn, RecapIn
from campaign_service.assist.service import AssistService
from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.sessions.documents import session_document
from campaign_service.sessions.repository import SessionRepository
from campaign_service.story.router import StoryServiceDep
from dnd_shared.db.engine import SessionDep
from dnd_shared.hub import HubDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}/assist", tags=["assist"])

Document = dict[str, Any]


def get_assist_service(access: AccessDep, story: StoryServiceDep, session: SessionDep, hub: HubDep) -> AssistService:
    """The assistants of one request."""
    return AssistService(access, story, SessionRepository(session), hub)


AssistDep = Annotated[AssistService, Depends(get_assist_service)]


@router.post("/outline", summary="Generate a campaign outline: arcs, NPCs, locations (saved, marked generated)")
async def outline(campaign_id: uuid.UUID, body: OutlineIn, user: CurrentUser, assist: AssistDep) -> Document:
    return await assist.outline(user, campaign_id, body)


@router.post("/npc", summary="Generate an NPC (its secret DM-only)")
async def npc(campaign_id: uuid.UUID, body: NpcIdeaIn, user: CurrentUser, assist: AssistDep) -> Document:
    return await assist.npc(user, campaign_id, body)


@router.post("/hooks", summary="Generate story hooks")
async def hooks(campaign_id: uuid.UUID, body: HooksIn, user: CurrentUser, assist: AssistDep) -> Document:
    return await assist.hooks(user, campaign_id, body)


@router.post("/recap", summary="Generate a session recap from its player-visible notes")
async def recap(campaign_id: uuid.UUID, body: RecapIn, user: CurrentUser, assist: AssistDep) -> Document:
    return session_document(await assist.recap(user, campaign_id, body))


@router.post("/antitheticon", summary="Generate an Antitheticon network (identities, facades, layers, counterparts)")
async def antitheticon_network(campaign_id: uuid.UUID, body: NetworkIn, user: CurrentUser,
                               assist: AssistDep) -> Document:
    return await assist.network(user, campaign_id, body)
