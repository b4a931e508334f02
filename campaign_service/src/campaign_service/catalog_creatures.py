"""Creatures from the catalog service, asked through the hub (the catalog's ``rpc.py``):

- ``catalog.get`` {type: "creature", slug, campaign_ids} -> {entry} (an entry as
  ``GET /api/v1/catalog/creature/{slug}`` returns it: ``name``, ``slug``, ``mechanics`` with ``cr`` and ``xp``);
- ``catalog.match`` {need, type: "creature", max_cr, limit, campaign_ids} -> {matches: [{entry, ...}]}:
  existing creatures ranked for a need in words (the campaign's theme), none above ``max_cr``.

``campaign_ids`` is the campaign the caller was checked to belong to, so its shared homebrew counts.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from campaign_service.encounters.tables import XP_BY_CHALLENGE_RATING
from dnd_shared.errors import ErrorDetail
from dnd_shared.hub import RequestHub
from dnd_shared.hub.errors import UpstreamError


class CatalogCreature(BaseModel):
    """The parts of a catalog creature entry the campaign uses."""

    model_config = ConfigDict(extra="ignore")

    slug: str
    name: str
    description: str = ""
    tags: list[str] = []
    mechanics: dict[str, Any]

    @property
    def xp(self) -> int:
        """The creature's XP (as its stat block states it)."""
        return int(self.mechanics.get("xp", 0))

    @property
    def cr(self) -> str:
        """The creature's challenge rating as written (``1/4``, ``5``)."""
        return str(self.mechanics.get("cr", "0"))


def _creature(raw: Any) -> CatalogCreature:
    try:
        return CatalogCreature.model_validate(raw)
    except ValidationError as exc:
        raise UpstreamError("The catalog answered in an unexpected shape.", code="upstream_error",
                            details=[ErrorDetail("creature", "entry could not be read")]) from exc


def highest_cr_within(xp: int) -> float:
    """The highest challenge rating whose XP is at most ``xp`` (0 when even CR 1/8 is too much)."""
    fitting = [cr for cr, value in XP_BY_CHALLENGE_RATING.items() if value <= xp]
    return max((_cr_value(cr) for cr in fitting), default=0.0)


def _cr_value(cr: str) -> float:
    numerator, _, denominator = cr.partition("/")
    return int(numerator) / int(denominator) if denominator else float(numerator)


async def fetch_creature(hub: RequestHub, slug: str, campaign_id: uuid.UUID) -> CatalogCreature:
    """One creature by slug; the catalog's 404 stays a 404."""
    answer = await hub.call("catalog.get", {"type": "creature", "slug": slug, "campaign_ids": [str(campaign_id)]})
    return _creature(answer.get("entry"))


async def creatures_for(hub: RequestHub, theme: str, max_xp: int, campaign_id: uuid.UUID,
                        limit: int = 20) -> list[CatalogCreature]:
    """Creatures that fit ``theme`` and are worth at most ``max_xp`` each, best match first."""
    answer = await hub.call("catalog.match", {
        "need": theme, "type": "creature", "max_cr": highest_cr_within(max_xp), "limit": limit,
        "campaign_ids": [str(campaign_id)]})
    matches = answer.get("matches", []) if isinstance(answer, dict) else []
    return [_creature(match.get("entry")) for match in matches if isinstance(match, dict)]
