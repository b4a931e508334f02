"""Journal use cases: entries, XP awards (ready-to-level when a threshold is crossed), milestones."""

from __future__ import annotations

import uuid
from typing import Any

from character_service.characters.models import Character
from character_service.characters.service import CharacterService, check_if_match, parse_build
from character_service.journal.models import JournalEntry
from character_service.journal.repository import JournalRepository
from character_service.journal.schemas import AdvancementOut, EntryIn, EntryOut, EntryPatch
from character_service.rules.xp import advancement_status
from dnd_shared.db.pagination import Page
from dnd_shared.errors import ErrorDetail, NotFoundError, PreconditionFailedError, UnprocessableError
from dnd_shared.identity import Principal


def entry_out(entry: JournalEntry) -> EntryOut:
    return EntryOut(
        id=entry.id, version=entry.version, character_id=entry.character_id, author_id=entry.author_id,
        kind=entry.kind, title=entry.title, body=entry.body, tags=list(entry.tags), data=dict(entry.data),
        created_at=entry.created_at, updated_at=entry.updated_at, deleted_at=entry.deleted_at,
    )


def advancement_of(character: Character) -> AdvancementOut:
    xp = int(character.build.get("xp", 0))
    level = sum(int(c.get("level", 0)) for c in character.build.get("classes", []))
    status = advancement_status(xp, max(level, 1), character.advancement,  # type: ignore[arg-type]
                                character.milestone_level)
    return AdvancementOut(
        advancement=character.advancement,
        level=level, xp=xp, milestone_level=character.milestone_level, target_level=status.target_level,
        level_up_ready=status.level_up_ready, xp_to_next_level=status.xp_to_next_level,
    )


def _kind_data(body: EntryIn | EntryPatch, kind: str) -> dict[str, Any] | None:
    section = {"session": body.session, "quest": body.quest, "relationship": body.relationship}
    for name, value in section.items():
        if value is not None and name != kind:
            raise UnprocessableError(f"A {kind} entry cannot carry {name} fields.", code="validation_error",
                                     details=[ErrorDetail(name, f"only for {name} entries")])
    chosen = section.get(kind)
    return chosen.model_dump(mode="json") if chosen is not None else None


