"""``character.*.v1`` events, published after the request's transaction commits.

They are notifications: the character row is the truth, so a lost event loses no data and they are
published directly (FastAPI background tasks run after the response, i.e. after the commit) rather
than through an outbox. A failure to publish is logged, never turned into an error for the user.
"""

from __future__ import annotations

from typing import Annotated

import structlog
from fastapi import BackgroundTasks, Depends, Request

from character_service.characters.models import Character
from dnd_shared.contracts.character import (
    CharacterCreatedV1,
    CharacterDeletedV1,
    CharacterLeveledUpV1,
    CharacterUpdatedV1,
)
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.contracts.events import EventModel
from dnd_shared.hub.client import Hub
from dnd_shared.identity import Principal

log = structlog.get_logger("character_service.events")


def _level(character: Character) -> int:
    return sum(int(c.get("level", 0)) for c in character.build.get("classes", []) if isinstance(c, dict))


class CharacterEvents:
    def __init__(self, request: Request, background: BackgroundTasks) -> None:
        self.request = request
        self.background = background

    def _emit(self, event: EventModel, subject: str) -> None:
        hub = getattr(self.request.app.state, "hub", None)
        if not isinstance(hub, Hub):
            return
        principal = getattr(self.request.state, "principal", None)
        claims = PrincipalClaims.from_principal(principal) if isinstance(principal, Principal) else None

        async def publish() -> None:
            try:
                await hub.publish(event, subject=subject, principal=claims)
            except Exception as exc:  # the change is committed; the notification is best effort
                log.warning("character_event_not_published", event_type=event.event_type, error=str(exc))

        self.background.add_task(publish)

    def created(self, character: Character) -> None:
        self._emit(CharacterCreatedV1(character_id=character.id, owner_id=character.owner_id,
                                      name=str(character.build.get("name", "")), level=_level(character)),
                   str(character.id))

    def updated(self, character: Character, change: str) -> None:
        self._emit(CharacterUpdatedV1(character_id=character.id, owner_id=character.owner_id,
                                      version=character.version, change=change), str(character.id))

    def deleted(self, character: Character, *, restored: bool = False) -> None:
        self._emit(CharacterDeletedV1(character_id=character.id, owner_id=character.owner_id, restored=restored),
                   str(character.id))

    def leveled_up(self, character: Character, class_id: str) -> None:
        self._emit(CharacterLeveledUpV1(character_id=character.id, owner_id=character.owner_id, class_id=class_id,
                                        level=_level(character)), str(character.id))


EventsDep = Annotated[CharacterEvents, Depends(CharacterEvents)]
