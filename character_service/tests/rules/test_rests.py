"""Short and Long Rests (SRD 5.2 Rules Glossary "Short Rest", "Long Rest";
Playing the Game "Temporary Hit Points: Duration"; class features for recharge)."""

from __future__ import annotations

import pytest

from character_service.rules.rests import long_rest, short_rest
from character_service.rules.state import (
    AlreadyDeadError,
    Condition,
    DeathSaves,
    Event,
    InvalidRollError,
    NothingLeftError,
    PlayError,
    PlayLimits,
    PlayState,
    ResourceLimit,
    UnknownResourceError,
)

# A level 5 Cleric 3 / Warlock 2 style character: d8 Hit Dice, Con +2.
LIMITS = PlayLimits(
    hp_max=38,
    con_mod=2,
    hit_dice={"d8": 5},
    spell_slots={1: 4, 2: 2},
    pact_slots=2,
    pact_slot_level=1,
    resources={
        # Cleric "Channel Divinity": one use back on a Short Rest, all on a Long Rest.
        "channel_divinity": ResourceLimit(max=2, recharge="long_rest", short_rest_regain=1),
        # Bard "Font of Inspiration": all uses back on a Short or Long Rest.
        "bardic_inspiration": ResourceLimit(max=3, recharge="short_rest"),
        # Long Rest only.
        "magical_cunning": ResourceLimit(max=1, recharge="long_rest"),
    },
)


def spent_state(**kw: object) -> PlayState:
    data: dict[str, object] = {
        "hp_current": 10,
        "temp_hp": 4,
        "hit_dice_spent": {"d8": 1},
        "spell_slots_spent": {"1": 3, "2": 2},
        "pact_slots_spent": 2,
        "resources_spent": {"channel_divinity": 2, "bardic_inspiration": 3, "magical_cunning": 1},
        "exhaustion": 2,
        "concentration": "bless",
    }
    data.update(kw)
    return PlayState.model_validate(data)


# --- Short Rest ------------------------------------------------------------------


def test_short_rest_hit_dice_heal_roll_plus_con() -> None:
    # "Spend Hit Point Dice": each die heals roll + Con modifier.
    new, rep = short_rest(spent_state(), LIMITS, {"d8": [5, 3]})
    assert rep.hit_dice_healing == [7, 5] and rep.hp_regained == 12
    assert new.hp(38) == 22 and new.hit_dice_spent == {"d8": 3}
    assert Event.HIT_DICE_SPENT in rep.events


def test_short_rest_minimum_one_hp_per_die() -> None:
    limits = PlayLimits(hp_max=30, con_mod=-3, hit_dice={"d6": 3})
    new, rep = short_rest(PlayState(hp_current=5), limits, {"d6": [1, 2, 6]})
    assert rep.hit_dice_healing == [1, 1, 3] and new.hp(30) == 10


def test_short_rest_never_exceeds_max() -> None:
    new, rep = short_rest(spent_state(hp_current=36), LIMITS, {"d8": [8]})
    assert new.hp_current is None and rep.hp_after == 38 and rep.hp_regained == 2


def test_short_rest_validates_rolls_and_dice() -> None:
    with pytest.raises(InvalidRollError) as info:
        short_rest(spent_state(), LIMITS, {"d8": [9]})
    assert info.value.field == "hit_dice_rolls.d8.0"
    with pytest.raises(InvalidRollError):
        short_rest(spent_state(), LIMITS, {"d8": [0]})
    with pytest.raises(NothingLeftError):
        short_rest(spent_state(), LIMITS, {"d8": [1, 1, 1, 1, 1]})  # 4 left
    with pytest.raises(UnknownResourceError):
        short_rest(spent_state(), LIMITS, {"d10": [3]})
    with pytest.raises(UnknownResourceError):
        short_rest(spent_state(), LIMITS, {"d4": [3]})


def test_short_rest_multiclass_dice_pools() -> None:
    limits = PlayLimits(hp_max=60, con_mod=1, hit_dice={"d8": 5, "d10": 5})
    new, rep = short_rest(PlayState(hp_current=20), limits, {"d8": [4], "d10": [10, 2]})
    assert rep.hit_dice_spent == {"d8": 1, "d10": 2} and rep.hp_regained == 5 + 11 + 3
    assert new.hit_dice_spent == {"d8": 1, "d10": 2}


