"""HTTP shapes of the inventory."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from character_service.rules.build import Currency, InlineItem


class ItemIn(BaseModel):
    """Exactly one of: a rules-engine item id (``longsword``, ``chain_mail``), a catalog entry id (its
    mechanics are snapshotted onto the character with a link back), or an inline custom item."""

    model_config = ConfigDict(extra="forbid")
    item_id: str | None = Field(default=None, min_length=1, max_length=80)
    catalog_id: uuid.UUID | None = None
    item: InlineItem | None = None
    quantity: int = Field(default=1, ge=1, le=100_000)
    equipped: bool = False
    attuned: bool = False

    @model_validator(mode="after")
    def _exactly_one_source(self) -> ItemIn:
        if sum(x is not None for x in (self.item_id, self.catalog_id, self.item)) != 1:
            raise ValueError("give exactly one of item_id, catalog_id or item")
        return self


class ItemPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    quantity: int | None = Field(default=None, ge=0, le=100_000)
    equipped: bool | None = None
    attuned: bool | None = None


class InventoryOut(BaseModel):
    character_id: uuid.UUID
    version: int
    items: list[dict[str, Any]] = Field(description="Each with its index, used to address it in later calls")
    currency: Currency
    attunement: dict[str, int]
    armor_class: dict[str, Any]
    attacks: list[dict[str, Any]]
    carrying_capacity: dict[str, float]
