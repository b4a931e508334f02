"""Conditions, Exhaustion, Concentration (SRD 5.2 Rules Glossary, 08_RulesGlossary.md)."""

from __future__ import annotations

import pytest

from character_service.rules.conditions import (
    CONDITION_IMPLIES,
    active_conditions,
    add_condition,
    add_exhaustion,
    condition_effects,
    end_concentration,
    implied_conditions,
    is_incapacitated,
    remove_condition,
    remove_exhaustion,
    set_exhaustion,
    start_concentration,
)
from character_service.rules.state import (
    ALL_CONDITIONS,
    AlreadyDeadError,
    Condition,
    Event,
    PlayError,
    PlayLimits,
    PlayState,
)

C = Condition


def with_conditions(*conds: Condition, **kw: object) -> PlayState:
    return PlayState.model_validate({"conditions": [c.value for c in conds], **kw})


def test_fifteen_conditions() -> None:
    # RG "Condition": the glossary defines 15 conditions.
    assert len(ALL_CONDITIONS) == 15
    assert {c.value for c in ALL_CONDITIONS} == {
        "blinded", "charmed", "deafened", "exhaustion", "frightened", "grappled", "incapacitated",
        "invisible", "paralyzed", "petrified", "poisoned", "prone", "restrained", "stunned", "unconscious",
    }  # fmt: skip


@pytest.mark.parametrize("cond", sorted(ALL_CONDITIONS - {C.EXHAUSTION}))
def test_add_and_remove_each_condition(cond: Condition) -> None:
    s, rep = add_condition(PlayState(), cond)
    assert cond in s.conditions and rep.added == [cond] and Event.CONDITION_ADDED in rep.events
    assert cond in active_conditions(s)
    s2, rep2 = remove_condition(s, cond.value)
    assert cond not in s2.conditions and rep2.removed == [cond]
    if cond is C.UNCONSCIOUS:
        # RG "Unconscious": when the condition ends, you remain Prone.
        assert s2.conditions == {C.PRONE}
    else:
        assert s2.conditions == frozenset()


def test_conditions_dont_stack() -> None:
    # RG "Condition": a condition doesn't stack with itself.
    s, _ = add_condition(PlayState(), C.POISONED)
    s2, rep = add_condition(s, C.POISONED)
    assert s2 == s and rep.events == [Event.CONDITION_ALREADY_PRESENT]


def test_exhaustion_is_the_stacking_exception() -> None:
    s, _ = add_condition(PlayState(), C.EXHAUSTION)
    s, rep = add_condition(s, "exhaustion")
    assert s.exhaustion == 2 and rep.exhaustion == 2 and C.EXHAUSTION in active_conditions(s)


def test_implied_conditions() -> None:
    # RG: Paralyzed, Petrified, Stunned -> Incapacitated; Unconscious -> Incapacitated + Prone.
    assert CONDITION_IMPLIES[C.UNCONSCIOUS] == {C.INCAPACITATED, C.PRONE}
    for cond in (C.PARALYZED, C.PETRIFIED, C.STUNNED):
        s = with_conditions(cond)
        assert is_incapacitated(s) and C.INCAPACITATED in active_conditions(s)
    s = with_conditions(C.UNCONSCIOUS)
    assert implied_conditions(s.conditions) == {C.INCAPACITATED: [C.UNCONSCIOUS], C.PRONE: [C.UNCONSCIOUS]}
    assert not is_incapacitated(with_conditions(C.PRONE, C.POISONED))


def test_removing_implied_condition_reports_still_active() -> None:
    s = with_conditions(C.STUNNED, C.INCAPACITATED)
    s2, rep = remove_condition(s, C.INCAPACITATED)
    assert C.INCAPACITATED not in s2.conditions and is_incapacitated(s2)
    assert Event.CONDITION_STILL_IMPLIED in rep.events


def test_remove_absent_condition_is_noop() -> None:
    s, rep = remove_condition(PlayState(), C.BLINDED)
    assert s == PlayState() and rep.events == [Event.CONDITION_NOT_PRESENT]


def test_unconscious_at_zero_hp_only_ends_by_healing() -> None:
    s = PlayState(hp_current=0, conditions=frozenset({C.UNCONSCIOUS}))
    with pytest.raises(PlayError) as info:
        remove_condition(s, C.UNCONSCIOUS)
    assert info.value.code == "unconscious_at_zero_hp"


