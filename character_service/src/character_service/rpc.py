"""Hub handlers of the character service.

- ``character.get_summary`` (query): name, owner, level, classes, species of a character — what the
  campaign service needs to check ownership when a player attaches a character;
- ``character.apply_xp`` (command, only from the campaign service): XP with a journal entry,
  idempotent per ``source_event_id``;
- the standard ``character.system.info`` / diagnostics handlers.
"""

from __future__ import annotations

import uuid

from character_service.characters.models import Character
from character_service.characters.repository import CharacterRepository
from character_service.characters.service import CharacterService
from character_service.journal.repository import JournalRepository
from character_service.journal.service import JournalService, advancement_of
from dnd_shared.contracts.character import (
    ApplyXp,
    CharacterClassLevel,
    CharacterRef,
    CharacterSummary,
    XpApplied,
    apply_xp,
    get_summary,
)
from dnd_shared.errors import ForbiddenError, NotFoundError
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.system import system_router
from dnd_shared.identity import Principal

#: Services allowed to change characters through the hub (the campaign's DM acts through it).
XP_WRITERS = frozenset({"campaign"})
SYSTEM_AUTHOR = Principal(user_id=uuid.UUID(int=0), roles=frozenset({"service"}), auth_method="internal")

router = HubRouter()
router.include(system_router("character"))


def summary_of(character: Character) -> CharacterSummary:
    build = character.build
    classes = [CharacterClassLevel(id=c["id"], level=c["level"], subclass=c.get("subclass"))
               for c in build.get("classes", []) if isinstance(c, dict) and "id" in c and "level" in c]
    return CharacterSummary(
        id=character.id, owner_id=character.owner_id, name=str(build.get("name", "")), status=character.status,
        level=sum(c.level for c in classes), classes=classes,
        species=(build.get("species") or {}).get("id"), background=(build.get("background") or {}).get("id"),
    )


@router.rpc(get_summary)
async def character_summary(request: CharacterRef, ctx: MessageContext) -> CharacterSummary:
    """A live character's summary; not-found travels back as a typed 404."""
    database = ctx.require_hub().app_state.database
    async with database.session() as session:
        character = await CharacterRepository(session).get(request.character_id)
        if character is None:
            raise NotFoundError(f"No character with id {request.character_id}.", code="character_not_found")
        return summary_of(character)


@router.rpc(apply_xp)
async def character_apply_xp(request: ApplyXp, ctx: MessageContext) -> XpApplied:
    """XP awarded by a campaign (its DM); a repeated ``source_event_id`` is recognised and ignored."""
    if ctx.source not in XP_WRITERS:
        raise ForbiddenError(f"{ctx.source} may not award XP.", code="xp_writer_forbidden")
    database = ctx.require_hub().app_state.database
    async with database.session() as session:
        characters = CharacterService(CharacterRepository(session))
        journal = JournalService(characters, JournalRepository(session))
        character = await characters.repository.get_for_update(request.character_id)
        before = character.version
        author = ctx.user or SYSTEM_AUTHOR
        _, character = await journal.award_xp_to(character, author, request.amount, request.reason,
                                                 request.source_event_id)
        status = advancement_of(character)
        return XpApplied(character_id=character.id, xp=status.xp, level=status.level,
                         level_up_ready=status.level_up_ready, duplicate=character.version == before)
