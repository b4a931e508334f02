"""HTTP routes of the story: entities of every kind, history, search, relationships."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status

from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.preconditions import IfMatch, set_etag
from campaign_service.secrets.view import view
from campaign_service.secrets.viewer import Viewer
from campaign_service.story.documents import entity_document, relationship_document
from campaign_service.story.repository import RelationshipRepository, RevisionRepository, StoryEntityRepository
from campaign_service.story.schemas import (
    EntityIn,
    EntityPatch,
    NpcFromCreatureIn,
    RelationshipIn,
    StandingChangeIn,
)
from campaign_service.story.service import StoryService
from dnd_shared.db.engine import SessionDep
from dnd_shared.hub import HubDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}", tags=["story"])

Document = dict[str, Any]


def get_story_service(access: AccessDep, session: SessionDep) -> StoryService:
    """The story service of one request."""
    return StoryService(access, StoryEntityRepository(session), RevisionRepository(session),
                        RelationshipRepository(session))


StoryServiceDep = Annotated[StoryService, Depends(get_story_service)]


def _dm(user_id: uuid.UUID, campaign_id: uuid.UUID, document: Document) -> Document:
    return view(Viewer(user_id, campaign_id, True), "entity", document) or {}


@router.post("/entities", status_code=status.HTTP_201_CREATED,
             summary="Create a story entity (chapter, arc, location, faction, npc, hook, world_effect, ...)")
async def create_entity(campaign_id: uuid.UUID, body: EntityIn, user: CurrentUser, story: StoryServiceDep,
                        response: Response) -> Document:
    entity = await story.create(user, campaign_id, body)
    set_etag(response, entity.version)
    return _dm(user.user_id, campaign_id, entity_document(entity))


@router.get("/entities", summary="Story entities you may see (filter by kind and status)")
async def list_entities(campaign_id: uuid.UUID, user: CurrentUser, story: StoryServiceDep,
                        kind: Annotated[str | None, Query(max_length=30)] = None,
                        status_: Annotated[str | None, Query(alias="status", max_length=20)] = None,
                        deleted: bool = False) -> list[Document]:
    return await story.list_entities(user, campaign_id, kind=kind, status=status_, deleted=deleted)


@router.get("/search", summary="Search the story (only in what you may see)")
async def search(campaign_id: uuid.UUID, user: CurrentUser, story: StoryServiceDep,
                 q: Annotated[str, Query(min_length=2, max_length=200)]) -> list[Document]:
    return await story.search(user, campaign_id, q)


@router.post("/npcs/from-creature", status_code=status.HTTP_201_CREATED,
             summary="An NPC on a catalog creature's stat block (snapshot plus overrides)")
async def npc_from_creature(campaign_id: uuid.UUID, body: NpcFromCreatureIn, user: CurrentUser,
                            story: StoryServiceDep, hub: HubDep) -> Document:
    entity = await story.npc_from_creature(user, campaign_id, body, hub)
    return _dm(user.user_id, campaign_id, entity_document(entity))


@router.get("/entities/{entity_id}", summary="One story entity")
async def get_entity(campaign_id: uuid.UUID, entity_id: uuid.UUID, user: CurrentUser, story: StoryServiceDep,
                     response: Response) -> Document:
    entity, document = await story.get(user, campaign_id, entity_id)
    set_etag(response, entity.version)
    return document


@router.patch("/entities/{entity_id}", summary="Edit a story entity (DM; If-Match)")
async def update_entity(campaign_id: uuid.UUID, entity_id: uuid.UUID, body: EntityPatch, user: CurrentUser,
                        story: StoryServiceDep, response: Response, if_match: IfMatch = None) -> Document:
    entity = await story.update(user, campaign_id, entity_id, body, if_match)
    set_etag(response, entity.version)
    return _dm(user.user_id, campaign_id, entity_document(entity))


@router.delete("/entities/{entity_id}", summary="Soft delete a story entity (DM)")
async def delete_entity(campaign_id: uuid.UUID, entity_id: uuid.UUID, user: CurrentUser, story: StoryServiceDep,
                        if_match: IfMatch = None) -> Document:
    return _dm(user.user_id, campaign_id, entity_document(await story.delete(user, campaign_id, entity_id, if_match)))


@router.post("/entities/{entity_id}/restore", summary="Restore a deleted story entity (DM)")
async def restore_entity(campaign_id: uuid.UUID, entity_id: uuid.UUID, user: CurrentUser,
                         story: StoryServiceDep) -> Document:
    return _dm(user.user_id, campaign_id, entity_document(await story.restore(user, campaign_id, entity_id)))


@router.get("/entities/{entity_id}/history", summary="Revisions of a story entity (filtered for players)")
async def entity_history(campaign_id: uuid.UUID, entity_id: uuid.UUID, user: CurrentUser,
                         story: StoryServiceDep) -> list[Document]:
    return await story.history(user, campaign_id, entity_id)


@router.post("/relationships", status_code=status.HTTP_201_CREATED, summary="Add a relationship (DM)")
async def add_relationship(campaign_id: uuid.UUID, body: RelationshipIn, user: CurrentUser,
                           story: StoryServiceDep) -> Document:
    return relationship_document(await story.add_relationship(user, campaign_id, body))


@router.get("/relationships", summary="The relationship graph you may see (node_id: edges touching it)")
async def list_relationships(campaign_id: uuid.UUID, user: CurrentUser, story: StoryServiceDep,
                             node_id: uuid.UUID | None = None) -> list[Document]:
    return await story.list_relationships(user, campaign_id, node_id)


@router.post("/relationships/{relationship_id}/standing", summary="Change a standing, with a history entry (DM)")
async def change_standing(campaign_id: uuid.UUID, relationship_id: uuid.UUID, body: StandingChangeIn,
                          user: CurrentUser, story: StoryServiceDep) -> Document:
    return relationship_document(await story.change_standing(user, campaign_id, relationship_id, body))


@router.post("/relationships/{relationship_id}/restore", summary="Restore a removed relationship (DM)")
async def restore_relationship(campaign_id: uuid.UUID, relationship_id: uuid.UUID, user: CurrentUser,
                               story: StoryServiceDep) -> Document:
    return relationship_document(await story.restore_relationship(user, campaign_id, relationship_id))


@router.delete("/relationships/{relationship_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Remove a relationship (DM)")
async def delete_relationship(campaign_id: uuid.UUID, relationship_id: uuid.UUID, user: CurrentUser,
                              story: StoryServiceDep) -> Response:
    await story.delete_relationship(user, campaign_id, relationship_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
