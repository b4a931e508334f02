"""HTTP routes for dice rolls and the roll log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, status

from character_service.characters.router import CharacterServiceDep
from character_service.rolls.repository import RollRepository
from character_service.rolls.schemas import RollIn, RollOut, RollPage
from character_service.rolls.service import RollService, roll_out
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/{character_id}/rolls", tags=["dice"])


def get_roll_service(characters: CharacterServiceDep, session: SessionDep) -> RollService:
    return RollService(characters, RollRepository(session))


RollServiceDep = Annotated[RollService, Depends(get_roll_service)]


@router.post("", status_code=status.HTTP_201_CREATED, summary="Roll dice or a check on the server")
async def roll(character_id: uuid.UUID, body: RollIn, user: CurrentUser, rolls: RollServiceDep) -> RollOut:
    return await rolls.roll(user, character_id, body)


@router.get("", summary="The character's roll log, oldest first")
async def roll_log(character_id: uuid.UUID, user: CurrentUser, rolls: RollServiceDep,
                   limit: Annotated[int, Query(ge=1, le=200)] = 50,
                   cursor: Annotated[str | None, Query(max_length=200)] = None) -> RollPage:
    page = await rolls.log(user, character_id, limit, cursor)
    return RollPage(items=[roll_out(r) for r in page.items], next_cursor=page.next_cursor)
