"""Turning a portrait request into a queued job."""

from __future__ import annotations

import secrets

from image_service.portraits.characters import CharacterLook
from image_service.portraits.schemas import PortraitCreate
from image_service.providers.offline_portrait import PortraitSpec


def portrait_spec(request: PortraitCreate, look: CharacterLook) -> PortraitSpec:
    """The snapshot a job renders: who, and how (seed chosen now when not given)."""
    seed = request.seed if request.seed is not None else secrets.randbelow(2**31)
    return PortraitSpec(
        name=look.name,
        species=look.species,
        character_class=look.character_class,
        appearance=look.appearance,
        theme=request.theme,
        style=request.style,
        seed=seed,
    )
