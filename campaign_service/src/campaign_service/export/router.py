"""``GET /api/v1/campaigns/{id}/export``: everything the caller may see, in one document."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter

from campaign_service.antitheticon.documents import knowledge_document, name_subjects, reveal_document
from campaign_service.antitheticon.repository import KnowledgeRepository, RevealRepository
from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.campaigns.documents import campaign_document, party_character_document
from campaign_service.secrets.view import view, view_all
from campaign_service.sessions.documents import event_document, ledger_document, session_document
from campaign_service.sessions.repository import LedgerRepository, SessionEventRepository, SessionRepository
from campaign_service.story.documents import entity_document, relationship_document
from campaign_service.story.repository import RelationshipRepository, StoryEntityRepository
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}", tags=["export"])

EXPORT_FORMAT = "dnd-campaign-export/1"


@router.get("/export", summary="The campaign as one JSON document (players get the player view)")
async def export_campaign(campaign_id: uuid.UUID, user: CurrentUser, access: AccessDep,
                          session: SessionDep) -> dict[str, Any]:
    campaign, viewer = await access.viewer(user, campaign_id)
    entities = view_all(viewer, "entity", (entity_document(e) for e in
                                           await StoryEntityRepository(session).in_campaign(campaign_id, limit=10000)))
    knowledge = view_all(viewer, "knowledge", (knowledge_document(k) for k in
                                               await KnowledgeRepository(session).in_campaign(campaign_id,
                                                                                              active_only=False)))
    if not viewer.is_dm:
        knowledge = name_subjects(knowledge, {e["id"]: e["name"] for e in entities})
    return {
        "format": EXPORT_FORMAT,
        "campaign": view(viewer, "campaign", campaign_document(campaign)),
        "party": [party_character_document(c) for c in await access.party.in_campaign(campaign_id)],
        "entities": entities,
        "relationships": view_all(viewer, "relationship", (
            relationship_document(r) for r in await RelationshipRepository(session).in_campaign(campaign_id))),
        "sessions": view_all(viewer, "session", (
            session_document(s) for s in await SessionRepository(session).in_campaign(campaign_id))),
        "session_events": view_all(viewer, "event", (
            event_document(e) for e in await SessionEventRepository(session).in_campaign(campaign_id))),
        "ledger": view_all(viewer, "ledger", (
            ledger_document(e) for e in await LedgerRepository(session).in_campaign(campaign_id))),
        "knowledge": knowledge,
        "reveals": view_all(viewer, "reveal", (
            reveal_document(r) for r in await RevealRepository(session).in_campaign(campaign_id))),
    }
