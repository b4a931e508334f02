"""Property-based tests (hypothesis) for damage, healing, Temporary Hit Points and rests."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from character_service.rules.conditions import add_condition, add_exhaustion
from character_service.rules.play import apply_damage, heal, roll_death_save, set_temp_hp
from character_service.rules.rests import long_rest, short_rest
from character_service.rules.state import (
    HIT_DIE_SIDES,
    Condition,
    DamageType,
    PlayError,
    PlayLimits,
    PlayState,
    ResourceLimit,
)

damage_types = st.sampled_from(list(DamageType))
type_sets = st.frozensets(damage_types, max_size=4)


@st.composite
def limits_st(draw: st.DrawFn) -> PlayLimits:
    resources = draw(
        st.dictionaries(
            st.sampled_from(["rage", "ki", "channel_divinity", "wild_shape", "bardic_inspiration"]),
            st.builds(
                ResourceLimit,
                max=st.integers(0, 10),
                recharge=st.sampled_from(["short_rest", "long_rest"]),
                short_rest_regain=st.none() | st.integers(0, 3),
            ),
        )
    )
    return PlayLimits(
        hp_max=draw(st.integers(1, 200)),
        con_mod=draw(st.integers(-5, 10)),
        hit_dice=draw(st.dictionaries(st.sampled_from(list(HIT_DIE_SIDES)), st.integers(0, 20))),
        spell_slots=draw(st.dictionaries(st.integers(1, 9), st.integers(0, 4))),
        pact_slots=draw(st.integers(0, 4)),
        pact_slot_level=draw(st.integers(0, 5)),
        resources=resources,
        resistances=draw(type_sets),
        vulnerabilities=draw(type_sets),
        immunities=draw(st.frozensets(damage_types, max_size=2)),
        heroic_inspiration_on_long_rest=draw(st.booleans()),
    )


@st.composite
def state_st(draw: st.DrawFn, limits: PlayLimits, alive: bool = True) -> PlayState:
    hp: int | None = draw(st.none() | st.integers(1 if alive else 0, limits.hp_max))
    data: dict[str, Any] = {
        "hp_current": hp,
        "temp_hp": draw(st.integers(0, 50)),
        "exhaustion": draw(st.integers(0, 5)),
        "concentration": draw(st.none() | st.just("bless")),
        "hit_dice_spent": {d: draw(st.integers(0, n)) for d, n in limits.hit_dice.items()},
        "spell_slots_spent": {lvl: draw(st.integers(0, n)) for lvl, n in limits.spell_slots.items()},
        "pact_slots_spent": draw(st.integers(0, limits.pact_slots)),
        "resources_spent": {rid: draw(st.integers(0, r.max)) for rid, r in limits.resources.items()},
        "conditions": draw(st.frozensets(st.sampled_from([Condition.PRONE, Condition.POISONED]))),
        "heroic_inspiration": draw(st.booleans()),
    }
    return PlayState.model_validate(data)


@st.composite
def limits_and_state(draw: st.DrawFn) -> tuple[PlayLimits, PlayState]:
    limits = draw(limits_st())
    return limits, draw(state_st(limits))


def assert_within_maxima(state: PlayState, limits: PlayLimits) -> None:
    assert state.hp_current is None or 0 <= state.hp_current <= limits.hp_max
    assert state.temp_hp >= 0
    for die, n in state.hit_dice_spent.items():
        assert 0 <= n <= limits.hit_dice.get(die, 0)
    for level, n in state.spell_slots_spent.items():
        assert 0 <= n <= limits.spell_slots.get(level, 0)
    assert 0 <= state.pact_slots_spent <= max(limits.pact_slots, 0)
    for rid, n in state.resources_spent.items():
        assert 0 <= n <= limits.resources[rid].max


@given(limits_and_state(), st.data())
def test_short_rest_never_exceeds_maxima(ls: tuple[PlayLimits, PlayState], data: st.DataObject) -> None:
    limits, state = ls
    rolls: dict[str, list[int]] = {}
    for die, n in limits.hit_dice.items():
        left = n - state.hit_dice_spent.get(die, 0)  # type: ignore[call-overload]
        count = data.draw(st.integers(0, left))
        rolls[die] = data.draw(st.lists(st.integers(1, HIT_DIE_SIDES[die]), min_size=count, max_size=count))
    new, rep = short_rest(state, limits, rolls)
    assert_within_maxima(new, limits)
    assert rep.hp_after <= limits.hp_max and rep.hp_regained >= 0
    assert all(h >= 1 for h in rep.hit_dice_healing)
    # Only Short Rest recharges: spell slots and Exhaustion are unchanged.
    assert new.spell_slots_spent == state.spell_slots_spent and new.exhaustion == state.exhaustion


@given(limits_and_state())
def test_long_rest_restores_to_maxima_and_is_idempotent(ls: tuple[PlayLimits, PlayState]) -> None:
    limits, state = ls
    once, _ = long_rest(state, limits)
    assert_within_maxima(once, limits)
    assert once.hp(limits.hp_max) == limits.hp_max and once.temp_hp == 0
    assert once.hit_dice_spent == {} and once.spell_slots_spent == {} and once.resources_spent == {}
    assert once.exhaustion == max(0, state.exhaustion - 1)
    twice, rep = long_rest(once, limits)
    # Idempotent except that each Long Rest removes one more Exhaustion level.
    assert twice.model_copy(update={"exhaustion": once.exhaustion}) == once
    assert twice.exhaustion == max(0, once.exhaustion - 1)
    assert rep.hp_regained == 0 and rep.resources_regained == {}


@given(limits_and_state(), st.integers(0, 300), damage_types, st.booleans())
def test_damage_then_equal_healing_never_above_max(
    ls: tuple[PlayLimits, PlayState], amount: int, dtype: DamageType, critical: bool
) -> None:
    limits, state = ls
    hp_before = state.hp(limits.hp_max)
    damaged, drep = apply_damage(state, limits, amount, dtype, critical)
    assert 0 <= damaged.hp(limits.hp_max) <= hp_before
    if damaged.dead:
        return
    healed, hrep = heal(damaged, limits, amount)
    assert healed.hp(limits.hp_max) <= limits.hp_max
    assert hrep.hp_after == min(limits.hp_max, drep.hp_after + amount)
    if drep.temp_hp_absorbed == 0 and drep.damage_taken == amount and drep.hp_after > 0:
        assert healed.hp(limits.hp_max) == hp_before


@given(st.integers(0, 100), st.lists(st.integers(0, 100), max_size=6))
def test_temp_hp_never_stacks(initial: int, grants: list[int]) -> None:
    state = PlayState(temp_hp=initial)
    for grant in grants:
        state, _ = set_temp_hp(state, grant)
    assert state.temp_hp == max([initial, *grants])


operations = st.lists(
    st.one_of(
        st.tuples(st.just("damage"), st.integers(0, 120), damage_types, st.booleans()),
        st.tuples(st.just("heal"), st.integers(0, 60)),
        st.tuples(st.just("temp"), st.integers(0, 30)),
        st.tuples(st.just("death_save"), st.integers(1, 20)),
        st.tuples(st.just("condition"), st.sampled_from(list(Condition))),
        st.tuples(st.just("exhaustion"), st.integers(0, 2)),
    ),
    max_size=25,
)


@given(limits_and_state(), operations)
def test_hp_never_below_zero_nor_above_max(ls: tuple[PlayLimits, PlayState], ops: list[tuple[Any, ...]]) -> None:
    limits, state = ls
    for op in ops:
        before = state
        try:
            if op[0] == "damage":
                state, _ = apply_damage(state, limits, op[1], op[2], op[3])
            elif op[0] == "heal":
                state, _ = heal(state, limits, op[1])
            elif op[0] == "temp":
                state, _ = set_temp_hp(state, op[1])
            elif op[0] == "death_save":
                state, _ = roll_death_save(state, op[1])
            elif op[0] == "condition":
                state, _ = add_condition(state, op[1], limits)
            else:
                state, _ = add_exhaustion(state, op[1], limits)
        except PlayError:
            assert state == before  # a refused action changes nothing
        hp = state.hp(limits.hp_max)
        assert 0 <= hp <= limits.hp_max
        assert 0 <= state.death_saves.successes <= 3 and 0 <= state.death_saves.failures <= 3
        if state.dead:
            assert state.concentration is None and not state.stable
        if hp > 0:
            assert not state.stable
        if hp == 0 and not state.dead:
            assert Condition.UNCONSCIOUS in state.conditions