def test_petrified_grants_poisoned_immunity() -> None:
    # RG "Petrified": Immunity to the Poisoned condition.
    s = with_conditions(C.PETRIFIED)
    s2, rep = add_condition(s, C.POISONED)
    assert s2 == s and rep.events == [Event.CONDITION_IMMUNE]
    assert C.POISONED in condition_effects(s).condition_immunities


def test_condition_immunity_from_limits() -> None:
    limits = PlayLimits(hp_max=10, condition_immunities=frozenset({C.CHARMED, C.EXHAUSTION}))
    s, rep = add_condition(PlayState(), C.CHARMED, limits)
    assert s == PlayState() and Event.CONDITION_IMMUNE in rep.events
    s, rep = add_exhaustion(PlayState(), 1, limits)
    assert s.exhaustion == 0 and Event.CONDITION_IMMUNE in rep.events


def test_cannot_add_condition_to_dead() -> None:
    with pytest.raises(AlreadyDeadError):
        add_condition(PlayState(hp_current=0, dead=True), C.PRONE)


# --- Effects as structured data -------------------------------------------------


def test_effects_of_fresh_character() -> None:
    fx = condition_effects(PlayState())
    assert fx.conditions == [] and not fx.incapacitated and fx.can_take_actions and fx.can_concentrate
    assert fx.d20_modifier == 0 and fx.speed_modifier_ft == 0 and fx.modifiers == []


def test_effects_blinded() -> None:
    fx = condition_effects(with_conditions(C.BLINDED))
    assert not fx.can_see and fx.attacks_against_have_advantage
    assert any(m.roll == "attack_roll" and m.who == "self" and m.effect == "disadvantage" for m in fx.modifiers)
    assert any(m.effect == "auto_fail" and m.when == "requires_sight" for m in fx.modifiers)


def test_effects_deafened_charmed_frightened() -> None:
    assert not condition_effects(with_conditions(C.DEAFENED)).can_hear
    assert "cant_attack_or_harm_charmer" in condition_effects(with_conditions(C.CHARMED)).restrictions
    fx = condition_effects(with_conditions(C.FRIGHTENED))
    assert {m.roll for m in fx.modifiers} == {"ability_check", "attack_roll"}
    assert all(m.when == "source_of_fear_in_sight" for m in fx.modifiers)


def test_effects_grappled_and_restrained_speed_zero() -> None:
    assert condition_effects(with_conditions(C.GRAPPLED)).speed_zero
    fx = condition_effects(with_conditions(C.RESTRAINED))
    assert fx.speed_zero and fx.attacks_against_have_advantage
    assert any(m.roll == "saving_throw" and m.abilities == ["dex"] and m.effect == "disadvantage" for m in fx.modifiers)


@pytest.mark.parametrize("cond", [C.PARALYZED, C.PETRIFIED, C.STUNNED, C.UNCONSCIOUS])
def test_effects_auto_fail_str_dex_saves_and_attacks_have_advantage(cond: Condition) -> None:
    fx = condition_effects(with_conditions(cond))
    assert fx.auto_fail_saves == ["str", "dex"]
    assert fx.attacks_against_have_advantage and fx.incapacitated
    assert not (fx.can_take_actions or fx.can_take_reactions or fx.can_speak or fx.can_concentrate)


def test_effects_paralyzed_unconscious_auto_crit_speed_zero() -> None:
    for cond in (C.PARALYZED, C.UNCONSCIOUS):
        fx = condition_effects(with_conditions(cond))
        assert fx.auto_crit_within_5ft and fx.speed_zero
    fx = condition_effects(with_conditions(C.UNCONSCIOUS))
    assert not fx.aware and C.PRONE in fx.conditions
    assert not condition_effects(with_conditions(C.STUNNED)).speed_zero


def test_effects_petrified_resistance() -> None:
    fx = condition_effects(with_conditions(C.PETRIFIED))
    assert fx.resistance_to_all_damage and fx.speed_zero


