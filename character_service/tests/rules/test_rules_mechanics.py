"""Targeted rule tests: one rule per test, numbers from the SRD 5.2 text."""

from __future__ import annotations

import copy
import json
from typing import Any

import d20
import pytest

from character_service.rules.abilities import final_scores, modifier, proficiency_bonus
from character_service.rules.build import Build
from character_service.rules.data.classes import CLASSES, FULL_CASTER_SLOTS, HALF_CASTER_SLOTS, MULTICLASS_SLOTS
from character_service.rules.multiclass import caster_level, multiclass_problems, spell_slots
from character_service.rules.point_buy import POINT_BUY_COST, point_buy_cost, roll_total
from character_service.rules.sheet import compute_sheet
from character_service.rules.state import Condition, PlayState

ABIL = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")


def data(**over: Any) -> dict[str, Any]:
    """A level 1 human fighter (array 15,14,13,8,10,12; Soldier +2 Str +1 Con -> 17,14,14,8,10,12)."""
    d: dict[str, Any] = {
        "name": "t",
        "species": {"id": "human", "skill": "perception"},
        "background": {"id": "soldier", "ability_increases": {"strength": 2, "constitution": 1}},
        "classes": [{"id": "fighter", "level": 1}],
        "ability_scores": {"method": "standard_array", "base": dict(zip(ABIL, (15, 14, 13, 8, 10, 12), strict=False))},
        "skill_proficiencies": ["acrobatics", "insight"],
        "languages": ["elvish", "dwarvish"],
        "feats": [
            {"id": "savage_attacker", "source": "background"},
            {"id": "skilled", "source": "species", "choices": {"tools": ["lute", "flute", "drum"]}},
        ],
    }
    d.update(over)
    return d


def sheet(state: PlayState | None = None, **over: Any) -> Any:
    return compute_sheet(Build.model_validate(data(**over)), state)


def eq(*items: Any) -> list[dict[str, Any]]:
    return [i if isinstance(i, dict) else {"item_id": i, "equipped": True} for i in items]


# ----------------------------------------------------------------------------- tables
def test_modifier_table() -> None:
    # Ability Scores and Modifiers table: 3 -> -4, 8-9 -> -1, 10-11 -> 0, 20 -> +5, 30 -> +10
    assert [modifier(s) for s in (1, 3, 8, 9, 10, 11, 12, 15, 20, 30)] == [-5, -4, -1, -1, 0, 0, 1, 2, 5, 10]


def test_proficiency_bonus_table() -> None:
    # Character Advancement table
    expected = [2] * 4 + [3] * 4 + [4] * 4 + [5] * 4 + [6] * 4
    assert [proficiency_bonus(lvl) for lvl in range(1, 21)] == expected


def test_point_buy_costs() -> None:
    # Ability Score Point Costs: 8:0 9:1 10:2 11:3 12:4 13:5 14:7 15:9; 27 points
    assert POINT_BUY_COST == {8: 0, 9: 1, 10: 2, 11: 3, 12: 4, 13: 5, 14: 7, 15: 9}
    assert point_buy_cost(dict(zip(ABIL, (15, 15, 15, 8, 8, 8), strict=False))) == 27
    assert point_buy_cost(dict(zip(ABIL, (16, 8, 8, 8, 8, 8), strict=False))) is None


def test_four_d6_drop_lowest() -> None:
    assert roll_total([6, 1, 4, 5]) == 15
    assert roll_total([1, 1, 1, 1]) == 3