class JournalService:
    def __init__(self, characters: CharacterService, entries: JournalRepository) -> None:
        self.characters = characters
        self.entries = entries

    async def _entry(self, principal: Principal, character_id: uuid.UUID, entry_id: uuid.UUID,
                     include_deleted: bool = False) -> JournalEntry:
        character = await self.characters.get_visible(principal, character_id)
        entry = await self.entries.get(entry_id, include_deleted=include_deleted)
        if entry is None or entry.character_id != character.id:
            raise NotFoundError(f"No journal entry with id {entry_id}.", code="journal_entry_not_found")
        return entry

    async def add(self, principal: Principal, character_id: uuid.UUID, body: EntryIn) -> JournalEntry:
        character = await self.characters.get_visible(principal, character_id)
        if body.kind == "relationship" and body.relationship is None:
            raise UnprocessableError("A relationship entry names the NPC.", code="validation_error",
                                     details=[ErrorDetail("relationship", "required for relationship entries")])
        data = _kind_data(body, body.kind) or {}
        return await self.entries.create(character_id=character.id, author_id=principal.user_id, kind=body.kind,
                                         title=body.title, body=body.body, tags=body.tags, data=data)

    async def list(self, principal: Principal, character_id: uuid.UUID, *, kind: str | None, tag: str | None,
                   limit: int, cursor: str | None, deleted: bool) -> Page[JournalEntry]:
        character = await self.characters.get_visible(principal, character_id, allow_dm=True)
        filters: dict[str, Any] = {"character_id": character.id}
        if kind:
            filters["kind"] = kind
        where = [JournalEntry.tags.contains([tag])] if tag else []
        return await self.entries.list(filters=filters, where=where, limit=limit, cursor=cursor,
                                       only_deleted=deleted)

    async def update(self, principal: Principal, character_id: uuid.UUID, entry_id: uuid.UUID, body: EntryPatch,
                     if_match: str | None) -> JournalEntry:
        entry = await self._entry(principal, character_id, entry_id)
        if if_match is not None and if_match.strip('"') != str(entry.version):
            raise PreconditionFailedError("The entry changed since you read it.",
                                          details=[ErrorDetail("If-Match", f'current ETag is "{entry.version}"')])
        values: dict[str, Any] = {k: v for k, v in (("title", body.title), ("body", body.body), ("tags", body.tags))
                                  if v is not None}
        data = _kind_data(body, entry.kind)
        if data is not None:
            values["data"] = {**entry.data, **data}
        return await self.entries.update(entry, values)

    async def delete(self, principal: Principal, character_id: uuid.UUID, entry_id: uuid.UUID) -> JournalEntry:
        return await self.entries.soft_delete(await self._entry(principal, character_id, entry_id))

    async def restore(self, principal: Principal, character_id: uuid.UUID, entry_id: uuid.UUID) -> JournalEntry:
        entry = await self._entry(principal, character_id, entry_id, include_deleted=True)
        return entry if entry.deleted_at is None else await self.entries.restore(entry)

    async def award_xp(self, principal: Principal, character_id: uuid.UUID, amount: int, reason: str
                       ) -> tuple[JournalEntry, Character]:
        """Add XP to a character the caller may see, and log it."""
        character = await self.characters.lock_visible(principal, character_id, allow_dm=True)
        return await self.award_xp_to(character, principal, amount, reason)

    async def award_xp_to(self, character: Character, author: Principal, amount: int, reason: str,
                          source_event_id: str | None = None) -> tuple[JournalEntry, Character]:
        """Add XP to a locked character and log it; idempotent per ``source_event_id`` (campaign events):
        a repeated delivery returns the first entry and changes nothing."""
        if source_event_id is not None:
            existing = await self.entries.by_source_event(character.id, source_event_id)
            if existing is not None:
                return existing, character
        xp = int(character.build.get("xp", 0)) + amount
        if xp < 0:
            raise UnprocessableError("XP cannot go below 0.", code="validation_error",
                                     details=[ErrorDetail("amount", f"the character has {xp - amount} XP")])
        build = parse_build({**character.build, "xp": xp})
        character = await self.characters.store_build(character, build.model_dump(mode="json"), author=author,
                                                      message=f"{amount:+d} XP" + (f": {reason}" if reason else ""))
        entry = await self.entries.create(
            character_id=character.id, author_id=author.user_id, kind="xp", title=f"{amount:+d} XP",
            body=reason, tags=[], data={"amount": amount, "total": xp}, source_event_id=source_event_id,
        )
        return entry, character

    async def milestone(self, principal: Principal, character_id: uuid.UUID, title: str, body: str,
                        grants_level: bool) -> tuple[JournalEntry, Character]:
        character = await self.characters.lock_visible(principal, character_id, allow_dm=True)
        return await self.milestone_for(character, principal, title, body, grants_level)

    async def milestone_for(self, character: Character, principal: Principal, title: str, body: str,
                            grants_level: bool = True) -> tuple[JournalEntry, Character]:
        """Record a milestone on a locked character; a level-granting one raises ``milestone_level``."""
        if grants_level:
            level = sum(int(c.get("level", 0)) for c in character.build.get("classes", []))
            granted = min(20, max(character.milestone_level or level, level) + 1)
            character = await self.characters.repository.update(character, {"milestone_level": granted})
        entry = await self.entries.create(
            character_id=character.id, author_id=principal.user_id, kind="milestone", title=title, body=body,
            tags=[], data={"grants_level": grants_level, "milestone_level": character.milestone_level},
        )
        return entry, character

    async def set_advancement(self, principal: Principal, character_id: uuid.UUID, advancement: str,
                              if_match: str | None) -> Character:
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        return await self.characters.repository.update(character, {"advancement": advancement})
