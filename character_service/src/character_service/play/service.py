"""Play operations: lock the row, apply a pure rules function, store the new state.

The row lock (SELECT … FOR UPDATE) makes concurrent operations on one character apply one after
another, so none is lost; the version bumps with each, so ETags change.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from pydantic import BaseModel

from character_service.characters.models import Character
from character_service.characters.service import CharacterService, parse_build
from character_service.play.schemas import PlayResult
from character_service.rules import conditions, play, rests
from character_service.rules import spell_changes as spell_changes_rules
from character_service.rules.sheet import Sheet, compute_sheet
from character_service.rules.state import (
    HIT_DIE_SIDES,
    Condition,
    DamageType,
    InvalidRollError,
    PlayError,
    PlayLimits,
    PlayState,
)
from dnd_shared.errors import AppError, ConflictError, ErrorDetail, UnprocessableError
from dnd_shared.identity import Principal

ReportT = TypeVar("ReportT", bound=BaseModel)
Operation = Callable[[PlayState, PlayLimits], tuple[PlayState, BaseModel]]

# Mistakes in what was asked (422) versus actions the current state does not allow (409).
_INPUT_ERRORS = ("invalid_roll", "unknown_resource")


def play_error(exc: PlayError) -> AppError:
    details = [ErrorDetail(exc.field or "body", exc.message)]
    if exc.code in _INPUT_ERRORS or isinstance(exc, InvalidRollError):
        return UnprocessableError(exc.message, code=exc.code, details=details)
    return ConflictError(exc.message, code=exc.code, details=details)


def limits_and_sheet(build_document: Mapping[str, Any], state: PlayState) -> tuple[PlayLimits, Sheet]:
    sheet = compute_sheet(parse_build(build_document), state)
    return play.limits_from_sheet(sheet), sheet


class PlayService:
    """Play operations. ``trusted`` (hub commands from the campaign service, which checked that the
    caller is the character's DM) skips the per-user access check; HTTP routes never set it."""

    def __init__(self, characters: CharacterService, rng: random.Random | None = None, *,
                 trusted: bool = False) -> None:
        self.characters = characters
        self.rng = rng or random.SystemRandom()
        self.trusted = trusted

    async def apply(self, principal: Principal, character_id: uuid.UUID, operation: Operation,
                    also: Callable[[Character], Mapping[str, Any]] | None = None) -> PlayResult:
        """Lock, apply ``operation`` to the play state, store it; ``also`` gives other columns to change
        in the same write (one version bump per operation)."""
        if self.trusted:
            character = await self.characters.repository.get_for_update(character_id)
        else:
            character = await self.characters.lock_visible(principal, character_id, allow_dm=True)
        if character.status == "draft":
            raise ConflictError("A draft cannot be played; complete it first.", code="character_is_draft")
        state = PlayState.model_validate(character.state)
        limits, _ = limits_and_sheet(character.build, state)
        try:
            new_state, report = operation(state, limits)
        except PlayError as exc:
            raise play_error(exc) from exc
        for column, value in (also(character) if also is not None else {}).items():
            setattr(character, column, value)
        character = await self.characters.save_state(character, new_state)
        sheet = compute_sheet(parse_build(character.build), new_state)
        return PlayResult(
            character_id=character.id, version=character.version, state=character.state,
            hit_points=dict(sheet["hit_points"]), report=report.model_dump(mode="json"),
        )

    # --- the operations ---------------------------------------------------------------------
    async def damage(self, principal: Principal, character_id: uuid.UUID, amount: int, type_: DamageType,
                     critical: bool) -> PlayResult:
        return await self.apply(principal, character_id,
                                lambda s, lim: play.apply_damage(s, lim, amount, type_, critical))

    async def heal(self, principal: Principal, character_id: uuid.UUID, amount: int) -> PlayResult:
        return await self.apply(principal, character_id, lambda s, lim: play.heal(s, lim, amount))

    async def temp_hp(self, principal: Principal, character_id: uuid.UUID, amount: int) -> PlayResult:
        return await self.apply(principal, character_id, lambda s, _: play.set_temp_hp(s, amount))

    async def death_save(self, principal: Principal, character_id: uuid.UUID, roll: int | None) -> PlayResult:
        value = roll if roll is not None else self.rng.randint(1, 20)
        return await self.apply(principal, character_id, lambda s, _: play.roll_death_save(s, value))

    async def condition(self, principal: Principal, character_id: uuid.UUID, action: str,
                        condition: Condition) -> PlayResult:
        if action == "add":
            return await self.apply(principal, character_id,
                                    lambda s, lim: conditions.add_condition(s, condition, lim))
        return await self.apply(principal, character_id, lambda s, _: conditions.remove_condition(s, condition))

    async def exhaustion(self, principal: Principal, character_id: uuid.UUID, level: int) -> PlayResult:
        return await self.apply(principal, character_id, lambda s, lim: conditions.set_exhaustion(s, level, lim))

    async def concentration(self, principal: Principal, character_id: uuid.UUID, action: str,
                            spell_id: str | None) -> PlayResult:
        if action == "start":
            if not spell_id:
                raise UnprocessableError("Starting concentration needs the spell.", code="validation_error",
                                         details=[ErrorDetail("spell_id", "required to start concentration")])
            return await self.apply(principal, character_id,
                                    lambda s, _: conditions.start_concentration(s, spell_id))
        return await self.apply(principal, character_id, lambda s, _: conditions.end_concentration(s))

    async def spend_resource(self, principal: Principal, character_id: uuid.UUID, resource_id: str, n: int,
                             restore: bool) -> PlayResult:
        if restore:
            return await self.apply(principal, character_id,
                                    lambda s, lim: play.restore_resource(s, lim, resource_id, n))
        return await self.apply(principal, character_id,
                                lambda s, lim: play.spend_resource(s, lim, resource_id, n))

    async def spell_slot(self, principal: Principal, character_id: uuid.UUID, level: int, n: int,
                         restore: bool) -> PlayResult:
        if restore:
            return await self.apply(principal, character_id,
                                    lambda s, lim: play.restore_spell_slot(s, lim, level, n))

        def spend_many(state: PlayState, limits: PlayLimits) -> tuple[PlayState, BaseModel]:
            report: BaseModel | None = None
            for _ in range(n):
                state, report = play.spend_spell_slot(state, limits, level)
            assert report is not None
            return state, report

        return await self.apply(principal, character_id, spend_many)

    async def pact_slot(self, principal: Principal, character_id: uuid.UUID, n: int, restore: bool) -> PlayResult:
        if restore:
            return await self.apply(principal, character_id, lambda s, lim: play.restore_pact_slot(s, lim, n))

        def spend_many(state: PlayState, limits: PlayLimits) -> tuple[PlayState, BaseModel]:
            report: BaseModel | None = None
            for _ in range(n):
                state, report = play.spend_pact_slot(state, limits)
            assert report is not None
            return state, report

        return await self.apply(principal, character_id, spend_many)

    async def inspiration(self, principal: Principal, character_id: uuid.UUID, action: str) -> PlayResult:
        if action == "gain":
            return await self.apply(principal, character_id, lambda s, _: play.gain_heroic_inspiration(s))
        return await self.apply(principal, character_id, lambda s, _: play.spend_heroic_inspiration(s))

    async def short_rest(self, principal: Principal, character_id: uuid.UUID, hit_dice: Mapping[str, int],
                         rolls: Mapping[str, Sequence[int]] | None) -> PlayResult:
        if rolls is None:
            rolls = {die: [self.rng.randint(1, HIT_DIE_SIDES[die]) for _ in range(count)]
                     for die, count in hit_dice.items() if count > 0}
        else:
            for die, count in hit_dice.items():
                if len(rolls.get(die, [])) != count:
                    raise UnprocessableError(
                        "Give one roll per Hit Point Die spent.", code="validation_error",
                        details=[ErrorDetail(f"rolls.{die}", f"expected {count} rolls")],
                    )
        chosen = dict(rolls)
        return await self.apply(principal, character_id, lambda s, lim: rests.short_rest(s, lim, chosen))

    async def long_rest(self, principal: Principal, character_id: uuid.UUID) -> PlayResult:
        def spell_changes(character: Character) -> dict[str, Any]:
            classes = [c["id"] for c in character.build.get("classes", [])]
            return {"spell_swaps": spell_changes_rules.granted(character.spell_swaps, "long_rest", classes)}

        return await self.apply(principal, character_id, lambda s, lim: rests.long_rest(s, lim), also=spell_changes)
