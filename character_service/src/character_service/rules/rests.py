"""Short and Long Rests (SRD 5.2 Rules Glossary, "Short Rest" and "Long Rest").

Short Rest: spend Hit Point Dice (each heals the roll + Constitution modifier,
minimum 1 Hit Point per die), Short Rest features recharge (including resources
that regain only some uses, e.g. Rage, Channel Divinity, Wild Shape), and
Pact Magic slots return (Warlock, "Pact Magic").

Long Rest: all lost Hit Points and *all* spent Hit Point Dice return (2024
rule), Exhaustion decreases by 1, every spell slot, Pact Magic slot and
limited resource recharges, Temporary Hit Points end ("Temporary Hit Points:
Duration"), Death Saving Throws reset.  Sleeping gives the Unconscious
condition, so Concentration ends.

Both rests require at least 1 Hit Point to start; a dead character can't rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from .conditions import status_fields
from .state import (
    HIT_DIE_SIDES,
    AlreadyDeadError,
    DeathSaves,
    Event,
    InvalidRollError,
    NothingLeftError,
    PlayError,
    PlayLimits,
    PlayReport,
    PlayState,
    UnknownResourceError,
)

__all__ = ["MIN_HP_PER_HIT_DIE", "RestReport", "long_rest", "short_rest"]

# Rules Glossary, "Short Rest": each Hit Point Die spent heals at least 1.
MIN_HP_PER_HIT_DIE = 1
# Rules Glossary, "Long Rest": Exhaustion level decreases by 1.
LONG_REST_EXHAUSTION_REDUCTION = 1


class RestReport(PlayReport):
    """What a rest restored."""

    rest: str
    hp_before: int
    hp_after: int
    hp_regained: int = 0
    hit_dice_spent: dict[str, int] = Field(default_factory=dict)
    hit_dice_healing: list[int] = Field(default_factory=list)
    hit_dice_regained: dict[str, int] = Field(default_factory=dict)
    resources_regained: dict[str, int] = Field(default_factory=dict)
    spell_slots_regained: dict[int, int] = Field(default_factory=dict)
    pact_slots_regained: int = 0
    exhaustion_before: int = 0
    exhaustion_after: int = 0
    temp_hp_lost: int = 0
    concentration_ended: str | None = None
    heroic_inspiration_gained: bool = False


def _check_can_rest(state: PlayState, limits: PlayLimits, rest: str) -> int:
    if state.dead:
        raise AlreadyDeadError(f"a dead character can't take a {rest}", field="dead")
    hp = state.hp(limits.hp_max)
    if hp < 1:
        raise PlayError(f"a {rest} requires at least 1 Hit Point to start", field="hp_current", code="needs_hit_points")
    return hp


def short_rest(
    state: PlayState,
    limits: PlayLimits,
    hit_dice_rolls: Mapping[str, Sequence[int]] | None = None,
) -> tuple[PlayState, RestReport]:
    """Finish a Short Rest, spending the Hit Point Dice whose rolls are given.

    ``hit_dice_rolls`` maps a die size ("d8") to the results rolled for each
    die spent of that size.  Each roll must be a face of the die and the
    character must have that many unspent dice of the size.  Each die heals
    roll + Constitution modifier, minimum 1; Hit Points never exceed the
    maximum.  Short Rest resources and Pact Magic slots recharge.
    """
    hp_before = _check_can_rest(state, limits, "Short Rest")
    hp_max = limits.hp_max
    rolls = dict(hit_dice_rolls or {})
    events: list[Event] = [Event.SHORT_REST]
    messages: list[str] = ["Short Rest"]
    already: dict[str, int] = {str(die): n for die, n in state.hit_dice_spent.items()}
    dice_spent = dict(already)
    spent_now: dict[str, int] = {}
    healing: list[int] = []
    for die in sorted(rolls, key=lambda d: HIT_DIE_SIDES.get(d, 0)):
        die_rolls = list(rolls[die])
        if not die_rolls:
            continue
        field = f"hit_dice_rolls.{die}"
        if die not in HIT_DIE_SIDES:
            raise UnknownResourceError(f"unknown Hit Point Die {die!r}", field=field)
        available = limits.hit_dice.get(die, 0) - already.get(die, 0)
        if limits.hit_dice.get(die, 0) <= 0:
            raise UnknownResourceError(f"the character has no {die} Hit Point Dice", field=field)
        if len(die_rolls) > available:
            raise NothingLeftError(
                f"{max(0, available)} {die} Hit Point Dice left, {len(die_rolls)} rolled", field=field
            )
        sides = HIT_DIE_SIDES[die]
        for index, roll in enumerate(die_rolls):
            if not 1 <= roll <= sides:
                raise InvalidRollError(f"a {die} roll must be 1..{sides}, got {roll}", field=f"{field}.{index}")
            healing.append(max(MIN_HP_PER_HIT_DIE, roll + limits.con_mod))
        spent_now[die] = len(die_rolls)
        dice_spent[die] = already.get(die, 0) + len(die_rolls)
    hp_after = min(hp_max, hp_before + sum(healing))
    if spent_now:
        events.append(Event.HIT_DICE_SPENT)
        messages.append("Spent " + ", ".join(f"{n}{die}" for die, n in spent_now.items()) + f" for {sum(healing)} HP")
    if hp_after > hp_before:
        events.append(Event.HEALED)
        messages.append(f"Regained {hp_after - hp_before} HP ({hp_before} -> {hp_after})")

    resources_spent = dict(state.resources_spent)
    regained: dict[str, int] = {}
    for resource_id, limit in limits.resources.items():
        spent = min(limit.max, state.resources_spent.get(resource_id, 0))
        back = limit.regained_on_short_rest(spent)
        if back:
            regained[resource_id] = back
        if spent - back:
            resources_spent[resource_id] = spent - back
        else:
            resources_spent.pop(resource_id, None)
    if regained:
        events.append(Event.RESOURCE_REGAINED)
        messages.append("Regained " + ", ".join(f"{n} {rid}" for rid, n in regained.items()))

    # Warlock "Pact Magic": all expended Pact Magic slots return on a Short Rest.
    pact_back = min(limits.pact_slots, state.pact_slots_spent)
    pact_spent = 0 if limits.pact_slots else state.pact_slots_spent
    if pact_back:
        events.append(Event.PACT_SLOTS_REGAINED)
        messages.append(f"Regained {pact_back} Pact Magic slot(s)")

    update: dict[str, Any] = {
        "hp_current": None if hp_after >= hp_max else hp_after,
        "hit_dice_spent": dice_spent,
        "resources_spent": resources_spent,
        "pact_slots_spent": pact_spent,
    }
    new = state.model_copy(update=update)
    return new, RestReport(
        rest="short",
        hp_before=hp_before,
        hp_after=hp_after,
        hp_regained=hp_after - hp_before,
        hit_dice_spent=spent_now,
        hit_dice_healing=healing,
        resources_regained=regained,
        pact_slots_regained=pact_back,
        exhaustion_before=state.exhaustion,
        exhaustion_after=state.exhaustion,
        events=events,
        messages=messages,
        **status_fields(new),
    )


def long_rest(state: PlayState, limits: PlayLimits) -> tuple[PlayState, RestReport]:
    """Finish a Long Rest.

    Regain all Hit Points and all spent Hit Point Dice, Exhaustion level
    decreases by 1, all spell slots, Pact Magic slots and limited resources
    recharge, Temporary Hit Points end, Death Saving Throws reset and
    Concentration ends (sleep means Unconscious).  With
    ``limits.heroic_inspiration_on_long_rest`` (e.g. Human "Resourceful") the
    character gains Heroic Inspiration.
    """
    hp_before = _check_can_rest(state, limits, "Long Rest")
    hp_max = limits.hp_max
    events: list[Event] = [Event.LONG_REST]
    messages: list[str] = ["Long Rest"]
    if hp_before < hp_max:
        events.append(Event.HEALED)
        messages.append(f"Regained {hp_max - hp_before} HP ({hp_before} -> {hp_max})")
    dice_back = {die: n for die, n in sorted(state.hit_dice_spent.items()) if n}
    if dice_back:
        events.append(Event.HIT_DICE_REGAINED)
        messages.append("Regained all spent Hit Point Dice")
    slots_back = {level: n for level, n in sorted(state.spell_slots_spent.items()) if n}
    if slots_back:
        events.append(Event.SPELL_SLOTS_REGAINED)
        messages.append("Regained all spell slots")
    pact_back = state.pact_slots_spent
    if pact_back:
        events.append(Event.PACT_SLOTS_REGAINED)
        messages.append("Regained all Pact Magic slots")
    resources_back = {rid: n for rid, n in sorted(state.resources_spent.items()) if n}
    if resources_back:
        events.append(Event.RESOURCE_REGAINED)
        messages.append("Regained all limited-use resources")
    exhaustion_after = max(0, state.exhaustion - LONG_REST_EXHAUSTION_REDUCTION)
    if exhaustion_after != state.exhaustion:
        events.append(Event.EXHAUSTION_CHANGED)
        messages.append(f"Exhaustion level {state.exhaustion} -> {exhaustion_after}")
    if state.temp_hp:
        events.append(Event.TEMP_HP_LOST)
        messages.append(f"Temporary Hit Points ({state.temp_hp}) end")
    ended = state.concentration
    if ended is not None:
        events.append(Event.CONCENTRATION_ENDED)
        messages.append(f"Concentration on {ended} ends (asleep)")
    gained_inspiration = limits.heroic_inspiration_on_long_rest and not state.heroic_inspiration
    if gained_inspiration:
        events.append(Event.HEROIC_INSPIRATION_GAINED)
        messages.append("Gained Heroic Inspiration")
    update: dict[str, Any] = {
        "hp_current": None,
        "temp_hp": 0,
        "death_saves": DeathSaves(),
        "exhaustion": exhaustion_after,
        "concentration": None,
        "hit_dice_spent": {},
        "spell_slots_spent": {},
        "pact_slots_spent": 0,
        "resources_spent": {},
        "heroic_inspiration": state.heroic_inspiration or limits.heroic_inspiration_on_long_rest,
    }
    new = state.model_copy(update=update)
    return new, RestReport(
        rest="long",
        hp_before=hp_before,
        hp_after=hp_max,
        hp_regained=hp_max - hp_before,
        hit_dice_regained=dice_back,
        resources_regained=resources_back,
        spell_slots_regained=slots_back,
        pact_slots_regained=pact_back,
        exhaustion_before=state.exhaustion,
        exhaustion_after=exhaustion_after,
        temp_hp_lost=state.temp_hp,
        concentration_ended=ended,
        heroic_inspiration_gained=gained_inspiration,
        events=events,
        messages=messages,
        **status_fields(new),
    )