def test_half_caster_table_equals_multiclass_table_rounded_up() -> None:
    # Paladin/Ranger tables == Multiclass Spellcaster table at ceil(level / 2)
    for lvl in range(1, 21):
        assert HALF_CASTER_SLOTS[lvl - 1] == MULTICLASS_SLOTS[(lvl + 1) // 2 - 1]
        assert FULL_CASTER_SLOTS[lvl - 1] == MULTICLASS_SLOTS[lvl - 1]


def test_multiclass_slots_round_half_casters_up() -> None:
    # Paladin 1 + Wizard 1: 1 + ceil(1/2) = 2 -> three level 1 slots (rounding down would give 2)
    assert caster_level({"paladin": 1, "wizard": 1}) == 2
    assert spell_slots({"paladin": 1, "wizard": 1}) == (3,)
    # Ranger 4 / Sorcerer 3 example in 02_CharacterCreation.md -> level 5: 4/3/2
    assert spell_slots({"ranger": 4, "sorcerer": 3}) == (4, 3, 2)
    # Paladin 3 + Ranger 3: 2 + 2 = 4 -> 4/3
    assert spell_slots({"paladin": 3, "ranger": 3}) == (4, 3)
    # Warlock levels never count; Pact Magic is separate
    assert spell_slots({"warlock": 5, "fighter": 3}) == ()
    assert spell_slots({"warlock": 5, "wizard": 1}) == (2,)


def test_single_spellcasting_class_uses_its_own_table() -> None:
    assert spell_slots({"paladin": 2, "fighter": 5}) == (2,)


def test_multiclass_prerequisites() -> None:
    scores = {"strength": 13, "dexterity": 12, "constitution": 10, "intelligence": 10, "wisdom": 12, "charisma": 8}
    # Barbarian -> Druid needs Str 13 and Wis 13
    assert multiclass_problems(["barbarian"], "druid", scores) == ["druid"]
    # Fighter primary is Strength OR Dexterity
    assert multiclass_problems(["fighter"], "barbarian", scores) == []
    # Monk needs Dexterity AND Wisdom
    assert multiclass_problems(["fighter"], "monk", scores) == ["monk"]


def test_asi_levels() -> None:
    assert CLASSES["fighter"].asi_levels == {4, 6, 8, 12, 14, 16}
    assert CLASSES["rogue"].asi_levels == {4, 8, 10, 12, 16}
    assert all(CLASSES[c].asi_levels == {4, 8, 12, 16} for c in CLASSES if c not in ("fighter", "rogue"))


# ----------------------------------------------------------------------------- abilities
def test_background_increase_capped_at_20_and_boon_at_30() -> None:
    b = Build.model_validate(
        data(
            classes=[{"id": "fighter", "level": 20, "subclass": "champion"}],
            ability_scores={"method": "manual", "base": dict(zip(ABIL, (20, 14, 13, 8, 10, 12), strict=False))},
            feats=[
                {
                    "id": "boon_of_combat_prowess",
                    "source": "epic_boon",
                    "level": 19,
                    "choices": {"ability_increases": {"strength": 1}},
                }
            ],
        )
    )
    # background +2 capped at 20; Epic Boon may go to 21 (max 30)
    assert final_scores(b)["strength"] == 21


def test_primal_champion_max_25() -> None:
    b = Build.model_validate(
        data(
            classes=[{"id": "barbarian", "level": 20, "subclass": "berserker"}],
            ability_scores={"method": "manual", "base": dict(zip(ABIL, (18, 10, 19, 8, 10, 8), strict=False))},
            background={"id": "soldier", "ability_increases": {"strength": 2, "constitution": 1}},
        )
    )
    s = final_scores(b)
    assert (s["strength"], s["constitution"]) == (24, 24)  # 20+4, 20+4


# ----------------------------------------------------------------------------- armor class
def test_unarmored_ac_is_10_plus_dex() -> None:
    assert sheet()["armor_class"]["value"] == 12  # Dex 14


def test_medium_armor_caps_dex_at_2() -> None:
    s = sheet(
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (10, 18, 13, 8, 10, 12), strict=False))},
        equipment=eq("breastplate"),
    )
    assert s["armor_class"]["value"] == 16  # 14 + min(4, 2)


def test_heavy_armor_ignores_dex_and_strength_requirement() -> None:
    s = sheet(
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (12, 18, 13, 8, 10, 12), strict=False))},
        background={"id": "soldier", "ability_increases": {"dexterity": 2, "constitution": 1}},
        equipment=eq("splint_armor"),
    )
    assert s["armor_class"]["value"] == 17
    assert s["speed"]["walk"] == 20  # Str 12 < 15: -10 ft
    assert s["armor_class"]["stealth_disadvantage"] is True


