"""Reading what a portrait needs from a character held by the character service (hub RPC
``character.get``). The payload is read defensively: the portrait needs only a name, a species,
a class and an appearance, wherever the character document keeps them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from dnd_shared.errors import NotFoundError

CHARACTER_GET = "character.get"


class HubCaller(Protocol):
    async def call(self, target: str, payload: dict[str, Any] | None = None, *, timeout: float | None = None) -> Any:
        """Send an RPC and return its result."""


@dataclass(frozen=True)
class CharacterLook:
    name: str
    species: str
    character_class: str
    appearance: str


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "id", "key"):
            if isinstance(value.get(key), str):
                return str(value[key])
    return ""


def look_from_character(document: dict[str, Any]) -> CharacterLook:
    """Name, species, main class and appearance from a character document (top level or ``build``)."""
    build = document.get("build") if isinstance(document.get("build"), dict) else {}
    assert isinstance(build, dict)

    def pick(*keys: str) -> Any:
        for source in (document, build, build.get("details") or {}, document.get("sheet") or {}):
            if isinstance(source, dict):
                for key in keys:
                    if source.get(key):
                        return source[key]
        return None

    name = _text(pick("name")) or "Unnamed hero"
    species = _text(pick("species", "race")) or "human"
    classes = pick("classes")
    character_class = _text(pick("class", "character_class"))
    if not character_class and isinstance(classes, list) and classes:
        main = max((c for c in classes if isinstance(c, dict)), key=lambda c: int(c.get("level") or 0), default=None)
        if main is not None:
            character_class = _text(main.get("class") or main.get("name") or main.get("class_name"))
    appearance = pick("appearance", "description")
    if isinstance(appearance, dict):
        appearance = ", ".join(f"{k} {v}" for k, v in appearance.items() if isinstance(v, str | int))
    return CharacterLook(name[:80], species[:40], (character_class or "adventurer")[:40], str(appearance or "")[:400])


async def fetch_character_look(hub: HubCaller, character_id: uuid.UUID) -> CharacterLook:
    """Ask the character service; its typed errors pass through (404 stays 404; 503 when no instance
    serves ``character.get``)."""
    result = await hub.call(CHARACTER_GET, {"character_id": str(character_id)})
    if not isinstance(result, dict):
        raise NotFoundError("The character could not be read.", code="character_not_found")
    nested = result.get("character")
    document: dict[str, Any] = nested if isinstance(nested, dict) else result
    return look_from_character(document)
