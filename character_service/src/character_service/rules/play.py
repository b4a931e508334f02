"""Damage, healing, Temporary Hit Points, Death Saving Throws and spending.

Pure functions over ``(PlayState, PlayLimits)``: each returns a new
``PlayState`` and a typed report; the input state is never modified.

Sources (SRD 5.2): "Playing the Game" > "Damage and Healing" (Resistance and
Vulnerability incl. Order of Application, Immunity, Healing, Dropping to 0 Hit
Points, Instant Death / Massive Damage, Death Saving Throws, Stabilizing,
Temporary Hit Points) and the Rules Glossary entries "Bloodied",
"Concentration", "Hit Points", "Stable", "Unconscious".

Interpretations where the text leaves room (documented, tested):

* ``critical`` only matters for damage taken at 0 Hit Points (two Death
  Saving Throw failures); doubling the damage dice is the caller's job.
* Damage absorbed entirely by Temporary Hit Points is still damage taken: it
  triggers a Concentration check and, at 0 Hit Points, a Death Saving Throw
  failure.  Massive damage compares the damage left *after* Temporary Hit
  Points with the Hit Point maximum.
* Dropping to 0 Hit Points gives Unconscious, hence Incapacitated, which ends
  Concentration, so no Concentration DC is reported in that case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Literal

from pydantic import Field

from .conditions import status_fields
from .state import (
    MAX_DEATH_SAVES,
    MAX_SPELL_LEVEL,
    AlreadyDeadError,
    Condition,
    DamageType,
    DeathSaves,
    Event,
    InvalidRollError,
    NotDyingError,
    NothingLeftError,
    PlayError,
    PlayLimits,
    PlayReport,
    PlayState,
    ResourceLimit,
    UnknownResourceError,
)

if TYPE_CHECKING:
    from .sheet import Sheet

__all__ = [
    "CONCENTRATION_DC_MAX",
    "CONCENTRATION_DC_MIN",
    "AlreadyDeadError",
    "DamageReport",
    "DeathSaveReport",
    "HealReport",
    "InvalidRollError",
    "NotDyingError",
    "NothingLeftError",
    "PlayError",
    "SpendReport",
    "TempHpReport",
    "UnknownResourceError",
    "apply_damage",
    "concentration_dc",
    "effective_damage",
    "gain_heroic_inspiration",
    "heal",
    "is_bloodied",
    "limits_from_sheet",
    "restore_pact_slot",
    "restore_resource",
    "restore_spell_slot",
    "revive",
    "roll_death_save",
    "set_temp_hp",
    "spend_heroic_inspiration",
    "spend_pact_slot",
    "spend_resource",
    "spend_spell_slot",
    "stabilize",
]

# Rules Glossary, "Concentration": DC is 10 or half the damage (round down),
# whichever is higher, up to a maximum of 30.
CONCENTRATION_DC_MIN: Final = 10
CONCENTRATION_DC_MAX: Final = 30
# "Death Saving Throws": 10 or higher succeeds; a 1 is two failures; a 20
# regains 1 Hit Point.
DEATH_SAVE_DC: Final = 10
DEATH_SAVE_NAT_1_FAILURES: Final = 2
DEATH_SAVE_NAT_20_HP: Final = 1
# "Damage at 0 Hit Points": one failure, two from a Critical Hit.
DAMAGE_AT_ZERO_FAILURES: Final = 1
CRITICAL_AT_ZERO_FAILURES: Final = 2


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------


class DamageReport(PlayReport):
    """What one instance of damage did."""

    damage_type: DamageType
    amount: int
    adjusted: int
    damage_taken: int
    temp_hp_absorbed: int = 0
    hp_lost: int = 0
    hp_before: int
    hp_after: int
    temp_hp_after: int
    massive_damage: bool = False
    death_save_failures_added: int = 0
    death_saves: DeathSaves = Field(default_factory=DeathSaves)
    concentration_dc: int | None = None
    concentration_ended: str | None = None
    bloodied: bool = False


class HealReport(PlayReport):
    """What one instance of healing did."""

    amount: int
    hp_regained: int
    hp_before: int
    hp_after: int
    regained_consciousness: bool = False
    bloodied: bool = False


class TempHpReport(PlayReport):
    """Result of receiving Temporary Hit Points."""

    offered: int
    temp_hp_before: int
    temp_hp_after: int
    kept_existing: bool


class DeathSaveReport(PlayReport):
    """Result of one Death Saving Throw (``roll`` is ``None`` for ``stabilize``)."""

    roll: int | None = None
    success: bool
    successes_added: int = 0
    failures_added: int = 0
    death_saves: DeathSaves = Field(default_factory=DeathSaves)
    hp_after: int = 0


class SpendReport(PlayReport):
    """Result of spending or restoring a resource, spell slot or Pact Magic slot."""

    kind: Literal["resource", "spell_slot", "pact_slot", "heroic_inspiration"]
    id: str
    changed: int
    spent: int
    remaining: int
    max: int


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _hp_field(hp: int, hp_max: int) -> int | None:
    """Store ``None`` for "at maximum" so later max changes stay correct."""
    return None if hp >= hp_max else hp


def is_bloodied(hp: int, hp_max: int) -> bool:
    """Return whether ``hp`` is half of ``hp_max`` or fewer (Rules Glossary, "Bloodied")."""
    return 2 * hp <= hp_max


def concentration_dc(damage: int) -> int:
    """Return the Constitution save DC to keep Concentration after ``damage``."""
    return min(CONCENTRATION_DC_MAX, max(CONCENTRATION_DC_MIN, damage // 2))


def effective_damage(
    limits: PlayLimits,
    amount: int,
    damage_type: DamageType | str,
    *,
    adjustment: int = 0,
    petrified: bool = False,
) -> tuple[int, list[Event]]:
    """Return the damage after modifiers, Immunity, Resistance and Vulnerability.

    Order of Application: ``adjustment`` (bonuses/penalties, never below 0)
    first, then Resistance (halve, round down), then Vulnerability (double).
    Immunity means no damage.  Multiple Resistances don't stack.
    """
    dtype = DamageType(damage_type)
    events: list[Event] = []
    damage = max(0, amount + adjustment)
    if dtype in limits.immunities:
        return 0, [Event.DAMAGE_IMMUNE]
    if dtype in limits.resistances or limits.resist_all or petrified:
        damage //= 2
        events.append(Event.DAMAGE_RESISTED)
    if dtype in limits.vulnerabilities:
        damage *= 2
        events.append(Event.DAMAGE_VULNERABLE)
    return damage, events


def _check_alive(state: PlayState, action: str) -> None:
    if state.dead:
        raise AlreadyDeadError(f"a dead character can't {action}", field="dead")


def _non_negative(value: int, field: str) -> None:
    if value < 0:
        raise PlayError(f"{field} must be >= 0", field=field, code="negative")


def _wake(conditions: frozenset[Condition]) -> frozenset[Condition]:
    """Unconscious ends; the character remains Prone (Rules Glossary, "Unconscious")."""
    if Condition.UNCONSCIOUS not in conditions:
        return conditions
    return (conditions - {Condition.UNCONSCIOUS}) | {Condition.PRONE}


# ---------------------------------------------------------------------------
# Damage, healing, Temporary Hit Points
# ---------------------------------------------------------------------------


def apply_damage(
    state: PlayState,
    limits: PlayLimits,
    amount: int,
    damage_type: DamageType | str,
    critical: bool = False,
    *,
    adjustment: int = 0,
    knock_out: bool = False,
) -> tuple[PlayState, DamageReport]:
    """Apply one instance of damage.

    Applies ``adjustment``/Resistance/Vulnerability/Immunity, lets Temporary
    Hit Points absorb first, then reduces Hit Points (never below 0).
    Dropping to 0: instant death if the remaining damage is at least the Hit
    Point maximum, otherwise Unconscious with Death Saving Throws reset.
    Damage at 0 Hit Points: one failure (two if ``critical``), three failures
    kill, a Stable character stops being Stable, and damage at least the Hit
    Point maximum kills.  Reports the Concentration DC while concentrating and
    whether the character is Bloodied.

    ``knock_out`` (a melee attacker's choice, "Knocking Out a Creature"):
    damage that would reduce the character from above 0 to 0 Hit Points
    leaves it at 1 Hit Point with the Unconscious condition instead.
    """
    _non_negative(amount, "amount")
    _check_alive(state, "take damage")
    dtype = DamageType(damage_type)
    hp_max = limits.hp_max
    hp_before = state.hp(hp_max)
    damage, events = effective_damage(
        limits,
        amount,
        dtype,
        adjustment=adjustment,
        petrified=Condition.PETRIFIED in state.conditions,
    )
    messages: list[str] = []
    base: dict[str, Any] = {
        "damage_type": dtype,
        "amount": amount,
        "adjusted": max(0, amount + adjustment),
        "damage_taken": damage,
        "hp_before": hp_before,
    }
    if damage == 0:
        events.append(Event.NO_DAMAGE)
        return state, DamageReport(
            **base,
            hp_after=hp_before,
            temp_hp_after=state.temp_hp,
            death_saves=state.death_saves,
            bloodied=is_bloodied(hp_before, hp_max),
            events=events,
            messages=["No damage taken"],
            **status_fields(state),
        )

    events.append(Event.DAMAGE_TAKEN)
    absorbed = min(state.temp_hp, damage)
    remaining = damage - absorbed
    if absorbed:
        events.append(Event.TEMP_HP_ABSORBED)
        messages.append(f"{absorbed} absorbed by Temporary Hit Points")
    hp_lost = min(hp_before, remaining)
    knocked_out = knock_out and hp_before > 0 and hp_lost == hp_before
    if knocked_out:
        hp_lost = hp_before - 1
    hp_after = hp_before - hp_lost
    update: dict[str, Any] = {"temp_hp": state.temp_hp - absorbed, "hp_current": _hp_field(hp_after, hp_max)}
    messages.append(f"Took {damage} {dtype.value} damage ({hp_before} -> {hp_after} HP)")
    saves = state.death_saves
    failures_added = 0
    massive = False
    dead = False
    concentration_ended: str | None = None
    dc: int | None = None

    if knocked_out:
        events.append(Event.KNOCKED_OUT)
        messages.append("Knocked out: 1 HP and unconscious")
        update["conditions"] = state.conditions | {Condition.UNCONSCIOUS}
    elif hp_before > 0:
        if hp_after == 0:
            events.append(Event.DROPPED_TO_ZERO)
            overflow = remaining - hp_before
            if overflow >= hp_max:
                massive = dead = True
                events += [Event.MASSIVE_DAMAGE, Event.DIED]
                messages.append(f"Massive damage: {overflow} remaining >= {hp_max} HP maximum, dies")
            else:
                messages.append("Falls unconscious")
                update["conditions"] = state.conditions | {Condition.UNCONSCIOUS}
            saves = DeathSaves()
            update["stable"] = False
    else:
        # Damage at 0 Hit Points.
        if state.stable:
            events.append(Event.STABILITY_LOST)
            messages.append("No longer stable")
            update["stable"] = False
        if remaining >= hp_max:
            massive = dead = True
            events += [Event.MASSIVE_DAMAGE, Event.DIED]
            messages.append(f"Damage at 0 HP >= {hp_max} HP maximum, dies")
        else:
            failures_added = CRITICAL_AT_ZERO_FAILURES if critical else DAMAGE_AT_ZERO_FAILURES
            failures = min(MAX_DEATH_SAVES, saves.failures + failures_added)
            saves = DeathSaves(successes=saves.successes, failures=failures)
            events.append(Event.DEATH_SAVE_FAILURE)
            messages.append(f"{failures_added} Death Saving Throw failure(s) ({failures}/3)")
            if failures >= MAX_DEATH_SAVES:
                dead = True
                events.append(Event.DIED)
                messages.append("Third Death Saving Throw failure, dies")
    update["death_saves"] = saves
    if dead:
        # Rules Glossary, "Dead": no Hit Points (Temporary ones included).
        update.update(dead=True, stable=False, hp_current=0, temp_hp=0)

    if state.concentration is not None:
        if dead or hp_after == 0 or knocked_out:
            concentration_ended = state.concentration
            update["concentration"] = None
            events.append(Event.CONCENTRATION_ENDED)
            reason = "dead" if dead else "incapacitated"
            messages.append(f"Concentration on {concentration_ended} ends ({reason})")
        else:
            dc = concentration_dc(damage)
            events.append(Event.CONCENTRATION_CHECK)
            messages.append(f"Concentration check DC {dc}")

    bloodied = not dead and is_bloodied(hp_after, hp_max)
    if bloodied:
        events.append(Event.BLOODIED)
    new = state.model_copy(update=update)
    return new, DamageReport(
        **base,
        temp_hp_absorbed=absorbed,
        hp_lost=hp_lost,
        hp_after=hp_after,
        temp_hp_after=new.temp_hp,
        massive_damage=massive,
        death_save_failures_added=failures_added,
        death_saves=new.death_saves,
        concentration_dc=dc,
        concentration_ended=concentration_ended,
        bloodied=bloodied,
        events=events,
        messages=messages,
        **status_fields(new),
    )


def heal(state: PlayState, limits: PlayLimits, amount: int) -> tuple[PlayState, HealReport]:
    """Regain ``amount`` Hit Points, never above the Hit Point maximum.

    Regaining any Hit Points at 0 resets the Death Saving Throws, ends Stable
    and the Unconscious condition (the character remains Prone).  A dead
    character can't regain Hit Points (``AlreadyDeadError``).
    """
    _non_negative(amount, "amount")
    _check_alive(state, "regain Hit Points")
    hp_max = limits.hp_max
    hp_before = state.hp(hp_max)
    hp_after = min(hp_max, hp_before + amount)
    regained = hp_after - hp_before
    events: list[Event] = []
    messages: list[str] = []
    update: dict[str, Any] = {"hp_current": _hp_field(hp_after, hp_max)}
    woke = False
    if regained > 0:
        events.append(Event.HEALED)
        messages.append(f"Regained {regained} HP ({hp_before} -> {hp_after})")
        if hp_before == 0:
            update.update(death_saves=DeathSaves(), stable=False, conditions=_wake(state.conditions))
            events.append(Event.DEATH_SAVES_RESET)
            if Condition.UNCONSCIOUS in state.conditions:
                woke = True
                events.append(Event.REGAINED_CONSCIOUSNESS)
                messages.append("Regains consciousness (still prone)")
    else:
        messages.append("No Hit Points regained")
    new = state.model_copy(update=update)
    bloodied = is_bloodied(hp_after, hp_max)
    if bloodied:
        events.append(Event.BLOODIED)
    return new, HealReport(
        amount=amount,
        hp_regained=regained,
        hp_before=hp_before,
        hp_after=hp_after,
        regained_consciousness=woke,
        bloodied=bloodied,
        events=events,
        messages=messages,
        **status_fields(new),
    )


def set_temp_hp(state: PlayState, amount: int) -> tuple[PlayState, TempHpReport]:
    """Receive ``amount`` Temporary Hit Points; they don't stack, the higher value is kept."""
    _non_negative(amount, "amount")
    _check_alive(state, "gain Temporary Hit Points")
    before = state.temp_hp
    if amount > before:
        new = state.model_copy(update={"temp_hp": amount})
        events, kept = [Event.TEMP_HP_GAINED], False
        message = f"Temporary Hit Points {before} -> {amount}"
    else:
        new = state
        events, kept = [Event.TEMP_HP_KEPT], True
        message = f"Keeps {before} Temporary Hit Points (offered {amount})"
    return new, TempHpReport(
        offered=amount,
        temp_hp_before=before,
        temp_hp_after=new.temp_hp,
        kept_existing=kept,
        events=events,
        messages=[message],
        **status_fields(new),
    )


# ---------------------------------------------------------------------------
# Death Saving Throws
# ---------------------------------------------------------------------------


def roll_death_save(state: PlayState, roll: int) -> tuple[PlayState, DeathSaveReport]:
    """Record one Death Saving Throw with the d20 result ``roll`` (1..20).

    10 or higher succeeds, lower fails; a 1 is two failures; a 20 regains
    1 Hit Point (conscious, saves reset).  Three successes make the character
    Stable (saves reset, still Unconscious); three failures kill.  Only a
    dying character (0 Hit Points, not Stable, not dead) rolls.
    """
    if not 1 <= roll <= 20:
        raise InvalidRollError("a Death Saving Throw roll must be 1..20", field="roll")
    _check_alive(state, "make Death Saving Throws")
    if state.hp_current != 0:
        raise NotDyingError("only a character at 0 Hit Points makes Death Saving Throws", field="hp_current")
    if state.stable:
        raise NotDyingError("a Stable character doesn't make Death Saving Throws", field="stable")
    saves = state.death_saves
    events: list[Event] = []
    messages: list[str] = []
    update: dict[str, Any] = {}
    successes_added = failures_added = 0
    hp_after = 0
    success = roll >= DEATH_SAVE_DC
    if roll == 20:
        hp_after = DEATH_SAVE_NAT_20_HP
        events += [Event.DEATH_SAVE_SUCCESS, Event.HEALED, Event.DEATH_SAVES_RESET]
        messages.append("Natural 20: regains 1 Hit Point")
        if Condition.UNCONSCIOUS in state.conditions:
            events.append(Event.REGAINED_CONSCIOUSNESS)
        update.update(hp_current=hp_after, death_saves=DeathSaves(), conditions=_wake(state.conditions), stable=False)
    elif success:
        successes_added = 1
        total = saves.successes + 1
        events.append(Event.DEATH_SAVE_SUCCESS)
        messages.append(f"Death Saving Throw success ({total}/3)")
        if total >= MAX_DEATH_SAVES:
            events += [Event.STABILIZED, Event.DEATH_SAVES_RESET]
            messages.append("Third success: stable")
            update.update(stable=True, death_saves=DeathSaves())
        else:
            update["death_saves"] = DeathSaves(successes=total, failures=saves.failures)
    else:
        failures_added = DEATH_SAVE_NAT_1_FAILURES if roll == 1 else 1
        total = min(MAX_DEATH_SAVES, saves.failures + failures_added)
        events.append(Event.DEATH_SAVE_FAILURE)
        messages.append(f"Death Saving Throw failure x{failures_added} ({total}/3)")
        update["death_saves"] = DeathSaves(successes=saves.successes, failures=total)
        if total >= MAX_DEATH_SAVES:
            events.append(Event.DIED)
            messages.append("Third failure: dies")
            update.update(dead=True, temp_hp=0)
            if state.concentration is not None:
                update["concentration"] = None
                events.append(Event.CONCENTRATION_ENDED)
    new = state.model_copy(update=update)
    return new, DeathSaveReport(
        roll=roll,
        success=success,
        successes_added=successes_added,
        failures_added=failures_added,
        death_saves=new.death_saves,
        hp_after=hp_after,
        events=events,
        messages=messages,
        **status_fields(new),
    )


def stabilize(state: PlayState) -> tuple[PlayState, DeathSaveReport]:
    """Make a dying character Stable (e.g. a successful DC 10 Wisdom (Medicine) check).

    Death Saving Throws reset; the character stays at 0 Hit Points and
    Unconscious ("Stabilizing a Character").
    """
    _check_alive(state, "be stabilized")
    if state.hp_current != 0:
        raise NotDyingError("only a character at 0 Hit Points can be stabilized", field="hp_current")
    if state.stable:
        raise NotDyingError("the character is already Stable", field="stable")
    new = state.model_copy(update={"stable": True, "death_saves": DeathSaves()})
    return new, DeathSaveReport(
        success=True,
        death_saves=new.death_saves,
        events=[Event.STABILIZED, Event.DEATH_SAVES_RESET],
        messages=["Stable"],
        **status_fields(new),
    )


def revive(state: PlayState, limits: PlayLimits, hp: int = 1) -> tuple[PlayState, HealReport]:
    """Return a dead character to life with ``hp`` Hit Points (set by the reviving effect).

    Per the Rules Glossary "Dead": the character returns with 1 fewer
    Exhaustion level; other conditions stay.  Death Saving Throws reset and,
    having Hit Points again, the character is no longer Unconscious from
    dying (it remains Prone).
    """
    if not state.dead:
        raise PlayError("only a dead character can be revived", field="dead", code="not_dead")
    if not 1 <= hp <= limits.hp_max:
        raise PlayError(f"hp must be 1..{limits.hp_max}", field="hp", code="out_of_range")
    exhaustion = max(0, state.exhaustion - 1)
    new = state.model_copy(
        update={
            "dead": False,
            "stable": False,
            "hp_current": _hp_field(hp, limits.hp_max),
            "temp_hp": 0,
            "death_saves": DeathSaves(),
            "exhaustion": exhaustion,
            "conditions": _wake(state.conditions),
        }
    )
    events = [Event.REVIVED, Event.HEALED, Event.DEATH_SAVES_RESET]
    messages = [f"Returns to life with {hp} HP"]
    if exhaustion != state.exhaustion:
        events.append(Event.EXHAUSTION_CHANGED)
        messages.append(f"Exhaustion level {state.exhaustion} -> {exhaustion}")
    bloodied = is_bloodied(hp, limits.hp_max)
    if bloodied:
        events.append(Event.BLOODIED)
    return new, HealReport(
        amount=hp,
        hp_regained=hp,
        hp_before=0,
        hp_after=hp,
        regained_consciousness=Condition.UNCONSCIOUS in state.conditions,
        bloodied=bloodied,
        events=events,
        messages=messages,
        **status_fields(new),
    )


# ---------------------------------------------------------------------------
# Spending and restoring resources, spell slots, Pact Magic slots
# ---------------------------------------------------------------------------


def _resource_limit(limits: PlayLimits, resource_id: str) -> ResourceLimit:
    try:
        return limits.resources[resource_id]
    except KeyError:
        raise UnknownResourceError(f"unknown resource {resource_id!r}", field="resource_id") from None


def _slot_max(limits: PlayLimits, level: int) -> int:
    if not 1 <= level <= MAX_SPELL_LEVEL:
        raise UnknownResourceError(f"spell slot level must be 1..{MAX_SPELL_LEVEL}", field="level")
    maximum = limits.spell_slots.get(level, 0)
    if maximum <= 0:
        raise UnknownResourceError(f"no level {level} spell slots", field="level")
    return maximum


def _count(n: int) -> None:
    if n < 1:
        raise PlayError("n must be >= 1", field="n", code="out_of_range")


def _with_key(mapping: Mapping[Any, int], key: Any, value: int) -> dict[Any, int]:
    result = dict(mapping)
    if value:
        result[key] = value
    else:
        result.pop(key, None)
    return result


def _spend_report(
    state: PlayState,
    kind: Literal["resource", "spell_slot", "pact_slot", "heroic_inspiration"],
    ident: str,
    changed: int,
    spent: int,
    maximum: int,
    event: Event,
    message: str,
) -> SpendReport:
    return SpendReport(
        kind=kind,
        id=ident,
        changed=changed,
        spent=spent,
        remaining=maximum - spent,
        max=maximum,
        events=[event],
        messages=[message],
        **status_fields(state),
    )


def spend_resource(state: PlayState, limits: PlayLimits, resource_id: str, n: int = 1) -> tuple[PlayState, SpendReport]:
    """Expend ``n`` uses of a limited resource; ``NothingLeftError`` if too few remain."""
    _count(n)
    maximum = _resource_limit(limits, resource_id).max
    spent = min(maximum, state.resources_spent.get(resource_id, 0))
    if spent + n > maximum:
        raise NothingLeftError(f"{resource_id}: {maximum - spent} use(s) left, {n} requested", field="resource_id")
    new = state.model_copy(update={"resources_spent": _with_key(state.resources_spent, resource_id, spent + n)})
    return new, _spend_report(
        new, "resource", resource_id, n, spent + n, maximum, Event.RESOURCE_SPENT, f"Spent {n} {resource_id}"
    )


def restore_resource(
    state: PlayState, limits: PlayLimits, resource_id: str, n: int | None = None
) -> tuple[PlayState, SpendReport]:
    """Regain ``n`` expended uses of a resource (``None`` = all); never above its maximum."""
    if n is not None:
        _count(n)
    maximum = _resource_limit(limits, resource_id).max
    spent = min(maximum, state.resources_spent.get(resource_id, 0))
    regained = spent if n is None else min(spent, n)
    new = state.model_copy(update={"resources_spent": _with_key(state.resources_spent, resource_id, spent - regained)})
    return new, _spend_report(
        new,
        "resource",
        resource_id,
        regained,
        spent - regained,
        maximum,
        Event.RESOURCE_REGAINED,
        f"Regained {regained} {resource_id}",
    )


def spend_spell_slot(state: PlayState, limits: PlayLimits, level: int) -> tuple[PlayState, SpendReport]:
    """Expend one spell slot of ``level``; ``NothingLeftError`` if none remain."""
    maximum = _slot_max(limits, level)
    spent = min(maximum, state.spell_slots_spent.get(level, 0))
    if spent >= maximum:
        raise NothingLeftError(f"no level {level} spell slots left", field="level")
    new = state.model_copy(update={"spell_slots_spent": _with_key(state.spell_slots_spent, level, spent + 1)})
    return new, _spend_report(
        new,
        "spell_slot",
        str(level),
        1,
        spent + 1,
        maximum,
        Event.SPELL_SLOT_SPENT,
        f"Expended a level {level} spell slot",
    )


def restore_spell_slot(state: PlayState, limits: PlayLimits, level: int, n: int = 1) -> tuple[PlayState, SpendReport]:
    """Regain up to ``n`` expended spell slots of ``level`` (e.g. Arcane Recovery)."""
    _count(n)
    maximum = _slot_max(limits, level)
    spent = min(maximum, state.spell_slots_spent.get(level, 0))
    regained = min(spent, n)
    new = state.model_copy(update={"spell_slots_spent": _with_key(state.spell_slots_spent, level, spent - regained)})
    return new, _spend_report(
        new,
        "spell_slot",
        str(level),
        regained,
        spent - regained,
        maximum,
        Event.SPELL_SLOTS_REGAINED,
        f"Regained {regained} level {level} spell slot(s)",
    )


def spend_pact_slot(state: PlayState, limits: PlayLimits) -> tuple[PlayState, SpendReport]:
    """Expend one Pact Magic slot; ``NothingLeftError`` if none remain."""
    maximum = limits.pact_slots
    if maximum <= 0:
        raise UnknownResourceError("no Pact Magic slots", field="pact_slots")
    spent = min(maximum, state.pact_slots_spent)
    if spent >= maximum:
        raise NothingLeftError("no Pact Magic slots left", field="pact_slots")
    new = state.model_copy(update={"pact_slots_spent": spent + 1})
    return new, _spend_report(
        new,
        "pact_slot",
        str(limits.pact_slot_level),
        1,
        spent + 1,
        maximum,
        Event.PACT_SLOT_SPENT,
        f"Expended a level {limits.pact_slot_level} Pact Magic slot",
    )


def restore_pact_slot(state: PlayState, limits: PlayLimits, n: int = 1) -> tuple[PlayState, SpendReport]:
    """Regain up to ``n`` expended Pact Magic slots."""
    _count(n)
    maximum = limits.pact_slots
    spent = min(maximum, state.pact_slots_spent)
    regained = min(spent, n)
    new = state.model_copy(update={"pact_slots_spent": spent - regained})
    return new, _spend_report(
        new,
        "pact_slot",
        str(limits.pact_slot_level),
        regained,
        spent - regained,
        maximum,
        Event.PACT_SLOTS_REGAINED,
        f"Regained {regained} Pact Magic slot(s)",
    )


def gain_heroic_inspiration(state: PlayState) -> tuple[PlayState, SpendReport]:
    """Gain Heroic Inspiration (you have it or you don't; a second one is not stored)."""
    new = state.model_copy(update={"heroic_inspiration": True})
    message = "Already has Heroic Inspiration" if state.heroic_inspiration else "Gained Heroic Inspiration"
    return new, _spend_report(
        new, "heroic_inspiration", "heroic_inspiration", 0 if state.heroic_inspiration else 1, 0, 1,
        Event.HEROIC_INSPIRATION_GAINED, message,
    )  # fmt: skip


def spend_heroic_inspiration(state: PlayState) -> tuple[PlayState, SpendReport]:
    """Expend Heroic Inspiration to reroll a die; ``NothingLeftError`` without it."""
    if not state.heroic_inspiration:
        raise NothingLeftError("no Heroic Inspiration", field="heroic_inspiration")
    new = state.model_copy(update={"heroic_inspiration": False})
    return new, _spend_report(
        new, "heroic_inspiration", "heroic_inspiration", 1, 1, 1,
        Event.HEROIC_INSPIRATION_USED, "Used Heroic Inspiration",
    )  # fmt: skip


# ---------------------------------------------------------------------------
# Sheet adapter
# ---------------------------------------------------------------------------

_DAMAGE_TYPES: Final = frozenset(t.value for t in DamageType)
_CONDITIONS: Final = frozenset(c.value for c in Condition)


def limits_from_sheet(sheet: Sheet) -> PlayLimits:
    """Build ``PlayLimits`` from a computed sheet (``rules.sheet.compute_sheet``).

    Reads the Hit Point maximum, Constitution modifier, Hit Point Dice,
    spell slot and Pact Magic maxima, resources (``short_rest_regain`` of
    ``"all"`` or ``0`` maps to ``None``), damage resistances and condition
    immunities, and the Human "Resourceful" trait (Heroic Inspiration on a
    Long Rest).  Resistance entries that are not one of the 13 damage types
    are ignored.
    """
    resources: dict[str, ResourceLimit] = {}
    for res in sheet["resources"]:
        regain = res["short_rest_regain"]
        recharge: Literal["short_rest", "long_rest"] = "short_rest" if res["recharge"] == "short_rest" else "long_rest"
        resources[res["id"]] = ResourceLimit(
            max=res["max"],
            recharge=recharge,
            short_rest_regain=regain if isinstance(regain, int) and regain > 0 else None,
        )
    pact = sheet["pact_slots"]
    resistances = {str(r).lower() for r in sheet["resistances"]}
    immunities = {str(c).lower() for c in sheet["condition_immunities"]}
    return PlayLimits(
        hp_max=sheet["hit_points"]["max"],
        con_mod=sheet["constitution_modifier"],
        hit_dice={die: pool["max"] for die, pool in sheet["hit_dice"].items()},
        spell_slots={int(level): pool["max"] for level, pool in sheet["spell_slots"].items()},
        pact_slots=pact["max"] if pact else 0,
        pact_slot_level=pact["level"] if pact else 0,
        resources=resources,
        resistances=frozenset(DamageType(r) for r in resistances if r in _DAMAGE_TYPES),
        condition_immunities=frozenset(Condition(c) for c in immunities if c in _CONDITIONS),
        heroic_inspiration_on_long_rest=any(
            f["name"] == "Resourceful" and f["source"] == "species:human" for f in sheet["features"]
        ),
    )
