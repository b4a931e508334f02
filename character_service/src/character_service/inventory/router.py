"""HTTP routes for the inventory and coins."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response, status

from character_service.characters.models import Character
from character_service.characters.router import CharacterServiceDep, IfMatch
from character_service.characters.service import etag_of, sheet_of
from character_service.inventory.schemas import InventoryOut, ItemIn, ItemPatch
from character_service.inventory.service import InventoryService
from character_service.rules.build import Currency
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.errors import ConflictError
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/{character_id}", tags=["inventory"])


def get_inventory_service(characters: CharacterServiceDep, request: Request, user: CurrentUser) -> InventoryService:
    return InventoryService(characters, getattr(request.app.state, "hub", None), PrincipalClaims.from_principal(user))


InventoryDep = Annotated[InventoryService, Depends(get_inventory_service)]
Index = Annotated[int, Path(ge=0, le=10_000)]


def inventory_out(character: Character, response: Response) -> InventoryOut:
    sheet = sheet_of(character)
    if sheet is None:
        raise ConflictError("A draft has no sheet yet; complete it first.", code="character_is_draft")
    response.headers["ETag"] = etag_of(character)
    items = [{"index": i, **entry} for i, entry in enumerate(character.build.get("equipment", []))]
    return InventoryOut(
        character_id=character.id, version=character.version, items=items,
        currency=Currency.model_validate(character.build.get("currency", {})),
        attunement=dict(sheet["attunement"]), armor_class=dict(sheet["armor_class"]),
        attacks=[dict(a) for a in sheet["attacks"]], carrying_capacity=dict(sheet["carrying_capacity"]),
    )


@router.get("/inventory", summary="Items, coins, attunement, and the AC and attacks they produce")
async def get_inventory(character_id: uuid.UUID, user: CurrentUser, characters: CharacterServiceDep,
                        response: Response) -> InventoryOut:
    return inventory_out(await characters.get_visible(user, character_id, allow_dm=True), response)


@router.post("/inventory", status_code=status.HTTP_201_CREATED, summary="Add an item")
async def add_item(character_id: uuid.UUID, body: ItemIn, user: CurrentUser, inventory: InventoryDep,
                   response: Response, if_match: IfMatch = None) -> InventoryOut:
    return inventory_out(await inventory.add(user, character_id, body, if_match), response)


@router.patch("/inventory/{index}", summary="Change quantity, equip/unequip, attune (quantity 0 removes)")
async def change_item(character_id: uuid.UUID, index: Index, body: ItemPatch, user: CurrentUser,
                      inventory: InventoryDep, response: Response, if_match: IfMatch = None) -> InventoryOut:
    return inventory_out(await inventory.change(user, character_id, index, body, if_match), response)


@router.delete("/inventory/{index}", summary="Remove an item")
async def remove_item(character_id: uuid.UUID, index: Index, user: CurrentUser, inventory: InventoryDep,
                      response: Response, if_match: IfMatch = None) -> InventoryOut:
    return inventory_out(await inventory.remove(user, character_id, index, if_match), response)


@router.put("/currency", summary="Set the coins carried")
async def set_currency(character_id: uuid.UUID, body: Currency, user: CurrentUser, inventory: InventoryDep,
                       response: Response, if_match: IfMatch = None) -> InventoryOut:
    return inventory_out(await inventory.set_currency(user, character_id, body, if_match), response)