def test_shield_needs_training() -> None:
    s = sheet(classes=[{"id": "wizard", "level": 1}], skill_proficiencies=["arcana", "history"], equipment=eq("shield"))
    assert s["armor_class"]["value"] == 12
    assert s["armor_class"]["untrained_shield"] is True


def test_untrained_armor_flags() -> None:
    s = sheet(
        classes=[{"id": "wizard", "level": 1}], skill_proficiencies=["arcana", "history"], equipment=eq("chain_mail")
    )
    ac = s["armor_class"]
    assert ac["untrained_armor"] and ac["str_dex_disadvantage"] and ac["cannot_cast_spells"]
    assert any("cannot cast spells" in w for w in s["warnings"])


def test_monk_unarmored_defense_lost_with_shield() -> None:
    base = {"method": "manual", "base": dict(zip(ABIL, (10, 16, 12, 8, 16, 8), strict=False))}
    s = sheet(classes=[{"id": "monk", "level": 2}], ability_scores=base, skill_proficiencies=["acrobatics", "insight"])
    assert s["armor_class"]["value"] == 16  # 10 + 3 + 3
    assert s["speed"]["walk"] == 40  # Unarmored Movement +10
    s2 = sheet(classes=[{"id": "monk", "level": 2}], ability_scores=base, equipment=eq("shield"))
    assert s2["armor_class"]["value"] == 13  # 10 + Dex 3; untrained shield adds nothing
    assert s2["speed"]["walk"] == 30


def test_barbarian_unarmored_defense_keeps_shield() -> None:
    s = sheet(
        classes=[{"id": "barbarian", "level": 1}],
        equipment=eq("shield"),
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (15, 14, 16, 8, 10, 12), strict=False))},
    )
    assert s["armor_class"]["value"] == 10 + 2 + 3 + 2


def test_defense_style_needs_armor() -> None:
    assert sheet(fighting_styles=["defense"])["armor_class"]["value"] == 12
    assert sheet(fighting_styles=["defense"], equipment=eq("leather_armor"))["armor_class"]["value"] == 11 + 2 + 1


def test_magic_armor_shield_and_protection_items() -> None:
    s = sheet(
        equipment=[
            {
                "item": {"name": "Chain Mail +2", "category": "armor", "base": "chain_mail", "magic_bonus": 2},
                "equipped": True,
            },
            {"item": {"name": "Shield +1", "category": "shield", "base": "shield", "magic_bonus": 1}, "equipped": True},
            {"item_id": "ring_of_protection", "equipped": True, "attuned": True},
            {"item_id": "cloak_of_protection", "equipped": True, "attuned": False},
        ]
    )
    # 16 + 2 (magic) + 2 + 1 (shield) + 1 (ring); the unattuned cloak gives nothing
    assert s["armor_class"]["value"] == 22
    assert s["abilities"]["strength"]["save"] == 3 + 2 + 1
    assert s["attunement"] == {"max": 3, "used": 1}


def test_attunement_over_three_warns() -> None:
    items = [{"item_id": "ring_of_protection", "attuned": True}] * 4
    assert any("attuned to 4" in w for w in sheet(equipment=items)["warnings"])


# ----------------------------------------------------------------------------- attacks
def test_weapon_properties_and_mastery_dc() -> None:
    s = sheet(
        equipment=eq("rapier", "longbow", "javelin", "greatsword", "dagger"),
        weapon_masteries=["greatsword", "javelin", "dagger"],
    )
    a = {x["name"]: x for x in s["attacks"]}
    # Str 17 (+3), Dex 14 (+2), PB 2
    assert (a["Rapier"]["ability"], a["Rapier"]["attack_bonus"]) == ("strength", 5)  # Finesse: better of Str/Dex
    assert (a["Longbow"]["ability"], a["Longbow"]["damage"]) == ("dexterity", "1d8+2")
    assert a["Javelin"]["ability"] == "strength"  # Thrown melee weapon keeps its melee ability
    assert a["Javelin"]["mastery"] == "slow" and a["Javelin"]["mastery_save_dc"] is None
    assert a["Greatsword"]["mastery"] == "graze"
    assert a["Rapier"]["mastery"] is None  # not chosen
    assert a["Longbow"]["range"] == [150, 600]
    for x in s["attacks"]:
        d20.roll(x["damage"])  # damage strings are valid dice notation


