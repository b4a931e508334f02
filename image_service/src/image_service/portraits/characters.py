"""What a portrait needs from a character held by the character service: its name, species and
main class, read through the hub RPC ``character.get_summary`` (contract in
:mod:`dnd_shared.contracts.character`). The summary carries no appearance; a portrait request may
add one."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from dnd_shared.contracts.character import CharacterRef, CharacterSummary, get_summary
from dnd_shared.contracts.rpc import RpcContract
from dnd_shared.errors import NotFoundError
from dnd_shared.identity import Principal


class HubCaller(Protocol):
    async def call(
        self,
        target: RpcContract[CharacterRef, CharacterSummary],
        payload: BaseModel | dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
    ) -> Any:
        """Send an RPC and return its result."""


@dataclass(frozen=True)
class CharacterLook:
    name: str
    species: str
    character_class: str
    appearance: str


def look_from_summary(summary: CharacterSummary, appearance: str = "") -> CharacterLook:
    """Name, species and the class with the most levels (ids such as ``fighter`` read as names)."""
    main = max(summary.classes, key=lambda c: (c.level, c.id), default=None)
    species = (summary.species or "human").replace("-", " ").replace("_", " ")
    character_class = main.id.replace("-", " ").replace("_", " ") if main is not None else "adventurer"
    return CharacterLook((summary.name or "Unnamed hero")[:80], species[:40], character_class[:40], appearance[:400])


async def fetch_character_look(
    hub: HubCaller, principal: Principal, character_id: uuid.UUID, appearance: str = ""
) -> CharacterLook:
    """Ask the character service; its typed errors pass through (404 stays 404; 503 when no instance
    serves ``character.get_summary``). Someone else's character is the same 404 as a missing one."""
    summary = await hub.call(get_summary, CharacterRef(character_id=character_id))
    if not isinstance(summary, CharacterSummary):
        summary = CharacterSummary.model_validate(summary)
    if summary.owner_id != principal.user_id and not principal.is_admin:
        raise NotFoundError(f"No character with id {character_id}.", code="character_not_found")
    return look_from_summary(summary, appearance)
