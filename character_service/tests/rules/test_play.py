"""Damage, healing, Temporary Hit Points, Death Saving Throws (SRD 5.2).

Section references are to /work/shared/srd: PtG = 01_PlayingTheGame.md,
RG = 08_RulesGlossary.md.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from character_service.rules.play import (
    AlreadyDeadError,
    InvalidRollError,
    NotDyingError,
    PlayError,
    apply_damage,
    concentration_dc,
    effective_damage,
    heal,
    is_bloodied,
    revive,
    roll_death_save,
    set_temp_hp,
    stabilize,
)
from character_service.rules.state import (
    Condition,
    DamageType,
    DeathSaves,
    Event,
    PlayLimits,
    PlayState,
)

L20 = PlayLimits(hp_max=20)


def at(hp: int | None, **kw: object) -> PlayState:
    return PlayState.model_validate({"hp_current": hp, **kw})


def dying(**kw: object) -> PlayState:
    return at(0, conditions=["unconscious"], **kw)


# --- PlayState model ---------------------------------------------------------


def test_fresh_state_defaults() -> None:
    s = PlayState()
    assert s.hp_current is None and s.temp_hp == 0 and s.exhaustion == 0
    assert s.death_saves == DeathSaves() and s.conditions == frozenset()
    assert not (s.dead or s.stable or s.heroic_inspiration)


def test_state_accepts_string_slot_keys_and_roundtrips_json() -> None:
    s = PlayState.model_validate({"spell_slots_spent": {"1": 2, "3": 1}, "conditions": ["prone", "blinded"]})
    assert s.spell_slots_spent == {1: 2, 3: 1}
    again = PlayState.model_validate_json(s.model_dump_json())
    assert again == s
    assert s.model_dump(mode="json")["conditions"] == ["blinded", "prone"]


@pytest.mark.parametrize(
    ("data", "loc"),
    [
        ({"exhaustion": 7}, ("exhaustion",)),
        ({"death_saves": {"failures": 4}}, ("death_saves", "failures")),
        ({"temp_hp": -1}, ("temp_hp",)),
        ({"hp_current": -1}, ("hp_current",)),
        ({"conditions": ["exhaustion"]}, ("conditions",)),
        ({"conditions": ["sleepy"]}, ("conditions", 0)),
        ({"hit_dice_spent": {"d4": 1}}, ("hit_dice_spent", "d4", "[key]")),
        ({"spell_slots_spent": {"10": 1}}, ("spell_slots_spent", "10", "[key]")),
        ({"resources_spent": {"rage": -1}}, ("resources_spent", "rage")),
        ({"unknown": 1}, ("unknown",)),
    ],
)
def test_state_validation_errors_name_the_field(data: dict[str, object], loc: tuple[object, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        PlayState.model_validate(data)
    assert info.value.errors()[0]["loc"] == loc


def test_state_is_frozen() -> None:
    with pytest.raises(ValidationError):
        PlayState().temp_hp = 3  # type: ignore[misc]


def test_stable_requires_zero_hp() -> None:
    with pytest.raises(ValidationError):
        PlayState(stable=True)


# --- Resistance, Vulnerability, Immunity (PtG "Damage and Healing") ----------


def test_resistance_halves_round_down() -> None:
    # PtG "Resistance and Vulnerability": Resistance halves (round down).
    limits = PlayLimits(hp_max=50, resistances=frozenset({DamageType.COLD}))
    new, rep = apply_damage(PlayState(), limits, 7, "cold")
    assert rep.damage_taken == 3 and new.hp(50) == 47
    assert Event.DAMAGE_RESISTED in rep.events


def test_vulnerability_doubles() -> None:
    limits = PlayLimits(hp_max=50, vulnerabilities=frozenset({DamageType.FIRE}))
    _, rep = apply_damage(PlayState(), limits, 7, DamageType.FIRE)
    assert rep.damage_taken == 14


def test_immunity_zero_and_no_concentration_check() -> None:
    limits = PlayLimits(hp_max=50, immunities=frozenset({DamageType.POISON}))
    s = PlayState(concentration="bless")
    new, rep = apply_damage(s, limits, 30, "poison")
    assert new == s and rep.damage_taken == 0 and rep.concentration_dc is None
    assert Event.DAMAGE_IMMUNE in rep.events


def test_order_of_application_worked_example() -> None:
    # PtG "Order of Application": Resistance to all, Vulnerability to Fire,
    # aura reducing damage by 5: 28 Fire -> 23 -> 11 -> 22.
    limits = PlayLimits(hp_max=100, resist_all=True, vulnerabilities=frozenset({DamageType.FIRE}))
    assert effective_damage(limits, 28, "fire", adjustment=-5)[0] == 22
    _, rep = apply_damage(PlayState(), limits, 28, "fire", adjustment=-5)
    assert rep.adjusted == 23 and rep.damage_taken == 22 and rep.hp_after == 78


def test_resistance_does_not_stack() -> None:
    # PtG "No Stacking": Resistance to Necrotic plus to all damage halves once.
    limits = PlayLimits(hp_max=100, resist_all=True, resistances=frozenset({DamageType.NECROTIC}))
    assert effective_damage(limits, 20, "necrotic")[0] == 10


def test_adjustment_never_makes_negative_damage() -> None:
    # PtG "Damage Rolls": possible to deal 0 damage but not negative damage.
    new, rep = apply_damage(PlayState(), L20, 3, "slashing", adjustment=-5)
    assert rep.damage_taken == 0 and new.hp(20) == 20


def test_petrified_resists_all_damage() -> None:
    # RG "Petrified": Resistance to all damage.
    _, rep = apply_damage(PlayState(conditions=frozenset({Condition.PETRIFIED})), L20, 9, "bludgeoning")
    assert rep.damage_taken == 4


def test_unknown_damage_type_rejected() -> None:
    with pytest.raises(ValueError):
        apply_damage(PlayState(), L20, 3, "sonic")


def test_negative_damage_rejected() -> None:
    with pytest.raises(PlayError) as info:
        apply_damage(PlayState(), L20, -1, "fire")
    assert info.value.field == "amount"


# --- Temporary Hit Points (PtG "Temporary Hit Points") ------------------------


def test_temp_hp_absorb_first_worked_example() -> None:
    # "Lose Temporary Hit Points First": 5 temp HP, 7 damage -> lose 2 HP.
    new, rep = apply_damage(PlayState(temp_hp=5), L20, 7, "piercing")
    assert new.temp_hp == 0 and new.hp(20) == 18
    assert rep.temp_hp_absorbed == 5 and rep.hp_lost == 2


def test_temp_hp_dont_stack_worked_example() -> None:
    # "They Don't Stack": 10 temp HP, a spell grants 12 -> 12, not 22.
    new, rep = set_temp_hp(PlayState(temp_hp=10), 12)
    assert new.temp_hp == 12 and not rep.kept_existing
    new2, rep2 = set_temp_hp(new, 10)
    assert new2.temp_hp == 12 and rep2.kept_existing


def test_temp_hp_at_full_hp_and_not_healing() -> None:
    # "They're Not Hit Points or Healing": possible at full HP; at 0 HP they
    # don't restore consciousness.
    new, _ = set_temp_hp(dying(), 8)
    assert new.temp_hp == 8 and new.hp_current == 0 and Condition.UNCONSCIOUS in new.conditions
    new2, _ = set_temp_hp(PlayState(), 8)
    assert new2.hp(20) == 20 and new2.temp_hp == 8


# --- Dropping to 0 and Massive Damage (PtG "Dropping to 0 Hit Points") ---------


def test_massive_damage_worked_example() -> None:
    # "Massive Damage": max 12, current 6, 18 damage -> 12 remains -> dies.
    limits = PlayLimits(hp_max=12)
    new, rep = apply_damage(at(6), limits, 18, "slashing")
    assert new.dead and rep.dead and rep.massive_damage
    assert Event.MASSIVE_DAMAGE in rep.events and new.hp_current == 0


def test_one_short_of_massive_damage_falls_unconscious() -> None:
    limits = PlayLimits(hp_max=12)
    new, rep = apply_damage(at(6), limits, 17, "slashing")
    assert not new.dead and rep.unconscious and not rep.stable
    assert Condition.UNCONSCIOUS in new.conditions and new.hp_current == 0


def test_massive_damage_with_temp_hp_exact() -> None:
    limits = PlayLimits(hp_max=12)
    # 5 temp absorb, 18 reach HP: 6 to zero, 12 remain = max -> dead.
    new, _ = apply_damage(at(6, temp_hp=5), limits, 23, "slashing")
    assert new.dead
    # 5 temp absorb, 17 reach HP: 11 remain < 12 -> unconscious.
    new2, _ = apply_damage(at(6, temp_hp=5), limits, 22, "slashing")
    assert not new2.dead and new2.hp_current == 0


def test_dropping_to_zero_resets_death_saves_and_ends_concentration() -> None:
    s = at(4, death_saves={"successes": 2, "failures": 1}, concentration="bless")
    new, rep = apply_damage(s, L20, 4, "fire")
    assert new.death_saves == DeathSaves() and new.concentration is None
    assert rep.concentration_ended == "bless" and rep.concentration_dc is None
    assert Event.DROPPED_TO_ZERO in rep.events and rep.unconscious


# --- Damage at 0 Hit Points (PtG "Death Saving Throws") ------------------------


def test_damage_at_zero_is_one_failure() -> None:
    new, rep = apply_damage(dying(), L20, 3, "slashing")
    assert new.death_saves.failures == 1 and rep.death_save_failures_added == 1 and not new.dead


def test_critical_damage_at_zero_is_two_failures() -> None:
    new, rep = apply_damage(dying(), L20, 3, "slashing", critical=True)
    assert new.death_saves.failures == 2 and rep.death_save_failures_added == 2


def test_third_failure_from_damage_kills() -> None:
    new, rep = apply_damage(dying(death_saves={"failures": 2}), L20, 1, "slashing")
    assert new.dead and rep.dead and new.death_saves.failures == 3
    new2, _ = apply_damage(dying(death_saves={"failures": 2}), L20, 1, "slashing", critical=True)
    assert new2.dead and new2.death_saves.failures == 3


def test_damage_at_zero_equal_to_max_kills() -> None:
    new, rep = apply_damage(dying(), L20, 20, "slashing")
    assert new.dead and rep.massive_damage
    new2, _ = apply_damage(dying(), L20, 19, "slashing")
    assert not new2.dead


def test_damage_to_stable_character_restarts_dying() -> None:
    # PtG "Stabilizing a Character": damage ends Stable.
    s = dying(stable=True)
    new, rep = apply_damage(s, L20, 2, "fire")
    assert not new.stable and new.death_saves.failures == 1
    assert Event.STABILITY_LOST in rep.events


def test_temp_hp_absorbed_damage_at_zero_still_fails() -> None:
    new, rep = apply_damage(dying(temp_hp=5), L20, 3, "fire")
    assert new.temp_hp == 2 and new.death_saves.failures == 1 and rep.hp_lost == 0


def test_damage_to_dead_character_rejected() -> None:
    with pytest.raises(AlreadyDeadError) as info:
        apply_damage(at(0, dead=True), L20, 1, "fire")
    assert info.value.code == "already_dead"


# --- Concentration (RG "Concentration") ---------------------------------------


@pytest.mark.parametrize(("damage", "dc"), [(1, 10), (21, 10), (22, 11), (25, 12), (60, 30), (70, 30)])
def test_concentration_dc(damage: int, dc: int) -> None:
    # DC = max(10, half the damage rounded down), maximum 30: 25 -> 12,
    # 70 -> 35 -> capped at 30.
    assert concentration_dc(damage) == dc


def test_concentration_check_reported_on_damage() -> None:
    limits = PlayLimits(hp_max=100)
    new, rep = apply_damage(PlayState(concentration="bless"), limits, 25, "fire")
    assert rep.concentration_dc == 12 and Event.CONCENTRATION_CHECK in rep.events
    assert new.concentration == "bless"
    assert "Concentration check DC 12" in rep.messages


def test_concentration_dc_uses_damage_after_resistance_including_temp_hp() -> None:
    limits = PlayLimits(hp_max=100, resistances=frozenset({DamageType.FIRE}))
    _, rep = apply_damage(PlayState(concentration="bless", temp_hp=50), limits, 70, "fire")
    assert rep.damage_taken == 35 and rep.concentration_dc == 17 and rep.hp_lost == 0


def test_no_concentration_no_dc() -> None:
    _, rep = apply_damage(PlayState(), L20, 5, "fire")
    assert rep.concentration_dc is None


# --- Bloodied (RG "Bloodied") --------------------------------------------------


def test_bloodied_at_half_or_fewer() -> None:
    assert is_bloodied(10, 20) and not is_bloodied(11, 20)
    assert is_bloodied(7, 15) and not is_bloodied(8, 15)
    _, rep = apply_damage(PlayState(), L20, 10, "fire")
    assert rep.bloodied and Event.BLOODIED in rep.events
    _, rep2 = apply_damage(PlayState(), L20, 9, "fire")
    assert not rep2.bloodied


# --- Healing (PtG "Healing") ---------------------------------------------------


def test_healing_worked_example_caps_at_max() -> None:
    # 8 healing at 14/20 -> regain 6, not 8.
    new, rep = heal(at(14), L20, 8)
    assert rep.hp_regained == 6 and new.hp(20) == 20 and new.hp_current is None


def test_healing_at_zero_wakes_resets_saves_and_clears_stable() -> None:
    s = dying(stable=True)
    new, rep = heal(s, L20, 3)
    assert new.hp(20) == 3 and not new.stable and new.death_saves == DeathSaves()
    assert Condition.UNCONSCIOUS not in new.conditions
    # RG "Unconscious": when the condition ends, you remain Prone.
    assert Condition.PRONE in new.conditions
    assert rep.regained_consciousness and not rep.unconscious
    s2 = dying(death_saves={"successes": 1, "failures": 2})
    new2, _ = heal(s2, L20, 1)
    assert new2.death_saves == DeathSaves()


def test_healing_dead_character_rejected() -> None:
    with pytest.raises(AlreadyDeadError):
        heal(at(0, dead=True), L20, 5)


def test_healing_does_not_wake_sleeper_with_hp() -> None:
    s = at(10, conditions=["unconscious"])
    new, rep = heal(s, L20, 5)
    assert Condition.UNCONSCIOUS in new.conditions and not rep.regained_consciousness


def test_healing_does_not_restore_temp_hp() -> None:
    new, _ = heal(at(10, temp_hp=2), L20, 30)
    assert new.temp_hp == 2


# --- Death Saving Throws (PtG "Death Saving Throws") -----------------------------


@pytest.mark.parametrize(("roll", "success"), [(10, True), (19, True), (9, False), (2, False)])
def test_death_save_threshold_is_10(roll: int, success: bool) -> None:
    new, rep = roll_death_save(dying(), roll)
    assert rep.success is success
    assert new.death_saves == (DeathSaves(successes=1) if success else DeathSaves(failures=1))


def test_death_save_nat_1_two_failures() -> None:
    new, rep = roll_death_save(dying(), 1)
    assert new.death_saves.failures == 2 and rep.failures_added == 2


def test_death_save_nat_20_regains_one_hp() -> None:
    new, rep = roll_death_save(dying(death_saves={"successes": 1, "failures": 2}), 20)
    assert new.hp_current == 1 and new.death_saves == DeathSaves()
    assert Condition.UNCONSCIOUS not in new.conditions and Condition.PRONE in new.conditions
    assert rep.hp_after == 1 and not rep.unconscious


def test_three_successes_stable_still_unconscious() -> None:
    s = dying(death_saves={"successes": 2, "failures": 2})
    new, rep = roll_death_save(s, 12)
    assert new.stable and rep.stable and new.death_saves == DeathSaves()
    assert new.hp_current == 0 and Condition.UNCONSCIOUS in new.conditions
    assert Event.STABILIZED in rep.events


def test_three_failures_dead() -> None:
    new, rep = roll_death_save(dying(death_saves={"failures": 2}), 5)
    assert new.dead and rep.dead and new.death_saves.failures == 3
    new2, _ = roll_death_save(dying(death_saves={"failures": 2}), 1)
    assert new2.dead and new2.death_saves.failures == 3


def test_death_save_errors() -> None:
    with pytest.raises(InvalidRollError):
        roll_death_save(dying(), 21)
    with pytest.raises(InvalidRollError):
        roll_death_save(dying(), 0)
    with pytest.raises(NotDyingError) as info:
        roll_death_save(PlayState(), 12)
    assert info.value.field == "hp_current"
    with pytest.raises(NotDyingError):
        roll_death_save(dying(stable=True), 12)
    with pytest.raises(AlreadyDeadError):
        roll_death_save(dying(dead=True), 12)


def test_full_dying_sequence() -> None:
    limits = PlayLimits(hp_max=12)
    s, _ = apply_damage(at(5), limits, 9, "slashing")
    s, _ = roll_death_save(s, 15)
    s, _ = roll_death_save(s, 3)
    s, _ = apply_damage(s, limits, 2, "piercing")
    assert s.death_saves == DeathSaves(successes=1, failures=2) and not s.dead
    s, rep = roll_death_save(s, 9)
    assert s.dead and rep.dead


def test_functions_do_not_mutate_input() -> None:
    s = at(10, temp_hp=3, concentration="bless")
    snapshot = s.model_dump()
    apply_damage(s, L20, 15, "fire")
    heal(s, L20, 5)
    set_temp_hp(s, 9)
    assert s.model_dump() == snapshot


def test_play_error_to_dict() -> None:
    err = PlayError("bad", field="x", code="c")
    assert err.to_dict() == {"code": "c", "field": "x", "message": "bad"}


# --- Knocking out, stabilizing, reviving ---------------------------------------------


def test_knock_out_leaves_one_hp_unconscious() -> None:
    # PtG sidebar "Knocking out a Creature": 1 Hit Point and Unconscious.
    new, rep = apply_damage(at(6, concentration="bless"), PlayLimits(hp_max=12), 40, "bludgeoning", knock_out=True)
    assert new.hp_current == 1 and not new.dead and Condition.UNCONSCIOUS in new.conditions
    assert Event.KNOCKED_OUT in rep.events and not rep.massive_damage
    assert new.concentration is None and new.death_saves == DeathSaves()
    # Damage that doesn't reach 0 is unaffected.
    new2, _ = apply_damage(at(6), PlayLimits(hp_max=12), 3, "bludgeoning", knock_out=True)
    assert new2.hp_current == 3 and Condition.UNCONSCIOUS not in new2.conditions
    # A character knocked out can be woken explicitly (it has Hit Points).
    from character_service.rules.conditions import remove_condition

    woke, _ = remove_condition(new, Condition.UNCONSCIOUS)
    assert Condition.PRONE in woke.conditions


def test_stabilize() -> None:
    # PtG "Stabilizing a Character": Stable, 0 HP, still Unconscious.
    new, rep = stabilize(dying(death_saves={"successes": 1, "failures": 2}))
    assert new.stable and new.death_saves == DeathSaves() and new.hp_current == 0
    assert rep.unconscious and rep.roll is None
    with pytest.raises(NotDyingError):
        stabilize(new)
    with pytest.raises(NotDyingError):
        stabilize(PlayState())
    with pytest.raises(AlreadyDeadError):
        stabilize(dying(dead=True))


def test_revive_returns_with_one_fewer_exhaustion_level() -> None:
    # RG "Dead": returns with 1 fewer Exhaustion level; conditions remain.
    s = dying(dead=True, exhaustion=3, death_saves={"failures": 3})
    s = s.model_copy(update={"conditions": s.conditions | {Condition.POISONED}})
    new, rep = revive(s, L20, 1)
    assert not new.dead and new.hp(20) == 1 and new.exhaustion == 2
    assert new.death_saves == DeathSaves() and Condition.POISONED in new.conditions
    assert Condition.UNCONSCIOUS not in new.conditions and Event.REVIVED in rep.events
    with pytest.raises(PlayError):
        revive(PlayState(), L20)
    with pytest.raises(PlayError):
        revive(s, L20, 21)


def test_death_clears_hp_and_temp_hp() -> None:
    # RG "Dead": a dead creature has no Hit Points.
    new, _ = apply_damage(dying(temp_hp=5, death_saves={"failures": 2}), L20, 1, "fire")
    assert new.dead and new.temp_hp == 0 and new.hp_current == 0
    new2, _ = roll_death_save(dying(temp_hp=5, death_saves={"failures": 2}), 4)
    assert new2.dead and new2.temp_hp == 0