def test_topple_dc_is_8_plus_mod_plus_pb() -> None:
    s = sheet(equipment=eq("maul"), weapon_masteries=["maul"])
    maul = s["attacks"][0]
    assert maul["mastery"] == "topple" and maul["mastery_save_dc"] == 8 + 3 + 2


def test_no_mastery_without_feature() -> None:
    s = sheet(classes=[{"id": "wizard", "level": 1}], equipment=eq("quarterstaff"), weapon_masteries=["quarterstaff"])
    assert s["attacks"][0]["mastery"] is None


def test_unproficient_weapon_has_no_pb() -> None:
    s = sheet(classes=[{"id": "wizard", "level": 1}], equipment=eq("longsword"))
    assert s["attacks"][0]["attack_bonus"] == 3 and s["attacks"][0]["proficient"] is False


def test_archery_applies_to_ranged_only() -> None:
    s = sheet(fighting_styles=["archery"], equipment=eq("longbow", "dagger"))
    a = {x["name"]: x for x in s["attacks"]}
    assert a["Longbow"]["attack_bonus"] == 2 + 2 + 2
    assert a["Dagger"]["attack_bonus"] == 3 + 2


def test_magic_weapon_bonus() -> None:
    s = sheet(
        equipment=[
            {
                "item": {"name": "Flame Tongue", "category": "weapon", "base": "longsword", "magic_bonus": 1},
                "equipped": True,
            }
        ]
    )
    assert (s["attacks"][0]["attack_bonus"], s["attacks"][0]["damage"]) == (6, "1d8+4")


def test_unarmed_strike_is_1_plus_str() -> None:
    u = next(a for a in sheet()["attacks"] if a["name"] == "Unarmed Strike")
    assert (u["attack_bonus"], u["damage"], u["damage_type"]) == (5, "4", "bludgeoning")


def test_versatile_damage() -> None:
    a = sheet(equipment=eq("longsword"))["attacks"][0]
    assert a["versatile_damage"] == "1d10+3"


# ----------------------------------------------------------------------------- speed, size, state
def test_exhaustion_and_conditions() -> None:
    s = sheet(PlayState(exhaustion=2))
    assert s["d20_penalty"] == -4  # -2 x level
    assert s["speed"]["walk"] == 20  # -5 x level
    assert sheet(PlayState(conditions=frozenset({Condition.GRAPPLED})))["speed"]["walk"] == 0


def test_current_values_from_state() -> None:
    st = PlayState(hp_current=5, temp_hp=3, hit_dice_spent={"d10": 1}, resources_spent={"second_wind": 1})
    s = sheet(st)
    assert s["hit_points"] == {"max": 12, "current": 5, "temp": 3, "bloodied": True}  # 5 <= 12 / 2
    assert s["hit_dice"]["d10"] == {"max": 1, "remaining": 0}
    assert next(r for r in s["resources"] if r["id"] == "second_wind")["remaining"] == 1


def test_spell_slot_and_pact_remaining() -> None:
    s = sheet(
        PlayState(spell_slots_spent={1: 1}, pact_slots_spent=1),
        classes=[{"id": "wizard", "level": 1}, {"id": "warlock", "level": 1}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (8, 14, 13, 15, 10, 13), strict=False))},
        skill_proficiencies=["arcana", "history"],
    )
    assert s["spell_slots"]["1"] == {"max": 2, "remaining": 1}
    assert s["pact_slots"] == {"level": 1, "max": 1, "remaining": 0}


def test_aura_of_protection_off_while_incapacitated() -> None:
    over: dict[str, Any] = {
        "classes": [{"id": "paladin", "level": 6, "subclass": "devotion"}],
        "ability_scores": {"method": "manual", "base": dict(zip(ABIL, (15, 10, 13, 8, 12, 16), strict=False))},
    }
    assert sheet(**over)["abilities"]["dexterity"]["save"] == 0 + 3
    st = PlayState(conditions=frozenset({Condition.STUNNED}))
    assert sheet(st, **over)["abilities"]["dexterity"]["save"] == 0


