"""HTTP routes for the journal, XP awards, milestones and advancement."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Response, status

from character_service.characters.router import CharacterServiceDep, IfMatch
from character_service.journal.repository import JournalRepository
from character_service.journal.schemas import (
    AdvancementIn,
    AdvancementOut,
    AwardOut,
    EntryIn,
    EntryOut,
    EntryPage,
    EntryPatch,
    MilestoneIn,
    XpIn,
)
from character_service.journal.service import JournalService, advancement_of, entry_out
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/{character_id}", tags=["journal"])


def get_journal_service(characters: CharacterServiceDep, session: SessionDep) -> JournalService:
    return JournalService(characters, JournalRepository(session))


JournalServiceDep = Annotated[JournalService, Depends(get_journal_service)]


@router.get("/journal", summary="Journal entries (notes, sessions, quests, relationships, XP, milestones)")
async def list_entries(
    character_id: uuid.UUID, user: CurrentUser, journal: JournalServiceDep,
    kind: Annotated[str | None, Query(pattern="^(note|session|quest|relationship|xp|milestone)$")] = None,
    tag: Annotated[str | None, Query(max_length=60)] = None,
    deleted: bool = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> EntryPage:
    page = await journal.list(user, character_id, kind=kind, tag=tag, limit=limit, cursor=cursor, deleted=deleted)
    return EntryPage(items=[entry_out(e) for e in page.items], next_cursor=page.next_cursor)


@router.post("/journal", status_code=status.HTTP_201_CREATED, summary="Write a journal entry")
async def add_entry(character_id: uuid.UUID, body: EntryIn, user: CurrentUser, journal: JournalServiceDep,
                    response: Response) -> EntryOut:
    entry = await journal.add(user, character_id, body)
    response.headers["ETag"] = f'"{entry.version}"'
    return entry_out(entry)


@router.patch("/journal/{entry_id}", summary="Edit a journal entry")
async def edit_entry(character_id: uuid.UUID, entry_id: uuid.UUID, body: EntryPatch, user: CurrentUser,
                     journal: JournalServiceDep, response: Response,
                     if_match: Annotated[str | None, Header(alias="If-Match")] = None) -> EntryOut:
    entry = await journal.update(user, character_id, entry_id, body, if_match)
    response.headers["ETag"] = f'"{entry.version}"'
    return entry_out(entry)


@router.delete("/journal/{entry_id}", summary="Soft delete a journal entry")
async def delete_entry(character_id: uuid.UUID, entry_id: uuid.UUID, user: CurrentUser,
                       journal: JournalServiceDep) -> EntryOut:
    return entry_out(await journal.delete(user, character_id, entry_id))


@router.post("/journal/{entry_id}/restore", summary="Restore a soft-deleted journal entry")
async def restore_entry(character_id: uuid.UUID, entry_id: uuid.UUID, user: CurrentUser,
                        journal: JournalServiceDep) -> EntryOut:
    return entry_out(await journal.restore(user, character_id, entry_id))


@router.post("/xp", summary="Award (or correct) XP; says when the character is ready to level up")
async def award_xp(character_id: uuid.UUID, body: XpIn, user: CurrentUser, journal: JournalServiceDep) -> AwardOut:
    entry, character = await journal.award_xp(user, character_id, body.amount, body.reason)
    return AwardOut(entry=entry_out(entry), advancement=advancement_of(character), character_version=character.version)


@router.post("/milestones", status_code=status.HTTP_201_CREATED, summary="Record a milestone (may grant a level)")
async def milestone(character_id: uuid.UUID, body: MilestoneIn, user: CurrentUser,
                    journal: JournalServiceDep) -> AwardOut:
    entry, character = await journal.milestone(user, character_id, body.title, body.body, body.grants_level)
    return AwardOut(entry=entry_out(entry), advancement=advancement_of(character), character_version=character.version)


@router.get("/advancement", summary="XP or milestone progress and whether a level-up is ready")
async def advancement(character_id: uuid.UUID, user: CurrentUser, characters: CharacterServiceDep) -> AdvancementOut:
    return advancement_of(await characters.get_visible(user, character_id, allow_dm=True))


@router.put("/advancement", summary="Switch between XP and milestone advancement")
async def set_advancement(character_id: uuid.UUID, body: AdvancementIn, user: CurrentUser,
                          journal: JournalServiceDep, if_match: IfMatch = None) -> AdvancementOut:
    return advancement_of(await journal.set_advancement(user, character_id, body.advancement, if_match))
