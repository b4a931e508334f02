"""HTTP routes of sessions and the party ledger."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response, status

from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.events import EventStagerDep
from campaign_service.preconditions import IfMatch, set_etag
from campaign_service.sessions.documents import event_document, ledger_document, session_document
from campaign_service.sessions.repository import LedgerRepository, SessionEventRepository, SessionRepository
from campaign_service.sessions.schemas import CloseIn, LedgerIn, SessionEventIn, SessionIn, SessionPatch
from campaign_service.sessions.service import SessionService
from campaign_service.story.repository import RelationshipRepository, StoryEntityRepository
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}", tags=["sessions"])

Document = dict[str, Any]


def get_session_service(access: AccessDep, session: SessionDep, outbox: EventStagerDep) -> SessionService:
    """The session service of one request."""
    return SessionService(access, SessionRepository(session), SessionEventRepository(session),
                          LedgerRepository(session), RelationshipRepository(session), StoryEntityRepository(session),
                          outbox)


SessionServiceDep = Annotated[SessionService, Depends(get_session_service)]


@router.post("/sessions", status_code=status.HTTP_201_CREATED, summary="Plan a session (DM)")
async def plan_session(campaign_id: uuid.UUID, body: SessionIn, user: CurrentUser, sessions: SessionServiceDep,
                       response: Response) -> Document:
    play = await sessions.plan(user, campaign_id, body)
    set_etag(response, play.version)
    return session_document(play)


@router.get("/sessions", summary="Sessions (players get the player view)")
async def list_sessions(campaign_id: uuid.UUID, user: CurrentUser, sessions: SessionServiceDep) -> list[Document]:
    return await sessions.list_sessions(user, campaign_id)


@router.get("/sessions/{session_id}", summary="One session with the events you may see")
async def get_session(campaign_id: uuid.UUID, session_id: uuid.UUID, user: CurrentUser, sessions: SessionServiceDep,
                      response: Response) -> Document:
    play, document = await sessions.get(user, campaign_id, session_id)
    set_etag(response, play.version)
    return document


@router.patch("/sessions/{session_id}", summary="Edit a session (DM; If-Match)")
async def update_session(campaign_id: uuid.UUID, session_id: uuid.UUID, body: SessionPatch, user: CurrentUser,
                         sessions: SessionServiceDep, response: Response, if_match: IfMatch = None) -> Document:
    play = await sessions.update(user, campaign_id, session_id, body, if_match)
    set_etag(response, play.version)
    return session_document(play)


@router.delete("/sessions/{session_id}", summary="Soft delete a session that was not closed (DM)")
async def delete_session(campaign_id: uuid.UUID, session_id: uuid.UUID, user: CurrentUser,
                         sessions: SessionServiceDep, if_match: IfMatch = None) -> Document:
    return session_document(await sessions.delete(user, campaign_id, session_id, if_match))


@router.post("/sessions/{session_id}/restore", summary="Restore a deleted session (DM)")
async def restore_session(campaign_id: uuid.UUID, session_id: uuid.UUID, user: CurrentUser,
                          sessions: SessionServiceDep) -> Document:
    return session_document(await sessions.restore(user, campaign_id, session_id))


@router.post("/sessions/{session_id}/start", summary="Start a planned session (DM)")
async def start_session(campaign_id: uuid.UUID, session_id: uuid.UUID, user: CurrentUser,
                        sessions: SessionServiceDep) -> Document:
    return session_document(await sessions.start(user, campaign_id, session_id))


@router.post("/sessions/{session_id}/events", status_code=status.HTTP_201_CREATED,
             summary="Record XP, loot, a notable moment or a relationship change (DM)")
async def add_event(campaign_id: uuid.UUID, session_id: uuid.UUID, body: SessionEventIn, user: CurrentUser,
                    sessions: SessionServiceDep) -> Document:
    return event_document(await sessions.add_event(user, campaign_id, session_id, body))


@router.post("/sessions/{session_id}/close",
             summary="Close a session: ledger, relationship changes, campaign.session_completed.v1 (DM)")
async def close_session(campaign_id: uuid.UUID, session_id: uuid.UUID, user: CurrentUser, sessions: SessionServiceDep,
                        response: Response, body: CloseIn | None = None, if_match: IfMatch = None) -> Document:
    play = await sessions.close(user, campaign_id, session_id, body or CloseIn(), if_match)
    set_etag(response, play.version)
    return session_document(play)


@router.get("/ledger", summary="The party's XP and loot ledger (what you may see) with XP totals")
async def ledger(campaign_id: uuid.UUID, user: CurrentUser, sessions: SessionServiceDep) -> Document:
    return await sessions.ledger_view(user, campaign_id)


@router.post("/ledger", status_code=status.HTTP_201_CREATED, summary="Write a ledger line outside a session (DM)")
async def add_ledger_entry(campaign_id: uuid.UUID, body: LedgerIn, user: CurrentUser,
                           sessions: SessionServiceDep) -> Document:
    return ledger_document(await sessions.add_ledger_entry(user, campaign_id, body))