def test_carrying_capacity_by_size() -> None:
    # Small/Medium Str x 15, Drag Str x 30 (Rules Glossary)
    assert sheet()["carrying_capacity"] == {"carry": 255, "drag_lift_push": 510, "carried": 0}
    assert sheet(species={"id": "human", "size": "small", "skill": "perception"})["carrying_capacity"]["carry"] == 255


def test_jack_of_all_trades_half_pb_round_down() -> None:
    s = sheet(
        classes=[{"id": "bard", "level": 5}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (10, 10, 10, 10, 10, 16), strict=False))},
    )
    # level 5 Bard: PB 3 -> half is 1 (round down); Int 10 -> +0
    assert s["skills"]["history"] == {"ability": "intelligence", "modifier": 0 + 1, "proficiency": "half"}
    assert s["skills"]["athletics"]["proficiency"] == "proficient"  # Soldier background


def test_alert_adds_pb_to_initiative() -> None:
    s = sheet(
        background={"id": "criminal", "ability_increases": {"dexterity": 2, "constitution": 1}},
        feats=[{"id": "alert", "source": "background"}],
    )
    assert s["initiative"] == 3 + 2  # Dex 16 -> +3, PB 2


def test_human_heroic_inspiration_from_state() -> None:
    assert sheet(PlayState(heroic_inspiration=True))["heroic_inspiration"] is True


def test_dragonborn_breath_weapon_scales() -> None:
    for lvl, dice in ((1, "1d10"), (5, "2d10"), (11, "3d10"), (17, "4d10")):
        s = sheet(species={"id": "dragonborn", "lineage": "blue"}, classes=[{"id": "fighter", "level": lvl}])
        bw = next(a for a in s["attacks"] if a["name"] == "Breath Weapon")
        assert (bw["damage"], bw["damage_type"]) == (dice, "lightning")
        assert [r["max"] for r in s["resources"] if r["id"] == "breath_weapon"] == [proficiency_bonus(lvl)]


def test_cantrip_scaling_uses_character_level() -> None:
    s = sheet(
        classes=[{"id": "fighter", "level": 4}, {"id": "wizard", "level": 1}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (15, 14, 13, 13, 10, 12), strict=False))},
    )
    assert s["class_details"]["cantrip_dice"] == 2  # character level 5


def test_hit_dice_pool_by_size() -> None:
    s = sheet(
        classes=[{"id": "fighter", "level": 3}, {"id": "paladin", "level": 2}, {"id": "cleric", "level": 1}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (15, 10, 13, 8, 13, 13), strict=False))},
    )
    assert {k: v["max"] for k, v in s["hit_dice"].items()} == {"d10": 5, "d8": 1}


def test_rolled_hit_points_minimum_one_per_level() -> None:
    # Con 3 (-4): level 1 = max(1, 10-4) = 6; rolls 1 and 10 -> max(1, -3) = 1 and 6
    s = sheet(
        classes=[{"id": "fighter", "level": 3, "hp_rolls": [1, 10]}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (15, 10, 2, 8, 10, 12), strict=False))},
        background={"id": "soldier", "ability_increases": {"strength": 2, "constitution": 1}},
    )
    assert s["hit_points"]["max"] == 6 + 1 + 6


def test_extra_attack_does_not_stack() -> None:
    s = sheet(
        classes=[{"id": "fighter", "level": 5}, {"id": "paladin", "level": 5}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (15, 10, 13, 8, 10, 13), strict=False))},
    )
    assert s["class_details"]["attacks_per_action"] == 2


def test_always_prepared_not_counted() -> None:
    s = sheet(
        classes=[{"id": "ranger", "level": 1}],
        spells={"prepared": {"ranger": ["hunters_mark", "cure_wounds", "ensnaring_strike"]}},
    )
    assert s["spellcasting"]["ranger"]["prepared_count"] == 2
    assert s["warnings"] == []
    s2 = sheet(classes=[{"id": "ranger", "level": 1}], spells={"prepared": {"ranger": ["a", "b", "c"]}})
    assert any("3 spells prepared, maximum 2" in w for w in s2["warnings"])