def test_effects_prone_situational() -> None:
    fx = condition_effects(with_conditions(C.PRONE))
    against = {(m.effect, m.when) for m in fx.modifiers if m.who == "against"}
    assert against == {("advantage", "attacker_within_5ft"), ("disadvantage", "attacker_beyond_5ft")}
    assert not fx.attacks_against_have_advantage


def test_effects_invisible_and_poisoned() -> None:
    fx = condition_effects(with_conditions(C.INVISIBLE))
    assert any(m.roll == "initiative" and m.effect == "advantage" for m in fx.modifiers)
    fx = condition_effects(with_conditions(C.POISONED))
    assert {(m.roll, m.effect) for m in fx.modifiers} == {
        ("attack_roll", "disadvantage"),
        ("ability_check", "disadvantage"),
    }


# --- Exhaustion (RG "Exhaustion") ---------------------------------------------------


@pytest.mark.parametrize("level", range(0, 6))
def test_exhaustion_penalties(level: int) -> None:
    # D20 Tests reduced by 2 x level; Speed reduced by 5 feet x level.
    fx = condition_effects(PlayState(exhaustion=level))
    assert fx.d20_modifier == -2 * level and fx.speed_modifier_ft == -5 * level
    assert fx.exhaustion_level == level


def test_exhaustion_level_6_is_death() -> None:
    s, rep = add_exhaustion(PlayState(exhaustion=5, concentration="bless"))
    assert s.exhaustion == 6 and s.dead and rep.dead and Event.DIED in rep.events
    assert s.concentration is None and rep.concentration_ended == "bless"
    assert condition_effects(s).dead_from_exhaustion


def test_exhaustion_capped_and_removal() -> None:
    s, _ = add_exhaustion(PlayState(), 9)
    assert s.exhaustion == 6
    s2, rep = remove_exhaustion(PlayState(exhaustion=1))
    assert s2.exhaustion == 0 and rep.removed == [C.EXHAUSTION]
    s3, _ = remove_condition(PlayState(exhaustion=4), C.EXHAUSTION)
    assert s3.exhaustion == 0
    with pytest.raises(PlayError):
        set_exhaustion(PlayState(), 7)
    with pytest.raises(PlayError):
        add_exhaustion(PlayState(), -1)


# --- Concentration (RG "Concentration") --------------------------------------------


def test_start_concentration_replaces_previous() -> None:
    s, rep = start_concentration(PlayState(), "bless")
    assert s.concentration == "bless" and rep.previous is None
    s2, rep2 = start_concentration(s, "hold-person")
    assert s2.concentration == "hold-person" and rep2.previous == "bless"
    assert rep2.events == [Event.CONCENTRATION_ENDED, Event.CONCENTRATION_STARTED]


def test_end_concentration() -> None:
    s, rep = end_concentration(PlayState(concentration="bless"))
    assert s.concentration is None and rep.previous == "bless"
    s2, rep2 = end_concentration(PlayState())
    assert s2 == PlayState() and rep2.events == []


@pytest.mark.parametrize("cond", [C.INCAPACITATED, C.PARALYZED, C.PETRIFIED, C.STUNNED, C.UNCONSCIOUS])
def test_incapacitated_ends_concentration(cond: Condition) -> None:
    s, rep = add_condition(PlayState(concentration="bless"), cond)
    assert s.concentration is None and rep.concentration_ended == "bless"
    assert Event.CONCENTRATION_ENDED in rep.events


def test_non_incapacitating_condition_keeps_concentration() -> None:
    s, rep = add_condition(PlayState(concentration="bless"), C.PRONE)
    assert s.concentration == "bless" and rep.concentration_ended is None


def test_cannot_start_concentration_incapacitated_or_dead() -> None:
    with pytest.raises(PlayError) as info:
        start_concentration(with_conditions(C.STUNNED), "bless")
    assert info.value.code == "incapacitated"
    with pytest.raises(AlreadyDeadError):
        start_concentration(PlayState(hp_current=0, dead=True), "bless")
    with pytest.raises(PlayError):
        start_concentration(PlayState(), "")


def test_exhaustion_death_means_no_hit_points() -> None:
    # RG "Dead": a dead creature has no Hit Points.
    s, _ = set_exhaustion(PlayState(temp_hp=3), 6)
    assert s.dead and s.hp_current == 0 and s.temp_hp == 0
