"""Hub handlers of the character service.

- ``character.get_summary`` (query): name, owner, level, classes, species of a character — what the
  campaign service needs to check ownership when a player attaches a character;
- ``character.apply_xp`` (command, only from the campaign service): XP with a journal entry,
  idempotent per ``source_event_id``;
- ``character.apply_play_op`` (command, only from the campaign service): damage, healing, temp HP,
  conditions, exhaustion and rests applied by the DM at the table, with the same rules and row lock
  as the HTTP play routes;
- the standard ``character.system.info`` / diagnostics handlers;
- subscriptions to the campaign's events: attached/detached characters (for the DM's access),
  ``campaign.session_completed.v1`` (a session journal entry, XP, relationship entries and milestone
  levels on each attending character) and ``campaign.xp_awarded.v1``. Deliveries are at least once;
  each change is keyed by the session or event id, so a repeated delivery changes nothing.
"""

from __future__ import annotations

import uuid

import structlog

from character_service.campaign_links.repository import CampaignLinkRepository
from character_service.characters.models import Character
from character_service.characters.repository import CharacterRepository
from character_service.characters.service import CharacterService
from character_service.journal.repository import JournalRepository
from character_service.journal.service import JournalService, advancement_of
from character_service.play.schemas import PlayResult
from character_service.play.service import PlayService
from character_service.rules.state import Condition, DamageType
from dnd_shared.contracts.campaign import (
    AttendingCharacter,
    CampaignMemberJoinedV1,
    CampaignMemberLeftV1,
    CampaignSessionCompletedV1,
    CampaignXpAwardedV1,
)
from dnd_shared.contracts.character import (
    ApplyPlayOp,
    ApplyXp,
    CharacterClassLevel,
    CharacterRef,
    CharacterSummary,
    PlayOpApplied,
    XpApplied,
    apply_play_op,
    apply_xp,
    get_summary,
)
from dnd_shared.errors import ErrorDetail, ForbiddenError, NotFoundError, UnprocessableError
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.system import system_router
from dnd_shared.identity import Principal

#: Services allowed to change characters through the hub (the campaign's DM acts through it).
XP_WRITERS = frozenset({"campaign"})
SYSTEM_AUTHOR = Principal(user_id=uuid.UUID(int=0), roles=frozenset({"service"}), auth_method="internal")

log = structlog.get_logger("character_service.rpc")
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


async def _play_op(play: PlayService, author: Principal, request: ApplyPlayOp) -> PlayResult:
    cid = request.character_id
    if request.op == "damage":
        return await play.damage(author, cid, request.amount, DamageType(request.damage_type or "bludgeoning"),
                                 request.critical)
    if request.op == "heal":
        return await play.heal(author, cid, request.amount)
    if request.op == "temp_hp":
        return await play.temp_hp(author, cid, request.amount)
    if request.op in ("add_condition", "remove_condition"):
        return await play.condition(author, cid, request.op.split("_")[0], Condition(request.condition or ""))
    if request.op == "set_exhaustion":
        return await play.exhaustion(author, cid, request.level or 0)
    if request.op == "short_rest":
        return await play.short_rest(author, cid, {}, None)
    return await play.long_rest(author, cid)


@router.rpc(apply_play_op)
async def character_apply_play_op(request: ApplyPlayOp, ctx: MessageContext) -> PlayOpApplied:
    """A DM's play operation, relayed by the campaign service (which checked the DM)."""
    if ctx.source not in XP_WRITERS:
        raise ForbiddenError(f"{ctx.source} may not apply play operations.", code="play_writer_forbidden")
    database = ctx.require_hub().app_state.database
    async with database.session() as session:
        play = PlayService(CharacterService(CharacterRepository(session)), trusted=True)
        try:
            result = await _play_op(play, ctx.user or SYSTEM_AUTHOR, request)
        except ValueError as exc:  # an unknown damage type or condition name
            raise UnprocessableError(str(exc), code="validation_error",
                                     details=[ErrorDetail("damage_type" if request.op == "damage" else "condition",
                                                          str(exc))]) from exc
        return PlayOpApplied(character_id=result.character_id, version=result.version,
                             hit_points=result.hit_points, state=result.state, report=result.report)