def test_short_rest_recharges_short_rest_features_and_pact_slots() -> None:
    new, rep = short_rest(spent_state(), LIMITS)
    # Channel Divinity regains one, Bardic Inspiration all, Magical Cunning none.
    assert new.resources_spent == {"channel_divinity": 1, "magical_cunning": 1}
    assert rep.resources_regained == {"channel_divinity": 1, "bardic_inspiration": 3}
    # Warlock "Pact Magic": all Pact Magic slots on a Short Rest.
    assert new.pact_slots_spent == 0 and rep.pact_slots_regained == 2
    # Spell slots, exhaustion, temp HP and concentration are untouched.
    assert new.spell_slots_spent == {1: 3, 2: 2} and new.exhaustion == 2
    assert new.temp_hp == 4 and new.concentration == "bless"


def test_short_rest_without_dice_changes_no_hp() -> None:
    new, rep = short_rest(spent_state(), LIMITS, {})
    assert new.hp_current == 10 and rep.hp_regained == 0 and rep.hit_dice_spent == {}


def test_rests_need_one_hit_point_and_life() -> None:
    dying = PlayState(hp_current=0, conditions=frozenset({Condition.UNCONSCIOUS}))
    for rest in (short_rest, long_rest):
        with pytest.raises(PlayError) as info:
            rest(dying, LIMITS)
        assert info.value.code == "needs_hit_points"
        with pytest.raises(AlreadyDeadError):
            rest(PlayState(hp_current=0, dead=True), LIMITS)


# --- Long Rest -------------------------------------------------------------------------


def test_long_rest_restores_everything() -> None:
    new, rep = long_rest(spent_state(hit_dice_spent={"d8": 5}), LIMITS)
    # "Regain All HP": all lost HP and ALL spent Hit Point Dice (2024).
    assert new.hp_current is None and new.hit_dice_spent == {}
    assert rep.hit_dice_regained == {"d8": 5} and rep.hp_regained == 28
    assert new.spell_slots_spent == {} and new.pact_slots_spent == 0 and new.resources_spent == {}
    # "Exhaustion Reduced": by 1.
    assert new.exhaustion == 1 and rep.exhaustion_after == 1
    # Temporary Hit Points last until a Long Rest.
    assert new.temp_hp == 0 and rep.temp_hp_lost == 4
    assert new.concentration is None and rep.concentration_ended == "bless"
    assert new.death_saves == DeathSaves()
    assert Event.LONG_REST in rep.events


def test_long_rest_keeps_conditions_and_unknown_level() -> None:
    s = spent_state(conditions=["poisoned"], exhaustion=0)
    new, rep = long_rest(s, LIMITS)
    assert new.conditions == {Condition.POISONED} and new.exhaustion == 0
    assert Event.EXHAUSTION_CHANGED not in rep.events


def test_long_rest_heroic_inspiration_for_resourceful() -> None:
    # Human "Resourceful": Heroic Inspiration whenever you finish a Long Rest.
    limits = PlayLimits(hp_max=10, heroic_inspiration_on_long_rest=True)
    new, rep = long_rest(PlayState(), limits)
    assert new.heroic_inspiration and rep.heroic_inspiration_gained
    new2, rep2 = long_rest(PlayState(), PlayLimits(hp_max=10))
    assert not new2.heroic_inspiration and not rep2.heroic_inspiration_gained
    new3, _ = long_rest(PlayState(heroic_inspiration=True), PlayLimits(hp_max=10))
    assert new3.heroic_inspiration


def test_long_rest_twice_only_reduces_exhaustion_again() -> None:
    once, _ = long_rest(spent_state(), LIMITS)
    twice, rep = long_rest(once, LIMITS)
    assert twice.model_copy(update={"exhaustion": once.exhaustion}) == once
    assert twice.exhaustion == 0 and rep.hp_regained == 0


def test_rests_do_not_mutate_input() -> None:
    s = spent_state()
    snapshot = s.model_dump()
    short_rest(s, LIMITS, {"d8": [3]})
    long_rest(s, LIMITS)
    assert s.model_dump() == snapshot
