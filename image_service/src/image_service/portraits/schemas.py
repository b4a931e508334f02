"""HTTP shapes of portrait requests."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field, model_validator

from image_service.providers.offline_portrait import PortraitStyle
from image_service.providers.palettes import PortraitTheme


class PortraitDescription(BaseModel):
    """A character described directly (when it does not live in the character service)."""

    name: str = Field(min_length=1, max_length=80)
    species: str = Field(default="human", min_length=1, max_length=40)
    character_class: str = Field(default="fighter", min_length=1, max_length=40)
    appearance: str = Field(default="", max_length=400)


class PortraitCreate(BaseModel):
    """Either ``character_id`` (read through the hub) or ``description``, not both."""

    character_id: uuid.UUID | None = None
    description: PortraitDescription | None = None
    appearance: str = Field(
        default="", max_length=400, description="with character_id: how they look (the character summary has no looks)"
    )
    style: PortraitStyle = "token"
    theme: PortraitTheme = "classic"
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1, description="same seed, same offline portrait")
    image_id: uuid.UUID | None = Field(
        default=None, description="one of your portraits: the result becomes its next version (its URL stays)"
    )

    @model_validator(mode="after")
    def _one_source(self) -> PortraitCreate:
        if (self.character_id is None) == (self.description is None):
            raise ValueError("give exactly one of character_id or description")
        if self.description is not None and self.appearance:
            raise ValueError("with a description, put the appearance inside it")
        return self