@router.subscribe(CampaignMemberJoinedV1)
async def on_member_joined(event: CampaignMemberJoinedV1, ctx: MessageContext) -> None:
    if event.character_id is None:
        return
    async with ctx.require_hub().app_state.database.session() as session:
        if await CharacterRepository(session).get(event.character_id) is not None:
            await CampaignLinkRepository(session).attach(event.character_id, event.campaign_id)


@router.subscribe(CampaignMemberLeftV1)
async def on_member_left(event: CampaignMemberLeftV1, ctx: MessageContext) -> None:
    if event.character_id is None:
        return
    async with ctx.require_hub().app_state.database.session() as session:
        await CampaignLinkRepository(session).detach(event.character_id, event.campaign_id)


async def _apply_session(journal: JournalService, event: CampaignSessionCompletedV1, attending: AttendingCharacter,
                         author: Principal) -> None:
    session_key = f"session:{event.session_id}"
    try:
        character = await journal.characters.repository.get_for_update(attending.character_id)
    except NotFoundError:
        log.info("session_for_unknown_character", character_id=str(attending.character_id))
        return
    if await journal.entries.by_source_event(character.id, session_key) is not None:
        return  # this session was already applied to this character
    await journal.entries.create(
        character_id=character.id, author_id=author.user_id, kind="session",
        title=f"Session {event.session_number}: {event.title}", body=event.summary, tags=[event.campaign_name],
        data={"number": event.session_number, "date": event.played_at.date().isoformat(),
              "summary": event.summary, "campaign_id": str(event.campaign_id), "session_id": str(event.session_id),
              "notable_moments": attending.notable_moments,
              "loot": [item.model_dump() for item in attending.loot]},
        source_event_id=session_key,
    )
    for change in attending.relationship_changes:
        await journal.entries.create(
            character_id=character.id, author_id=author.user_id, kind="relationship", title=change.target_name,
            body=change.note, tags=[event.campaign_name],
            data={"npc": change.target_name, "target_kind": change.target_kind, "target_id": str(change.target_id),
                  "standing": change.standing, "change": change.change, "session_id": str(event.session_id)},
            source_event_id=f"session-rel:{event.session_id}:{change.target_id}",
        )
    if attending.xp:
        _, character = await journal.award_xp_to(character, author, attending.xp,
                                                 f"Session {event.session_number}: {event.title}",
                                                 f"session-xp:{event.session_id}")
    if attending.milestone:
        await journal.milestone_for(character, author, f"Milestone: {event.title}", event.summary)


@router.subscribe(CampaignSessionCompletedV1)
async def on_session_completed(event: CampaignSessionCompletedV1, ctx: MessageContext) -> None:
    """Journal, XP, relationships and milestones of every attending character, in one transaction."""
    author = ctx.user or SYSTEM_AUTHOR
    async with ctx.require_hub().app_state.database.session() as session:
        characters = CharacterService(CharacterRepository(session))
        journal = JournalService(characters, JournalRepository(session))
        for attending in event.characters:
            await _apply_session(journal, event, attending, author)


@router.subscribe(CampaignXpAwardedV1)
async def on_xp_awarded(event: CampaignXpAwardedV1, ctx: MessageContext) -> None:
    async with ctx.require_hub().app_state.database.session() as session:
        characters = CharacterService(CharacterRepository(session))
        journal = JournalService(characters, JournalRepository(session))
        try:
            character = await characters.repository.get_for_update(event.character_id)
        except NotFoundError:
            return
        await journal.award_xp_to(character, ctx.user or SYSTEM_AUTHOR, event.amount, event.reason,
                                  f"campaign-xp:{ctx.message_id}")
