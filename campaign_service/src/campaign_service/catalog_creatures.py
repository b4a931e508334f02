"""Creatures from the catalog service, asked through the hub.

- ``catalog.get`` {type: "creature", key: <slug>} -> a catalog entry (``name``, ``slug``, ``mechanics``
  with ``cr`` and ``xp``), as ``GET /api/v1/catalog/creature/{key}`` returns it;
- ``catalog.search`` {query, types: ["creature"], limit} -> {hits: [{entry: ...}]}, as
  ``GET /api/v1/catalog/search`` returns it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

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


async def fetch_creature(hub: RequestHub, slug: str) -> CatalogCreature:
    """One creature by slug; the catalog's 404 stays a 404."""
    return _creature(await hub.call("catalog.get", {"type": "creature", "key": slug}))


async def search_creatures(hub: RequestHub, query: str, limit: int = 50) -> list[CatalogCreature]:
    """Creatures matching ``query`` (a theme or keywords), best first."""
    answer = await hub.call("catalog.search", {"query": query, "types": ["creature"], "limit": limit})
    hits = answer.get("hits", []) if isinstance(answer, dict) else []
    return [_creature(hit.get("entry", hit)) for hit in hits if isinstance(hit, dict)]
