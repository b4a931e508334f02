"""Characters as the character service describes them, asked through the hub
(``character.get_summary``, :mod:`dnd_shared.contracts.character`)."""

from __future__ import annotations

import uuid
from typing import Any

from dnd_shared.contracts.character import CharacterRef, CharacterSummary, get_summary
from dnd_shared.hub import RequestHub


async def fetch_summary(hub: RequestHub, character_id: uuid.UUID) -> CharacterSummary:
    """The summary of ``character_id``; a missing character stays the character service's 404, an
    absent character service is the hub's 503."""
    summary: CharacterSummary = await hub.call(get_summary, CharacterRef(character_id=character_id))
    return summary


def classes_of(summary: CharacterSummary) -> list[dict[str, Any]]:
    """The summary's classes as JSON (``[{"id": "wizard", "level": 3, "subclass": null}]``)."""
    return [c.model_dump() for c in summary.classes]
