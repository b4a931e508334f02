"""HTTP routes for play: each returns the new state and what happened."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from character_service.characters.router import CharacterServiceDep
from character_service.characters.service import etag_of, sheet_of
from character_service.play.schemas import (
    AmountIn,
    ConcentrationIn,
    ConditionIn,
    DamageIn,
    DeathSaveIn,
    ExhaustionIn,
    InspirationIn,
    PlayResult,
    ResourcesOut,
    ShortRestIn,
    SpendIn,
)
from character_service.play.service import PlayService
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/{character_id}", tags=["play"])


def get_play_service(characters: CharacterServiceDep) -> PlayService:
    return PlayService(characters)


PlayServiceDep = Annotated[PlayService, Depends(get_play_service)]
ResourceId = Annotated[str, Path(min_length=1, max_length=60, pattern=r"^[a-z0-9_\-]+$")]
SlotLevel = Annotated[int, Path(ge=1, le=9)]


@router.post("/damage", summary="Take damage (resistances, temp HP, death saves, concentration DC)")
async def damage(character_id: uuid.UUID, body: DamageIn, user: CurrentUser, play: PlayServiceDep) -> PlayResult:
    return await play.damage(user, character_id, body.amount, body.type, body.critical)


@router.post("/heal", summary="Regain hit points")
async def heal(character_id: uuid.UUID, body: AmountIn, user: CurrentUser, play: PlayServiceDep) -> PlayResult:
    return await play.heal(user, character_id, body.amount)


@router.post("/temp-hp", summary="Gain temporary hit points (they never stack: the higher is kept)")
async def temp_hp(character_id: uuid.UUID, body: AmountIn, user: CurrentUser, play: PlayServiceDep) -> PlayResult:
    return await play.temp_hp(user, character_id, body.amount)


@router.post("/death-save", summary="Roll (or record) a death saving throw")
async def death_save(character_id: uuid.UUID, body: DeathSaveIn, user: CurrentUser,
                     play: PlayServiceDep) -> PlayResult:
    return await play.death_save(user, character_id, body.roll)


@router.post("/conditions", summary="Add or remove a condition")
async def condition(character_id: uuid.UUID, body: ConditionIn, user: CurrentUser,
                    play: PlayServiceDep) -> PlayResult:
    return await play.condition(user, character_id, body.action, body.condition)


@router.put("/exhaustion", summary="Set the Exhaustion level (0-6; 6 is death)")
async def exhaustion(character_id: uuid.UUID, body: ExhaustionIn, user: CurrentUser,
                     play: PlayServiceDep) -> PlayResult:
    return await play.exhaustion(user, character_id, body.level)


@router.post("/concentration", summary="Start or end concentrating on a spell")
async def concentration(character_id: uuid.UUID, body: ConcentrationIn, user: CurrentUser,
                        play: PlayServiceDep) -> PlayResult:
    return await play.concentration(user, character_id, body.action, body.spell_id)


@router.post("/inspiration", summary="Gain or spend Heroic Inspiration")
async def inspiration(character_id: uuid.UUID, body: InspirationIn, user: CurrentUser,
                      play: PlayServiceDep) -> PlayResult:
    return await play.inspiration(user, character_id, body.action)


@router.get("/resources", summary="Class resources, spell slots, pact slots and hit dice with what remains")
async def resources(character_id: uuid.UUID, user: CurrentUser, characters: CharacterServiceDep,
                    response: Response) -> ResourcesOut:
    character = await characters.get_visible(user, character_id, allow_dm=True)
    sheet = sheet_of(character)
    response.headers["ETag"] = etag_of(character)
    if sheet is None:
        return ResourcesOut(character_id=character.id, version=character.version, resources=[], spell_slots={},
                            pact_slots=None, hit_dice={}, heroic_inspiration=False)
    return ResourcesOut(
        character_id=character.id, version=character.version,
        resources=[dict(r) for r in sheet["resources"]], spell_slots=dict(sheet["spell_slots"]),
        pact_slots=dict(sheet["pact_slots"]) if sheet["pact_slots"] else None,
        hit_dice=dict(sheet["hit_dice"]), heroic_inspiration=sheet["heroic_inspiration"],
    )


@router.post("/resources/{resource_id}/spend", summary="Spend uses of a class resource")
async def spend_resource(character_id: uuid.UUID, resource_id: ResourceId, body: SpendIn, user: CurrentUser,
                         play: PlayServiceDep) -> PlayResult:
    return await play.spend_resource(user, character_id, resource_id, body.amount, restore=False)


@router.post("/resources/{resource_id}/restore", summary="Restore uses of a class resource")
async def restore_resource(character_id: uuid.UUID, resource_id: ResourceId, body: SpendIn, user: CurrentUser,
                           play: PlayServiceDep) -> PlayResult:
    return await play.spend_resource(user, character_id, resource_id, body.amount, restore=True)


@router.post("/spell-slots/{level}/spend", summary="Expend spell slots of a level")
async def spend_slot(character_id: uuid.UUID, level: SlotLevel, body: SpendIn, user: CurrentUser,
                     play: PlayServiceDep) -> PlayResult:
    return await play.spell_slot(user, character_id, level, body.amount, restore=False)


@router.post("/spell-slots/{level}/restore", summary="Regain expended spell slots of a level")
async def restore_slot(character_id: uuid.UUID, level: SlotLevel, body: SpendIn, user: CurrentUser,
                       play: PlayServiceDep) -> PlayResult:
    return await play.spell_slot(user, character_id, level, body.amount, restore=True)


@router.post("/pact-slots/spend", summary="Expend Pact Magic slots")
async def spend_pact(character_id: uuid.UUID, body: SpendIn, user: CurrentUser, play: PlayServiceDep) -> PlayResult:
    return await play.pact_slot(user, character_id, body.amount, restore=False)


@router.post("/pact-slots/restore", summary="Regain Pact Magic slots")
async def restore_pact(character_id: uuid.UUID, body: SpendIn, user: CurrentUser,
                       play: PlayServiceDep) -> PlayResult:
    return await play.pact_slot(user, character_id, body.amount, restore=True)


@router.post("/rests/short", summary="Short Rest: spend Hit Point Dice (rolled on the server unless given)")
async def short_rest(character_id: uuid.UUID, body: ShortRestIn, user: CurrentUser,
                     play: PlayServiceDep) -> PlayResult:
    rolls = {str(die): values for die, values in body.rolls.items()} if body.rolls is not None else None
    return await play.short_rest(user, character_id, {str(die): n for die, n in body.hit_dice.items()}, rolls)


@router.post("/rests/long", summary="Long Rest: all HP, all Hit Point Dice, slots and resources; Exhaustion -1")
async def long_rest(character_id: uuid.UUID, user: CurrentUser, play: PlayServiceDep) -> PlayResult:
    return await play.long_rest(user, character_id)
