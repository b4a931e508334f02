"""HTTP shapes of item-art requests."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from image_service.providers.offline_item import ItemCategory
from image_service.providers.palettes import ItemRarity


class ItemArtCreate(BaseModel):
    name: str = Field(min_length=1, max_length=80)
    category: ItemCategory
    rarity: ItemRarity = "common"
    description: str = Field(default="", max_length=400)
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    image_id: uuid.UUID | None = Field(default=None, description="one of your item images: add a version to it")
