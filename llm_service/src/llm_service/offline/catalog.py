"""Catalog hints for the offline provider, asked through the hub with ``catalog.match`` (the catalog's
reuse-first query: a need in words, a content type and constraints -> ranked entries with a 0..1
similarity).

The catalog is optional: any failure (no catalog instance, timeout, open circuit, an answer in a shape
we do not read) yields empty hints and the phrase tables carry the whole answer. Output stays
deterministic for the same input *and the same catalog content*; with the catalog down it is the
phrase-table output, which is deterministic on its own.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any, Protocol

import structlog
from redis.exceptions import RedisError

from dnd_shared.errors import AppError
from dnd_shared.hub.client import Hub
from llm_service.offline import phrases
from llm_service.offline.generator import CatalogHints, CatalogSpell, best_match, max_spell_level, read_text

log = structlog.get_logger("llm_service.offline.catalog")

#: A creature match below this similarity is ignored (the phrase tables' role table decides).
CREATURE_SIMILARITY = 0.5


class CatalogLookup(Protocol):
    """Where the offline provider gets catalog hints for one task input."""

    async def hints(self, task: str, task_input: dict[str, Any]) -> CatalogHints:
        """Hints for the task (empty when there are none or the catalog cannot be reached)."""


def _entries(reply: dict[str, Any] | None) -> list[tuple[dict[str, Any], float]]:
    """``(entry, similarity)`` pairs of a ``catalog.match`` (``matches``) or ``catalog.search`` (``hits``) reply."""
    if not reply:
        return []
    items = reply.get("matches", reply.get("hits"))
    pairs = []
    for item in items if isinstance(items, list) else []:
        entry = item.get("entry") if isinstance(item, dict) else None
        if isinstance(entry, dict):
            similarity = item.get("similarity")
            pairs.append((entry, float(similarity) if isinstance(similarity, int | float) else 0.0))
    return pairs


def spells_from_reply(reply: dict[str, Any] | None) -> tuple[CatalogSpell, ...]:
    """The spells of a catalog reply with the level and classes the generator checks."""
    spells = []
    for entry, _ in _entries(reply):
        raw_mechanics = entry.get("mechanics")
        mechanics: dict[str, Any] = raw_mechanics if isinstance(raw_mechanics, dict) else {}
        name, level, classes = entry.get("name"), mechanics.get("level"), mechanics.get("classes", [])
        if isinstance(name, str) and isinstance(level, int) and isinstance(classes, list):
            spells.append(CatalogSpell(name=name, level=level, classes=tuple(str(c).title() for c in classes)))
    return tuple(spells)


def creature_from_reply(reply: dict[str, Any] | None) -> str | None:
    """The best creature of a catalog reply, if it is close enough to the need."""
    for entry, similarity in _entries(reply):
        name = entry.get("name")
        if isinstance(name, str) and similarity >= CREATURE_SIMILARITY:
            return name
    return None


class HubCatalogLookup:
    """Asks the catalog service over the hub, with a short timeout."""

    def __init__(self, hub: Callable[[], Hub | None], *, timeout_seconds: float = 0.5) -> None:
        self._hub = hub
        self.timeout_seconds = timeout_seconds

    async def _match(self, payload: dict[str, Any]) -> dict[str, Any] | None:
        hub = self._hub()
        if hub is None or not hub.running:
            return None
        try:
            reply: dict[str, Any] = await hub.call("catalog.match", payload, timeout=self.timeout_seconds)
        except (AppError, TimeoutError, OSError, RedisError) as exc:
            # the catalog only enriches the answer: any failure leaves the phrase tables in charge
            log.info("catalog_unavailable", error=type(exc).__name__)
            return None
        return reply

    async def hints(self, task: str, task_input: dict[str, Any]) -> CatalogHints:
        if task == "character_concept":
            concept = str(task_input.get("concept", ""))
            payload: dict[str, Any] = {"need": self._spell_need(concept), "type": "spell", "limit": 10}
            class_name, _ = best_match(concept.lower(), phrases.CLASS_KEYWORDS)
            if class_name is not None:
                payload["class"] = class_name
                payload["max_level"] = max_spell_level(class_name, int(task_input.get("level", 1)))
            return CatalogHints(spells=spells_from_reply(await self._match(payload)))
        if task == "spell":
            payload = {"need": str(task_input.get("description", "")), "type": "spell", "limit": 5}
            if task_input.get("level") is not None:
                payload["max_level"] = int(task_input["level"])
            return CatalogHints(spells=spells_from_reply(await self._match(payload)))
        if task == "npc":
            payload = {"need": str(task_input.get("description", "")), "type": "creature", "limit": 1}
            return CatalogHints(creature=creature_from_reply(await self._match(payload)))
        return CatalogHints()

    @staticmethod
    def _spell_need(concept: str) -> str:
        """The concept's themes in words (``fire spells``), which is what the spell list should echo."""
        reading = read_text(concept, random.Random(0))
        return " ".join(theme.name for theme in reading.themes[:2]) + " spells"
