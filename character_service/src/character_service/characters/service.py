"""Character use cases: create, read with the sheet, edit independent fields, soft delete, restore.

Services orchestrate and never commit; the request-scoped session commits once.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from character_service.campaign_links.access import CampaignDmAccess
from character_service.characters.models import Character
from character_service.characters.repository import CharacterRepository
from character_service.rules.build import Build
from character_service.rules.sheet import Sheet, compute_sheet
from character_service.rules.state import PlayState
from character_service.rules.validation import Problem, validate
from character_service.versions.history import BuildHistory
from dnd_shared.db.pagination import Page
from dnd_shared.errors import (
    ErrorDetail,
    NotFoundError,
    PreconditionFailedError,
    UnprocessableError,
)
from dnd_shared.identity import Principal

#: Sheet keys that are computed from the build and can never be written.
DERIVED_FIELDS: frozenset[str] = frozenset(Sheet.__annotations__) - frozenset(Build.model_fields)
#: Play-state keys: they change only through the play routes, which lock the row.
PLAY_STATE_FIELDS: frozenset[str] = frozenset(PlayState.model_fields)


def rules_error(problems: Sequence[Problem], message: str = "The build breaks the 2024 rules.") -> UnprocessableError:
    """Every rules problem at once, each with its field path."""
    return UnprocessableError(
        message,
        code="rules_violation",
        details=[ErrorDetail(p.field, f"{p.code}: {p.message}") for p in problems],
    )


def pydantic_error(exc: ValidationError, prefix: str = "") -> UnprocessableError:
    from dnd_shared.errors import field_path

    details = [
        ErrorDetail(f"{prefix}{field_path(e['loc'])}" if e["loc"] else prefix.rstrip(".") or "body", e["msg"])
        for e in exc.errors()
    ]
    return UnprocessableError("The build is not well formed.", code="validation_error", details=details)


def parse_build(document: Mapping[str, Any]) -> Build:
    try:
        return Build.model_validate(document)
    except ValidationError as exc:
        raise pydantic_error(exc) from exc


def parse_state(document: Mapping[str, Any]) -> PlayState:
    try:
        return PlayState.model_validate(document)
    except ValidationError as exc:
        raise pydantic_error(exc, "state.") from exc


def checked_build(document: Mapping[str, Any]) -> Build:
    """A well-formed and rules-valid build, or a 422 naming every problem."""
    build = parse_build(document)
    problems = validate(build)
    if problems:
        raise rules_error(problems)
    return build


def sheet_of(character: Character) -> Sheet | None:
    """The sheet, computed now from the stored build and state (None for an incomplete draft)."""
    if character.status == "draft":
        try:
            build = Build.model_validate(character.build)
        except ValidationError:
            return None
        if validate(build):
            return None
    else:
        build = Build.model_validate(character.build)
    return compute_sheet(build, PlayState.model_validate(character.state))


def etag_of(character: Character) -> str:
    return f'"{character.id}.{character.version}"'


def check_if_match(character: Character, if_match: str | None, *, required: bool) -> None:
    """``If-Match`` must name the current version (``*`` matches any); stale -> 412."""
    if if_match is None:
        if required:
            raise PreconditionFailedError(
                "This change needs an If-Match header with the ETag you last read.",
                code="if_match_required",
                details=[ErrorDetail("If-Match", "missing")],
            )
        return
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" not in candidates and etag_of(character) not in candidates:
        raise PreconditionFailedError(
            f"The character changed since you read it (now version {character.version}); reload and retry.",
            details=[ErrorDetail("If-Match", f"current ETag is {etag_of(character)}")],
        )


def merge_patch(target: Mapping[str, Any], patch: Mapping[str, Any]) -> dict[str, Any]:
    """RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces."""
    result = dict(target)
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(result.get(key), Mapping):
            result[key] = merge_patch(result[key], value)
        else:
            result[key] = value
    return result


def reject_non_build_fields(patch: Mapping[str, Any]) -> None:
    details = []
    for key in patch:
        if key in DERIVED_FIELDS:
            details.append(ErrorDetail(key, "derived by the rules engine from the build; it cannot be written"))
        elif key in PLAY_STATE_FIELDS or key == "state":
            details.append(ErrorDetail(key, "play state changes only through the play routes (damage, heal, rests…)"))
    if details:
        raise UnprocessableError("Only independent build fields can be edited.", code="derived_field", details=details)


class CharacterService:
    def __init__(self, repository: CharacterRepository, dm_access: CampaignDmAccess | None = None) -> None:
        self.repository = repository
        self.dm_access = dm_access
        #: Version control: build writes become commits, play-state writes activity entries.
        self.history = BuildHistory(repository.session)

    async def _check_access(self, character: Character | None, principal: Principal, character_id: uuid.UUID,
                            allow_dm: bool) -> Character:
        """Owner or admin; with ``allow_dm`` also the DM of a campaign the character plays in. Anyone
        else gets the same 404 as for a character that does not exist."""
        if character is not None:
            if character.owner_id == principal.user_id or principal.is_admin:
                return character
            if allow_dm and self.dm_access is not None and await self.dm_access.is_dm_of(character.id, principal):
                return character
        raise NotFoundError(f"No character with id {character_id}.", code="character_not_found")

    async def get_visible(self, principal: Principal, character_id: uuid.UUID, *, include_deleted: bool = False,
                          allow_dm: bool = False) -> Character:
        """The character if the caller may see it (see :meth:`_check_access`)."""
        character = await self.repository.get(character_id, include_deleted=include_deleted)
        return await self._check_access(character, principal, character_id, allow_dm)

    async def lock_visible(self, principal: Principal, character_id: uuid.UUID, *, allow_dm: bool = False
                           ) -> Character:
        """Like :meth:`get_visible`, with the row locked for a read-modify-write."""
        character = await self.repository.get_for_update(character_id)
        return await self._check_access(character, principal, character_id, allow_dm)

    async def store_build(self, character: Character, document: dict[str, Any], *, author: Principal,
                          message: str, extra: Mapping[str, Any] | None = None) -> Character:
        """The one place a character's build changes (every edit, level-up, inventory and spell change,
        XP award), so history and events hang off a single seam. ``extra`` are other columns to
        update in the same write. The new build is committed on the character's active branch."""
        previous = character.build
        character = await self.repository.update(character, {**(extra or {}), "build": document})
        await self.history.record_build(character, previous, author_id=author.user_id, message=message)
        return character

    async def create(self, principal: Principal, build: Build, state: PlayState | None = None) -> Character:
        problems = validate(build)
        if problems:
            raise rules_error(problems)
        character = await self.repository.create(
            owner_id=principal.user_id,
            status="active",
            rules_version=build.rules_version,
            build=build.model_dump(mode="json", exclude_defaults=False),
            state=(state or PlayState()).model_dump(mode="json"),
        )
        await self.history.start(character, character.build, author_id=principal.user_id, message="Create")
        return character

    async def create_draft(self, principal: Principal, document: Mapping[str, Any]) -> Character:
        character = await self.repository.create(
            owner_id=principal.user_id, status="draft", rules_version="2024", build=dict(document),
            state=PlayState().model_dump(mode="json"),
        )
        await self.history.start(character, character.build, author_id=principal.user_id, message="Start a draft")
        return character

    async def list(self, principal: Principal, *, all_users: bool, name: str | None, status: str | None,
                   class_id: str | None, species_id: str | None, limit: int, cursor: str | None,
                   deleted: bool) -> Page[Character]:
        owner = None if (all_users and principal.is_admin) else principal.user_id
        return await self.repository.list_for_owner(
            owner, name=name, status=status, class_id=class_id, species_id=species_id, limit=limit, cursor=cursor,
            only_deleted=deleted,
        )

    async def patch_build(self, principal: Principal, character_id: uuid.UUID, patch: Mapping[str, Any],
                          if_match: str | None) -> Character:
        character = await self.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=True)
        reject_non_build_fields(patch)
        document = merge_patch(character.build, patch)
        message = "Edit " + ", ".join(sorted(patch))
        if character.status == "draft":
            return await self.store_build(character, document, author=principal, message=message)
        build = checked_build(document)
        return await self.store_build(character, build.model_dump(mode="json"), author=principal, message=message)

    async def replace_build(self, character: Character, build: Build, *, author: Principal, message: str
                            ) -> Character:
        """Store a new rules-valid build (level-up, inventory, spells)."""
        problems = validate(build)
        if problems:
            raise rules_error(problems)
        return await self.store_build(character, build.model_dump(mode="json"), author=author, message=message)

    async def save_state(self, character: Character, state: PlayState) -> Character:
        before = character.state
        character = await self.repository.update(character, {"state": state.model_dump(mode="json")})
        await self.history.record_state(character, before, character.state)
        return character

    async def delete(self, principal: Principal, character_id: uuid.UUID, if_match: str | None) -> Character:
        character = await self.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        return await self.repository.soft_delete(character)

    async def restore(self, principal: Principal, character_id: uuid.UUID) -> Character:
        character = await self.get_visible(principal, character_id, include_deleted=True)
        if character.deleted_at is None:
            return character
        return await self.repository.restore(character)

    async def complete_draft(self, principal: Principal, character_id: uuid.UUID, if_match: str | None
                             ) -> Character:
        character = await self.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        if character.status != "draft":
            raise UnprocessableError("The character is not a draft.", code="not_a_draft",
                                     details=[ErrorDetail("status", "already active")])
        build = checked_build(character.build)
        return await self.store_build(character, build.model_dump(mode="json"), author=principal,
                                      message="Complete the draft", extra={"status": "active"})
