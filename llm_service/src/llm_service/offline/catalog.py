"""Catalog hints for the offline provider, asked through the hub (``catalog.search``, ``catalog.match``).

The catalog is optional: any failure (no catalog instance, timeout, open circuit, an answer in a shape
we do not read) yields empty hints and the phrase tables carry the whole answer. Output stays
deterministic for the same input *and the same catalog content*; with the catalog down it is the
phrase-table output, which is deterministic on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import structlog

from dnd_shared.errors import AppError
from dnd_shared.hub.client import Hub
from llm_service.offline.generator import CatalogHints, CatalogSpell, detect_themes, read_text

log = structlog.get_logger("llm_service.offline.catalog")


class CatalogLookup(Protocol):
    """Where the offline provider gets catalog hints for one task input."""

    async def hints(self, task: str, task_input: dict[str, Any]) -> CatalogHints:
        """Hints for the task (empty when there are none or the catalog cannot be reached)."""


def _items(reply: dict[str, Any]) -> list[dict[str, Any]]:
    for key in ("items", "results", "matches"):
        value = reply.get(key)
        if isinstance(value, list):
            return [item for item in value if isinstance(item, dict)]
    return []


def _spell(item: dict[str, Any]) -> CatalogSpell | None:
    nested = item.get("data")
    data: dict[str, Any] = nested if isinstance(nested, dict) else item
    name, level = item.get("name") or data.get("name"), data.get("level")
    classes = data.get("classes") or []
    if not isinstance(name, str) or not isinstance(level, int) or not isinstance(classes, list):
        return None
    return CatalogSpell(name=name, level=level, classes=tuple(str(c) for c in classes))


class HubCatalogLookup:
    """Asks the catalog service over the hub, with a short timeout."""

    def __init__(self, hub: Callable[[], Hub | None], *, timeout_seconds: float = 0.5) -> None:
        self._hub = hub
        self.timeout_seconds = timeout_seconds

    async def _call(self, message_type: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        hub = self._hub()
        if hub is None or not hub.running:
            return None
        try:
            reply: dict[str, Any] = await hub.call(message_type, payload, timeout=self.timeout_seconds)
        except (AppError, TimeoutError) as exc:
            log.info("catalog_unavailable", message_type=message_type, error=type(exc).__name__)
            return None
        return reply

    async def hints(self, task: str, task_input: dict[str, Any]) -> CatalogHints:
        if task == "character_concept":
            return await self._spell_hints(str(task_input.get("concept", "")))
        if task == "spell":
            return await self._spell_hints(str(task_input.get("description", "")))
        if task == "npc":
            reply = await self._call("catalog.match", {"text": str(task_input.get("description", "")),
                                                       "kind": "creature"})
            items = _items(reply or {})
            name = items[0].get("name") if items else (reply or {}).get("name")
            return CatalogHints(creature=name if isinstance(name, str) else None)
        return CatalogHints()

    async def _spell_hints(self, text: str) -> CatalogHints:
        import random

        reading = read_text(text, random.Random(0))
        words = [theme.name for theme in detect_themes(text.lower())[:2]] or [reading.theme.name]
        reply = await self._call("catalog.search", {"query": " ".join(words), "kind": "spell", "limit": 10})
        spells = tuple(spell for item in _items(reply or {}) if (spell := _spell(item)) is not None)
        return CatalogHints(spells=spells)