def test_sheet_is_json_and_not_stored() -> None:
    b = Build.model_validate(data())
    before = b.model_dump()
    s1 = compute_sheet(b)
    s1["abilities"]["strength"]["score"] = 99
    assert compute_sheet(b)["abilities"]["strength"]["score"] == 17
    assert b.model_dump() == before
    json.dumps(compute_sheet(b))


def test_build_round_trip() -> None:
    b = Build.model_validate(data())
    assert Build.model_validate_json(b.model_dump_json()) == b
    with pytest.raises(ValueError):
        Build.model_validate({**data(), "rules_version": "2014"})
    bad = copy.deepcopy(data())
    bad["equipment"] = [{"quantity": 1}]
    with pytest.raises(ValueError):
        Build.model_validate(bad)


def test_standing_advantages() -> None:
    s = sheet(species={"id": "dwarf"}, classes=[{"id": "barbarian", "level": 7, "subclass": "berserker"}])
    adv = s["advantages"]
    assert any("Poisoned" in a for a in adv)  # Dwarven Resilience
    assert any("Danger Sense" in a for a in adv) and any("Feral Instinct" in a for a in adv)
    assert s["initiative_advantage"] is True
    assert sheet()["advantages"] == []  # human fighter 1


def test_feature_list_by_level() -> None:
    s = sheet(classes=[{"id": "fighter", "level": 3, "subclass": "champion"}])
    names = [(f["name"], f["source"], f["level"]) for f in s["features"]]
    assert ("Action Surge", "fighter", 2) in names
    assert ("Improved Critical", "fighter:champion", 3) in names
    assert ("Extra Attack", "fighter", 5) not in names
    assert ("Resourceful", "species:human", 1) in names  # used by the rests code for Heroic Inspiration
    assert ("Savage Attacker", "feat:background", 1) in names


def test_thief_use_magic_device_attunement() -> None:
    s = sheet(classes=[{"id": "rogue", "level": 13, "subclass": "thief"}])
    assert s["attunement"]["max"] == 4


def test_goliath_large_form_from_level_5() -> None:
    ids = {r["id"] for r in sheet(species={"id": "goliath", "lineage": "fire"})["resources"]}
    assert ids == {"second_wind", "giant_ancestry"}
    s5 = sheet(species={"id": "goliath", "lineage": "fire"}, classes=[{"id": "fighter", "level": 5}])
    giant = next(r for r in s5["resources"] if r["id"] == "giant_ancestry")
    assert giant["name"] == "Fire's Burn" and giant["max"] == 3  # PB 3
    assert any(r["id"] == "large_form" and r["max"] == 1 for r in s5["resources"])


def test_land_druid_natures_ward() -> None:
    s = sheet(classes=[{"id": "druid", "level": 10, "subclass": "land", "options": {"land": "polar"}}])
    assert s["resistances"] == ["cold"] and s["condition_immunities"] == ["poisoned"]


def test_bard_20_words_of_creation() -> None:
    s = sheet(classes=[{"id": "bard", "level": 20}])
    assert s["spellcasting"]["bard"]["always_prepared"] == ["power_word_heal", "power_word_kill"]


def test_resource_recharge_shapes() -> None:
    s = sheet(
        classes=[{"id": "bard", "level": 5}],
        ability_scores={"method": "manual", "base": dict(zip(ABIL, (10, 10, 10, 10, 10, 16), strict=True))},
    )
    bi = next(r for r in s["resources"] if r["id"] == "bardic_inspiration")
    # Font of Inspiration (5): regain all on a Short Rest; die d8 at level 5
    assert (bi["max"], bi["recharge"], bi["short_rest_regain"], bi["die"]) == (3, "short_rest", "all", "d8")
    f = sheet(classes=[{"id": "fighter", "level": 2}])
    sw = next(r for r in f["resources"] if r["id"] == "second_wind")
    assert (sw["recharge"], sw["short_rest_regain"]) == ("long_rest", 1)
