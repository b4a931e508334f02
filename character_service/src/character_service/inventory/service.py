"""Inventory changes are build changes: each goes through the rules engine's validation (e.g. at most
three attuned items) under the row lock, so concurrent edits never overwrite each other."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from character_service.characters.models import Character
from character_service.characters.service import CharacterService, check_if_match, parse_build
from character_service.inventory.catalog_items import fetch_item
from character_service.inventory.schemas import ItemIn, ItemPatch
from character_service.rules.build import Currency
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.errors import ErrorDetail, NotFoundError
from dnd_shared.hub.client import Hub
from dnd_shared.identity import Principal

BuildEdit = Callable[[dict[str, Any]], dict[str, Any]]


class InventoryService:
    def __init__(self, characters: CharacterService, hub: Hub | None = None,
                 principal: PrincipalClaims | None = None) -> None:
        self.characters = characters
        self.hub = hub
        self.principal = principal

    async def _edit(self, principal: Principal, character_id: uuid.UUID, if_match: str | None,
                    edit: BuildEdit, message: str) -> Character:
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        document = edit(dict(character.build))
        return await self.characters.replace_build(character, parse_build(document), author=principal,
                                                   message=message)

    async def add(self, principal: Principal, character_id: uuid.UUID, item: ItemIn, if_match: str | None
                  ) -> Character:
        if item.catalog_id is not None:
            snapshot = await fetch_item(self.hub, item.catalog_id, self.principal)
            item = item.model_copy(update={"catalog_id": None, "item": snapshot})
        entry = item.model_dump(mode="json", exclude_none=True)

        def add(document: dict[str, Any]) -> dict[str, Any]:
            return {**document, "equipment": [*document.get("equipment", []), entry]}

        name = item.item.name if item.item else str(item.item_id)
        return await self._edit(principal, character_id, if_match, add, f"Inventory: add {item.quantity} x {name}")

    async def change(self, principal: Principal, character_id: uuid.UUID, index: int, patch: ItemPatch,
                     if_match: str | None) -> Character:
        def change(document: dict[str, Any]) -> dict[str, Any]:
            items = list(document.get("equipment", []))
            _check_index(items, index)
            updated = {**items[index], **patch.model_dump(exclude_none=True)}
            if updated.get("quantity") == 0:
                del items[index]
            else:
                items[index] = updated
            return {**document, "equipment": items}

        changes = ", ".join(f"{k}={v}" for k, v in patch.model_dump(exclude_none=True).items())
        return await self._edit(principal, character_id, if_match, change, f"Inventory: item {index} {changes}")

    async def remove(self, principal: Principal, character_id: uuid.UUID, index: int, if_match: str | None
                     ) -> Character:
        def remove(document: dict[str, Any]) -> dict[str, Any]:
            items = list(document.get("equipment", []))
            _check_index(items, index)
            del items[index]
            return {**document, "equipment": items}

        return await self._edit(principal, character_id, if_match, remove, f"Inventory: remove item {index}")

    async def set_currency(self, principal: Principal, character_id: uuid.UUID, currency: Currency,
                           if_match: str | None) -> Character:
        return await self._edit(principal, character_id, if_match,
                                lambda document: {**document, "currency": currency.model_dump()}, "Set coins")


def _check_index(items: list[Any], index: int) -> None:
    if not 0 <= index < len(items):
        raise NotFoundError(f"No inventory item at index {index}.", code="inventory_item_not_found",
                            details=[ErrorDetail("index", f"the inventory has {len(items)} items")])
