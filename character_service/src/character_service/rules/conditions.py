"""Conditions, Exhaustion and Concentration (SRD 5.2 Rules Glossary).

Conditions are stored on ``PlayState.conditions`` exactly as applied; the
conditions they *imply* (Paralyzed, Petrified, Stunned and Unconscious give
Incapacitated; Unconscious gives Prone) are derived, never stored, so removing
the source removes the implication.  Exhaustion is a level (0..6) on
``PlayState.exhaustion``.

``condition_effects`` turns the active conditions into structured flags and
roll modifiers that a sheet or UI can display.  All functions are pure: they
return a new ``PlayState`` plus a typed report.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field

from .state import (
    MAX_EXHAUSTION,
    AlreadyDeadError,
    Condition,
    Event,
    PlayError,
    PlayLimits,
    PlayReport,
    PlayState,
)

__all__ = [
    "CONDITION_IMPLIES",
    "EXHAUSTION_D20_PENALTY_PER_LEVEL",
    "EXHAUSTION_SPEED_PENALTY_FT_PER_LEVEL",
    "INCAPACITATING",
    "ConcentrationReport",
    "ConditionEffects",
    "ConditionReport",
    "RollModifier",
    "active_conditions",
    "add_condition",
    "add_exhaustion",
    "condition_effects",
    "end_concentration",
    "implied_conditions",
    "is_incapacitated",
    "remove_condition",
    "remove_exhaustion",
    "set_exhaustion",
    "start_concentration",
    "status_fields",
]

C = Condition

# Rules Glossary: Paralyzed, Petrified and Stunned each give the Incapacitated
# condition; Unconscious ("Inert") gives Incapacitated and Prone.
CONDITION_IMPLIES: Final[dict[Condition, frozenset[Condition]]] = {
    C.PARALYZED: frozenset({C.INCAPACITATED}),
    C.PETRIFIED: frozenset({C.INCAPACITATED}),
    C.STUNNED: frozenset({C.INCAPACITATED}),
    C.UNCONSCIOUS: frozenset({C.INCAPACITATED, C.PRONE}),
}

INCAPACITATING: Final[frozenset[Condition]] = frozenset(
    {C.INCAPACITATED} | {c for c, implied in CONDITION_IMPLIES.items() if C.INCAPACITATED in implied}
)
"""Conditions that are or imply Incapacitated (which breaks Concentration)."""

# Rules Glossary, "Exhaustion": D20 Tests reduced by 2 x level; Speed reduced
# by 5 feet x level.
EXHAUSTION_D20_PENALTY_PER_LEVEL: Final = 2
EXHAUSTION_SPEED_PENALTY_FT_PER_LEVEL: Final = 5

Ability = Literal["str", "dex", "con", "int", "wis", "cha"]
RollKind = Literal["attack_roll", "ability_check", "saving_throw", "initiative"]


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------


class RollModifier(BaseModel):
    """One way an active condition changes a d20 roll.

    ``who`` is ``"self"`` for the character's own rolls and ``"against"`` for
    attack rolls made against the character.  ``when`` names a situational
    requirement (``None`` = always).
    """

    model_config = ConfigDict(frozen=True)

    source: Condition
    roll: RollKind
    who: Literal["self", "against"]
    effect: Literal["advantage", "disadvantage", "auto_fail"]
    abilities: list[Ability] | None = None
    when: str | None = None


class ConditionEffects(BaseModel):
    """Structured summary of everything the active conditions do.

    ``d20_modifier`` and ``speed_modifier_ft`` are signed (Exhaustion level 2:
    -4 and -10).  ``speed_zero`` overrides any Speed.
    """

    model_config = ConfigDict(frozen=True)

    conditions: list[Condition] = Field(default_factory=list)
    implied: dict[Condition, list[Condition]] = Field(default_factory=dict)
    exhaustion_level: int = 0
    incapacitated: bool = False
    can_take_actions: bool = True
    can_take_bonus_actions: bool = True
    can_take_reactions: bool = True
    can_speak: bool = True
    can_concentrate: bool = True
    can_see: bool = True
    can_hear: bool = True
    aware: bool = True
    speed_zero: bool = False
    speed_modifier_ft: int = 0
    d20_modifier: int = 0
    auto_fail_saves: list[Ability] = Field(default_factory=list)
    attacks_against_have_advantage: bool = False
    auto_crit_within_5ft: bool = False
    resistance_to_all_damage: bool = False
    condition_immunities: list[Condition] = Field(default_factory=list)
    dead_from_exhaustion: bool = False
    modifiers: list[RollModifier] = Field(default_factory=list)
    restrictions: list[str] = Field(default_factory=list)


class ConditionReport(PlayReport):
    """Result of adding/removing a condition or changing Exhaustion."""

    condition: Condition
    added: list[Condition] = Field(default_factory=list)
    removed: list[Condition] = Field(default_factory=list)
    exhaustion: int = 0
    concentration_ended: str | None = None


class ConcentrationReport(PlayReport):
    """Result of starting or ending Concentration."""

    spell_id: str | None = None
    previous: str | None = None


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------


def implied_conditions(conditions: Iterable[Condition]) -> dict[Condition, list[Condition]]:
    """Map each condition implied by ``conditions`` to the conditions implying it."""
    result: dict[Condition, list[Condition]] = {}
    for source in sorted(set(conditions)):
        for implied in sorted(CONDITION_IMPLIES.get(source, frozenset())):
            result.setdefault(implied, []).append(source)
    return result


def active_conditions(state: PlayState) -> frozenset[Condition]:
    """Return every active condition: applied, implied, and Exhaustion if level > 0."""
    active = set(state.conditions) | set(implied_conditions(state.conditions))
    if state.exhaustion > 0:
        active.add(C.EXHAUSTION)
    return frozenset(active)


def is_incapacitated(state: PlayState) -> bool:
    """Return whether the character has the Incapacitated condition (directly or implied)."""
    return bool(state.conditions & INCAPACITATING)


def status_fields(state: PlayState) -> dict[str, bool]:
    """Return the life-status fields shared by every report."""
    return {
        "unconscious": C.UNCONSCIOUS in state.conditions,
        "stable": state.stable,
        "dead": state.dead,
    }


def condition_effects(state: PlayState, limits: PlayLimits | None = None) -> ConditionEffects:
    """Summarize the mechanical effects of the active conditions as structured data.

    ``limits`` only contributes the character's own condition immunities.
    Situational effects (e.g. Prone: advantage only for attackers within
    5 feet) are listed in ``modifiers`` with a ``when`` key.
    """
    active = active_conditions(state)
    mods: list[RollModifier] = []
    restrictions: list[str] = []
    auto_fail: set[Ability] = set()
    immunities: set[Condition] = set(limits.condition_immunities) if limits else set()

    def mod(
        source: Condition,
        roll: RollKind,
        who: Literal["self", "against"],
        effect: Literal["advantage", "disadvantage", "auto_fail"],
        abilities: list[Ability] | None = None,
        when: str | None = None,
    ) -> None:
        mods.append(RollModifier(source=source, roll=roll, who=who, effect=effect, abilities=abilities, when=when))

    if C.BLINDED in active:
        mod(C.BLINDED, "ability_check", "self", "auto_fail", when="requires_sight")
        mod(C.BLINDED, "attack_roll", "against", "advantage")
        mod(C.BLINDED, "attack_roll", "self", "disadvantage")
    if C.CHARMED in active:
        restrictions.append("cant_attack_or_harm_charmer")
        restrictions.append("charmer_has_advantage_on_social_checks")
    if C.DEAFENED in active:
        mod(C.DEAFENED, "ability_check", "self", "auto_fail", when="requires_hearing")
    if C.FRIGHTENED in active:
        mod(C.FRIGHTENED, "ability_check", "self", "disadvantage", when="source_of_fear_in_sight")
        mod(C.FRIGHTENED, "attack_roll", "self", "disadvantage", when="source_of_fear_in_sight")
        restrictions.append("cant_move_closer_to_source_of_fear")
    if C.GRAPPLED in active:
        mod(C.GRAPPLED, "attack_roll", "self", "disadvantage", when="target_is_not_grappler")
        restrictions.append("grappler_can_drag_or_carry")
    if C.INCAPACITATED in active:
        mod(C.INCAPACITATED, "initiative", "self", "disadvantage")
        restrictions.append("no_actions_bonus_actions_or_reactions")
        restrictions.append("cant_speak")
    if C.INVISIBLE in active:
        mod(C.INVISIBLE, "initiative", "self", "advantage")
        mod(C.INVISIBLE, "attack_roll", "against", "disadvantage", when="attacker_cant_see_you")
        mod(C.INVISIBLE, "attack_roll", "self", "advantage", when="target_cant_see_you")
        restrictions.append("concealed_from_effects_requiring_sight")
    for source in (C.PARALYZED, C.PETRIFIED, C.STUNNED, C.UNCONSCIOUS):
        if source in active:
            mod(source, "saving_throw", "self", "auto_fail", abilities=["str", "dex"])
            mod(source, "attack_roll", "against", "advantage")
            auto_fail.update(("str", "dex"))
    if C.PETRIFIED in active:
        immunities.add(C.POISONED)
        restrictions.append("transformed_to_inanimate_substance")
    if C.POISONED in active:
        mod(C.POISONED, "attack_roll", "self", "disadvantage")
        mod(C.POISONED, "ability_check", "self", "disadvantage")
    if C.PRONE in active:
        mod(C.PRONE, "attack_roll", "self", "disadvantage")
        mod(C.PRONE, "attack_roll", "against", "advantage", when="attacker_within_5ft")
        mod(C.PRONE, "attack_roll", "against", "disadvantage", when="attacker_beyond_5ft")
        restrictions.append("crawl_or_stand_up_for_half_speed")
    if C.RESTRAINED in active:
        mod(C.RESTRAINED, "attack_roll", "against", "advantage")
        mod(C.RESTRAINED, "attack_roll", "self", "disadvantage")
        mod(C.RESTRAINED, "saving_throw", "self", "disadvantage", abilities=["dex"])
    if C.UNCONSCIOUS in active:
        restrictions.append("drops_held_items")
        restrictions.append("unaware_of_surroundings")

    speed_zero = bool(active & {C.GRAPPLED, C.PARALYZED, C.PETRIFIED, C.RESTRAINED, C.UNCONSCIOUS})
    if speed_zero:
        restrictions.append("speed_cant_increase")
    incapacitated = C.INCAPACITATED in active
    level = state.exhaustion
    return ConditionEffects(
        conditions=sorted(active),
        implied=implied_conditions(state.conditions),
        exhaustion_level=level,
        incapacitated=incapacitated,
        can_take_actions=not incapacitated,
        can_take_bonus_actions=not incapacitated,
        can_take_reactions=not incapacitated,
        can_speak=not incapacitated,
        can_concentrate=not incapacitated and not state.dead,
        can_see=C.BLINDED not in active,
        can_hear=C.DEAFENED not in active,
        aware=C.UNCONSCIOUS not in active,
        speed_zero=speed_zero,
        speed_modifier_ft=-EXHAUSTION_SPEED_PENALTY_FT_PER_LEVEL * level,
        d20_modifier=-EXHAUSTION_D20_PENALTY_PER_LEVEL * level,
        auto_fail_saves=sorted(auto_fail, key=["str", "dex", "con", "int", "wis", "cha"].index),
        attacks_against_have_advantage=any(
            m.who == "against" and m.effect == "advantage" and m.when is None for m in mods
        ),
        auto_crit_within_5ft=bool(active & {C.PARALYZED, C.UNCONSCIOUS}),
        resistance_to_all_damage=C.PETRIFIED in active,
        condition_immunities=sorted(immunities),
        dead_from_exhaustion=level >= MAX_EXHAUSTION,
        modifiers=mods,
        restrictions=restrictions,
    )


# ---------------------------------------------------------------------------
# Changes
# ---------------------------------------------------------------------------


def _immune(state: PlayState, condition: Condition, limits: PlayLimits | None) -> bool:
    if limits is not None and condition in limits.condition_immunities:
        return True
    # Rules Glossary, "Petrified": Immunity to the Poisoned condition.
    return condition is C.POISONED and C.PETRIFIED in state.conditions


def add_condition(
    state: PlayState, condition: Condition | str, limits: PlayLimits | None = None
) -> tuple[PlayState, ConditionReport]:
    """Give the character a condition.

    Conditions don't stack (adding one already present changes nothing);
    Exhaustion adds one level instead.  Incapacitating conditions end
    Concentration.  Immunity (from ``limits`` or Petrified vs. Poisoned)
    leaves the state unchanged.
    """
    cond = Condition(condition)
    if cond is C.EXHAUSTION:
        return add_exhaustion(state, 1, limits)
    if state.dead:
        raise AlreadyDeadError("a dead character can't receive conditions", field="conditions")
    if _immune(state, cond, limits):
        return state, ConditionReport(
            condition=cond,
            events=[Event.CONDITION_IMMUNE],
            messages=[f"Immune to {cond.value}"],
            exhaustion=state.exhaustion,
            **status_fields(state),
        )
    if cond in state.conditions:
        return state, ConditionReport(
            condition=cond,
            events=[Event.CONDITION_ALREADY_PRESENT],
            messages=[f"Already {cond.value}"],
            exhaustion=state.exhaustion,
            **status_fields(state),
        )
    events = [Event.CONDITION_ADDED]
    messages = [f"Now {cond.value}"]
    new = state.model_copy(update={"conditions": state.conditions | {cond}})
    ended: str | None = None
    if cond in INCAPACITATING and new.concentration is not None:
        ended = new.concentration
        new = new.model_copy(update={"concentration": None})
        events.append(Event.CONCENTRATION_ENDED)
        messages.append(f"Concentration on {ended} ends (incapacitated)")
    return new, ConditionReport(
        condition=cond,
        added=[cond],
        events=events,
        messages=messages,
        exhaustion=new.exhaustion,
        concentration_ended=ended,
        **status_fields(new),
    )


def remove_condition(state: PlayState, condition: Condition | str) -> tuple[PlayState, ConditionReport]:
    """End a condition.

    Removing Exhaustion removes all of its levels.  When Unconscious ends the
    character remains Prone (Rules Glossary, "Unconscious").  The Unconscious
    condition of a character at 0 Hit Points only ends by regaining Hit Points
    (``heal``), so removing it then is an error.  A condition that is still
    implied by another one (e.g. Incapacitated while Stunned) stays active and
    the report says so.
    """
    cond = Condition(condition)
    if cond is C.EXHAUSTION:
        return set_exhaustion(state, 0)
    if cond is C.UNCONSCIOUS and cond in state.conditions and state.hp_current == 0 and not state.dead:
        raise PlayError(
            "a character at 0 Hit Points stays unconscious until it regains Hit Points",
            field="conditions",
            code="unconscious_at_zero_hp",
        )
    events: list[Event] = []
    messages: list[str] = []
    removed: list[Condition] = []
    added: list[Condition] = []
    new = state
    if cond in state.conditions:
        remaining = state.conditions - {cond}
        removed.append(cond)
        events.append(Event.CONDITION_REMOVED)
        messages.append(f"No longer {cond.value}")
        if cond is C.UNCONSCIOUS and C.PRONE not in remaining:
            remaining = remaining | {C.PRONE}
            added.append(C.PRONE)
            events.append(Event.CONDITION_ADDED)
            messages.append("Remains prone")
        new = state.model_copy(update={"conditions": remaining})
    else:
        events.append(Event.CONDITION_NOT_PRESENT)
        messages.append(f"Not {cond.value}")
    still = implied_conditions(new.conditions).get(cond)
    if still:
        events.append(Event.CONDITION_STILL_IMPLIED)
        messages.append(f"Still {cond.value} (from {', '.join(c.value for c in still)})")
    return new, ConditionReport(
        condition=cond,
        added=added,
        removed=removed,
        events=events,
        messages=messages,
        exhaustion=new.exhaustion,
        **status_fields(new),
    )


def set_exhaustion(state: PlayState, level: int, limits: PlayLimits | None = None) -> tuple[PlayState, ConditionReport]:
    """Set the Exhaustion level (0..6); reaching level 6 kills the character."""
    if not 0 <= level <= MAX_EXHAUSTION:
        raise PlayError(f"exhaustion level must be 0..{MAX_EXHAUSTION}", field="exhaustion", code="out_of_range")
    events: list[Event] = []
    messages: list[str] = []
    if level > state.exhaustion:
        if state.dead:
            raise AlreadyDeadError("a dead character can't gain Exhaustion", field="exhaustion")
        if _immune(state, C.EXHAUSTION, limits):
            return state, ConditionReport(
                condition=C.EXHAUSTION,
                events=[Event.CONDITION_IMMUNE],
                messages=["Immune to exhaustion"],
                exhaustion=state.exhaustion,
                **status_fields(state),
            )
    if level == state.exhaustion:
        return state, ConditionReport(
            condition=C.EXHAUSTION,
            exhaustion=level,
            messages=[f"Exhaustion level {level}"],
            **status_fields(state),
        )
    update: dict[str, object] = {"exhaustion": level}
    events.append(Event.EXHAUSTION_CHANGED)
    messages.append(f"Exhaustion level {state.exhaustion} -> {level}")
    added = [C.EXHAUSTION] if state.exhaustion == 0 else []
    removed = [C.EXHAUSTION] if level == 0 else []
    ended: str | None = None
    if level >= MAX_EXHAUSTION and not state.dead:
        # Rules Glossary, "Exhaustion": you die if your Exhaustion level is 6;
        # "Dead": a dead creature has no Hit Points.
        update.update(dead=True, stable=False, hp_current=0, temp_hp=0)
        events.append(Event.DIED)
        messages.append("Died of exhaustion")
        if state.concentration is not None:
            ended = state.concentration
            update["concentration"] = None
            events.append(Event.CONCENTRATION_ENDED)
            messages.append(f"Concentration on {ended} ends (dead)")
    new = state.model_copy(update=update)
    return new, ConditionReport(
        condition=C.EXHAUSTION,
        added=added,
        removed=removed,
        events=events,
        messages=messages,
        exhaustion=level,
        concentration_ended=ended,
        **status_fields(new),
    )


def add_exhaustion(
    state: PlayState, levels: int = 1, limits: PlayLimits | None = None
) -> tuple[PlayState, ConditionReport]:
    """Gain Exhaustion levels (cumulative, capped at 6, which is death)."""
    if levels < 0:
        raise PlayError("levels must be >= 0", field="levels", code="out_of_range")
    return set_exhaustion(state, min(MAX_EXHAUSTION, state.exhaustion + levels), limits)


def remove_exhaustion(state: PlayState, levels: int = 1) -> tuple[PlayState, ConditionReport]:
    """Lose Exhaustion levels (not below 0; at 0 the condition ends)."""
    if levels < 0:
        raise PlayError("levels must be >= 0", field="levels", code="out_of_range")
    return set_exhaustion(state, max(0, state.exhaustion - levels))


def start_concentration(state: PlayState, spell_id: str) -> tuple[PlayState, ConcentrationReport]:
    """Begin concentrating on ``spell_id``, ending any previous Concentration.

    An Incapacitated or dead character can't concentrate.
    """
    if not spell_id:
        raise PlayError("spell_id must not be empty", field="spell_id", code="invalid")
    if state.dead:
        raise AlreadyDeadError("a dead character can't concentrate", field="concentration")
    if is_incapacitated(state):
        raise PlayError("an incapacitated character can't concentrate", field="concentration", code="incapacitated")
    previous = state.concentration
    events = [Event.CONCENTRATION_STARTED]
    messages = [f"Concentrating on {spell_id}"]
    if previous is not None:
        events.insert(0, Event.CONCENTRATION_ENDED)
        messages.insert(0, f"Concentration on {previous} ends (new Concentration effect)")
    new = state.model_copy(update={"concentration": spell_id})
    return new, ConcentrationReport(
        spell_id=spell_id, previous=previous, events=events, messages=messages, **status_fields(new)
    )


def end_concentration(state: PlayState) -> tuple[PlayState, ConcentrationReport]:
    """End Concentration (no action required); a no-op if not concentrating."""
    previous = state.concentration
    if previous is None:
        return state, ConcentrationReport(messages=["Not concentrating"], **status_fields(state))
    new = state.model_copy(update={"concentration": None})
    return new, ConcentrationReport(
        previous=previous,
        events=[Event.CONCENTRATION_ENDED],
        messages=[f"Concentration on {previous} ends"],
        **status_fields(new),
    )
