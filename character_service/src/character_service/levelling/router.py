"""HTTP routes for level-up."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from character_service.characters.router import CharacterServiceDep, IfMatch, character_out
from character_service.events import EventsDep
from character_service.levelling.schemas import LevelUpIn, LevelUpOut
from character_service.levelling.service import LevellingService
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/{character_id}/level-up", tags=["level-up"])


def get_levelling_service(characters: CharacterServiceDep) -> LevellingService:
    return LevellingService(characters)


LevellingDep = Annotated[LevellingService, Depends(get_levelling_service)]


@router.get("/options", summary="What the next level in a class asks for (and whether it is allowed)")
async def options(character_id: uuid.UUID, user: CurrentUser, levelling: LevellingDep,
                  class_id: Annotated[str | None, Query(alias="class", max_length=40)] = None) -> dict[str, Any]:
    return dict(await levelling.options(user, character_id, class_id))


@router.post("", summary="Gain a level: HP fixed or rolled, subclass, ASI or feat, spells (multiclass checked)")
async def level_up(character_id: uuid.UUID, body: LevelUpIn, user: CurrentUser, levelling: LevellingDep,
                   response: Response, events: EventsDep, if_match: IfMatch = None) -> LevelUpOut:
    character, gained, hp_roll, features = await levelling.level_up(user, character_id, body, if_match)
    events.leveled_up(character, body.class_id)
    out = character_out(character, response)
    level = out.sheet["level"] if out.sheet else 0
    return LevelUpOut(character=out.model_dump(mode="json"), level=level, hit_points_gained=gained,
                      hp_roll=hp_roll, new_features=features)
