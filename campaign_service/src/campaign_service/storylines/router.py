"""HTTP routes of storylines: versioned chapters, NPCs, plots and world state (DM only)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, status

from campaign_service.campaigns.dependencies import AccessDep
from campaign_service.story.router import StoryServiceDep
from campaign_service.storylines.repository import CommitRepository, StorylineRepository
from campaign_service.storylines.schemas import CheckoutIn, CommitIn, MergeIn, StorylineIn
from campaign_service.storylines.service import StorylineService, commit_document, storyline_document
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns/{campaign_id}/storylines", tags=["storylines"])

Document = dict[str, Any]


def get_storyline_service(access: AccessDep, story: StoryServiceDep, session: SessionDep) -> StorylineService:
    """The storyline service of one request."""
    return StorylineService(access, story, StorylineRepository(session), CommitRepository(session))


StorylinesDep = Annotated[StorylineService, Depends(get_storyline_service)]


@router.get("", summary="Storylines (branches) and whether the live story has uncommitted changes")
async def list_storylines(campaign_id: uuid.UUID, user: CurrentUser, storylines: StorylinesDep) -> list[Document]:
    return await storylines.list_storylines(user, campaign_id)


@router.post("/commits", status_code=status.HTTP_201_CREATED, summary="Commit the live story to the checked-out line")
async def commit(campaign_id: uuid.UUID, body: CommitIn, user: CurrentUser, storylines: StorylinesDep) -> Document:
    return commit_document(await storylines.commit(user, campaign_id, body.message))


@router.get("/diff", summary="Changes between two commits")
async def diff(campaign_id: uuid.UUID, user: CurrentUser, storylines: StorylinesDep,
               from_: Annotated[uuid.UUID, Query(alias="from")], to: uuid.UUID) -> Document:
    return await storylines.diff(user, campaign_id, from_, to)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Start an alternative storyline (a branch)")
async def branch(campaign_id: uuid.UUID, body: StorylineIn, user: CurrentUser, storylines: StorylinesDep) -> Document:
    return storyline_document(await storylines.branch(user, campaign_id, body.name, body.from_commit))


@router.post("/{name}/checkout", summary="Make a storyline the live story")
async def checkout(campaign_id: uuid.UUID, name: str, user: CurrentUser, storylines: StorylinesDep,
                   body: CheckoutIn | None = None) -> Document:
    return storyline_document(await storylines.checkout(user, campaign_id, name, body.force if body else False))


@router.post("/{name}/merge", summary="Merge another storyline into this one (409 lists conflicts)")
async def merge(campaign_id: uuid.UUID, name: str, body: MergeIn, user: CurrentUser,
                storylines: StorylinesDep) -> Document:
    return commit_document(await storylines.merge(user, campaign_id, name, body))


@router.get("/{name}/log", summary="A storyline's commits, newest first")
async def log(campaign_id: uuid.UUID, name: str, user: CurrentUser, storylines: StorylinesDep) -> list[Document]:
    return await storylines.log(user, campaign_id, name)
