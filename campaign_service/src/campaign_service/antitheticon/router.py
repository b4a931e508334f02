"""HTTP routes of the Antitheticon (identities, facades, layers and clues are story entities)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, status

from campaign_service.antitheticon.documents import knowledge_document, reveal_document
from campaign_service.antitheticon.repository import KnowledgeRepository, RevealRepository
from campaign_service.antitheticon.schemas import ApplyRevealIn, KnowledgeIn, NemesisIn, RevealIn
from campaign_service.antitheticon.service import AntitheticonService
from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.story.documents import entity_document
from campaign_service.story.router import StoryServiceDep
from dnd_shared.db.engine import SessionDep
from dnd_shared.hub import HubDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}/antitheticon", tags=["antitheticon"])

Document = dict[str, Any]


def get_antitheticon_service(access: AccessDep, story: StoryServiceDep, session: SessionDep) -> AntitheticonService:
    """The Antitheticon service of one request."""
    return AntitheticonService(access, story, KnowledgeRepository(session), RevealRepository(session))


AntitheticonDep = Annotated[AntitheticonService, Depends(get_antitheticon_service)]


@router.post("/knowledge", status_code=status.HTTP_201_CREATED,
             summary="Record what a PC or NPC knows or believes, or a truth (DM)")
async def add_knowledge(campaign_id: uuid.UUID, body: KnowledgeIn, user: CurrentUser,
                        antitheticon: AntitheticonDep) -> Document:
    return knowledge_document(await antitheticon.add_knowledge(user, campaign_id, body))


@router.get("/knowledge", summary="The knowledge graph (players: what their characters know or believe)")
async def knowledge(campaign_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep,
                    holder_id: uuid.UUID | None = None, subject_id: uuid.UUID | None = None,
                    include_inactive: bool = False) -> list[Document]:
    return await antitheticon.beliefs(user, campaign_id, holder_id=holder_id, subject_id=subject_id,
                                      include_inactive=include_inactive)


@router.delete("/knowledge/{knowledge_id}", summary="Remove a knowledge row (DM; a correction, not a reveal)")
async def remove_knowledge(campaign_id: uuid.UUID, knowledge_id: uuid.UUID, user: CurrentUser,
                           antitheticon: AntitheticonDep) -> Document:
    return knowledge_document(await antitheticon.remove_knowledge(user, campaign_id, knowledge_id, restore=False))


@router.post("/knowledge/{knowledge_id}/restore", summary="Restore a removed knowledge row (DM)")
async def restore_knowledge(campaign_id: uuid.UUID, knowledge_id: uuid.UUID, user: CurrentUser,
                            antitheticon: AntitheticonDep) -> Document:
    return knowledge_document(await antitheticon.remove_knowledge(user, campaign_id, knowledge_id, restore=True))


@router.post("/reveals", status_code=status.HTTP_201_CREATED, summary="Plan a reveal on the timeline (DM)")
async def plan_reveal(campaign_id: uuid.UUID, body: RevealIn, user: CurrentUser,
                      antitheticon: AntitheticonDep) -> Document:
    return reveal_document(await antitheticon.plan_reveal(user, campaign_id, body))


@router.post("/reveals/{reveal_id}/apply", summary="Apply a reveal: knowledge changes (DM, once)")
async def apply_reveal(campaign_id: uuid.UUID, reveal_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep,
                       body: ApplyRevealIn | None = None) -> Document:
    reveal = await antitheticon.apply_reveal(user, campaign_id, reveal_id, body.session_id if body else None)
    return reveal_document(reveal)


@router.get("/timeline", summary="Reveals in order (players: the ones that touched their characters)")
async def timeline(campaign_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep) -> list[Document]:
    return await antitheticon.timeline(user, campaign_id)


@router.get("/network", summary="Identities, facades, deception layers, clues, counterparts (filtered)")
async def network(campaign_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep) -> Document:
    return await antitheticon.network(user, campaign_id)


@router.post("/nemesis", summary="Build the nemesis from the party, or evolve it when the party changed (DM)")
async def build_nemesis(campaign_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep, hub: HubDep,
                        body: NemesisIn | None = None) -> Document:
    return entity_document(await antitheticon.build_nemesis(user, campaign_id, body or NemesisIn(), hub))


@router.get("/nemesis", summary="The nemesis (DM-only unless shown)")
async def nemesis(campaign_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep) -> Document:
    return await antitheticon.nemesis(user, campaign_id)


@router.get("/progress", summary="Investigation progress: what the party knows versus the truth (DM)")
async def progress(campaign_id: uuid.UUID, user: CurrentUser, antitheticon: AntitheticonDep) -> Document:
    return await antitheticon.progress(user, campaign_id)
