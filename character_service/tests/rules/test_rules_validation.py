"""Validation: each broken rule gives the right field path and code; all problems come at once."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from character_service.rules.build import Build
from character_service.rules.validation import validate

ABIL = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")


def legal() -> dict[str, Any]:
    """A legal level 5 Champion (array Str 15 Dex 13 Con 14 Int 8 Wis 12 Cha 10)."""
    return {
        "name": "v",
        "species": {"id": "dwarf"},
        "background": {"id": "soldier", "ability_increases": {"strength": 2, "constitution": 1}},
        "classes": [{"id": "fighter", "level": 5, "subclass": "champion"}],
        "ability_scores": {"method": "standard_array", "base": dict(zip(ABIL, (15, 13, 14, 8, 12, 10), strict=False))},
        "skill_proficiencies": ["perception", "acrobatics"],
        "languages": ["dwarvish", "giant"],
        "feats": [
            {"id": "savage_attacker", "source": "background"},
            {
                "id": "ability_score_improvement",
                "source": "class",
                "level": 4,
                "choices": {"ability_increases": {"strength": 1, "constitution": 1}},
            },
        ],
        "fighting_styles": ["defense"],
        "weapon_masteries": ["longsword", "maul"],
        "equipment": [{"item_id": "chain_mail", "equipped": True}, {"item_id": "longsword", "equipped": True}],
    }


def problems(d: dict[str, Any]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in validate(Build.model_validate(d))}


def test_legal_build_has_no_problems() -> None:
    assert problems(legal()) == set()


def _set(d: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    for k in keys[:-1]:
        d = d[int(k)] if isinstance(d, list) else d[k]
    last = keys[-1]
    if isinstance(d, list):
        d[int(last)] = value
    else:
        d[last] = value


BROKEN: list[tuple[str, str, Any, tuple[str, str]]] = [
    ("unknown species", "species", {"id": "kender"}, ("species.id", "unknown_species")),
    (
        "lineage missing",
        "species",
        {"id": "elf", "skill": "perception", "spellcasting_ability": "wisdom"},
        ("species.lineage", "lineage_required"),
    ),
    (
        "bad lineage",
        "species",
        {"id": "tiefling", "lineage": "drow", "spellcasting_ability": "charisma"},
        ("species.lineage", "unknown_lineage"),
    ),
    ("dwarf can't be small", "species", {"id": "dwarf", "size": "small"}, ("species.size", "invalid_size")),
    (
        "elf keen senses skill",
        "species",
        {"id": "elf", "lineage": "drow", "skill": "arcana", "spellcasting_ability": "wisdom"},
        ("species.skill", "invalid_species_skill"),
    ),
    (
        "unknown background",
        "background",
        {"id": "noble", "ability_increases": {"strength": 2, "dexterity": 1}},
        ("background.id", "unknown_background"),
    ),
    (
        "increase outside background",
        "background.ability_increases",
        {"strength": 2, "charisma": 1},
        ("background.ability_increases.charisma", "ability_not_in_background"),
    ),
    (
        "increase pattern",
        "background.ability_increases",
        {"strength": 2, "dexterity": 2},
        ("background.ability_increases", "invalid_background_increases"),
    ),
    ("unknown class", "classes.0.id", "artificer", ("classes[0].id", "unknown_class")),
    (
        "subclass before 3",
        "classes",
        [{"id": "fighter", "level": 2, "subclass": "champion"}],
        ("classes[0].subclass", "subclass_too_early"),
    ),
    ("wrong subclass", "classes.0.subclass", "battle_master", ("classes[0].subclass", "unknown_subclass")),
    ("hp rolls count", "classes.0.hp_rolls", [5, 6], ("classes[0].hp_rolls", "hp_rolls_count")),
    ("hp roll range", "classes.0.hp_rolls", [5, 6, 11, 1], ("classes[0].hp_rolls[2]", "hp_roll_out_of_range")),
    (
        "not standard array",
        "ability_scores.base",
        dict(zip(ABIL, (15, 15, 13, 8, 12, 10), strict=False)),
        ("ability_scores.base", "not_standard_array"),
    ),
    (
        "point buy over budget",
        "ability_scores",
        {"method": "point_buy", "base": dict(zip(ABIL, (15, 15, 15, 9, 8, 8), strict=False))},
        ("ability_scores.base", "point_buy_over_budget"),
    ),
    (
        "point buy range",
        "ability_scores",
        {"method": "point_buy", "base": dict(zip(ABIL, (16, 13, 14, 8, 12, 10), strict=False))},
        ("ability_scores.base.strength", "point_buy_out_of_range"),
    ),
    (
        "rolls mismatch",
        "ability_scores",
        {
            "method": "rolled",
            "base": dict(zip(ABIL, (15, 13, 14, 8, 12, 10), strict=False)),
            "rolls": [[6, 6, 6, 1], [5, 4, 4, 1], [6, 4, 4, 2], [3, 3, 2, 1], [6, 5, 1, 1], [6, 2, 2, 1]],
        },
        ("ability_scores.base", "rolls_mismatch"),
    ),
    (
        "invalid roll",
        "ability_scores",
        {
            "method": "rolled",
            "base": dict(zip(ABIL, (15, 13, 14, 8, 12, 10), strict=False)),
            "rolls": [[7, 6, 3, 1]] * 6,
        },
        ("ability_scores.rolls[0]", "invalid_roll"),
    ),
    ("too few skills", "skill_proficiencies", ["perception"], ("skill_proficiencies", "wrong_skill_count")),
    (
        "skill not on list",
        "skill_proficiencies",
        ["perception", "arcana"],
        ("skill_proficiencies[1]", "skill_not_on_class_list"),
    ),
    (
        "unknown skill",
        "skill_proficiencies",
        ["perception", "basket_weaving"],
        ("skill_proficiencies[1]", "unknown_skill"),
    ),
    ("expertise without proficiency", "expertise", ["stealth"], ("expertise[0]", "expertise_without_proficiency")),
    ("asi at wrong level", "feats.1.level", 3, ("feats[1].level", "not_an_asi_level")),
    ("asi above class level", "classes.0.level", 3, ("feats[1].level", "feat_level_above_class_level")),
    (
        "asi bad increases",
        "feats.1.choices",
        {"ability_increases": {"strength": 3}},
        ("feats[1].choices.ability_increases", "invalid_ability_increases"),
    ),
    ("unknown feat", "feats.1.id", "lucky", ("feats[1].id", "unknown_feat")),
    ("background feat missing", "feats", [], ("feats", "background_feat_missing")),
    (
        "too many fighting styles",
        "fighting_styles",
        ["defense", "archery"],
        ("fighting_styles", "too_many_fighting_styles"),
    ),
    (
        "too many masteries",
        "weapon_masteries",
        ["longsword", "maul", "dagger", "javelin", "spear"],
        ("weapon_masteries", "too_many_masteries"),
    ),
    ("unknown item", "equipment", [{"item_id": "lightsaber"}], ("equipment[0].item_id", "unknown_item")),
    (
        "too many attuned",
        "equipment",
        [{"item_id": "ring_of_protection", "attuned": True}] * 4,
        ("equipment", "too_many_attuned"),
    ),
    ("languages", "languages", ["dwarvish"], ("languages", "wrong_language_count")),
    (
        "spells for a non-caster",
        "spells",
        {"prepared": {"fighter": ["bless"]}},
        ("spells.prepared.fighter", "not_a_spellcaster_class"),
    ),
]


@pytest.mark.parametrize(("what", "path", "value", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_rule(what: str, path: str, value: Any, expected: tuple[str, str]) -> None:
    d = legal()
    _set(d, path, value)
    assert expected in problems(d)


def test_total_level_above_20() -> None:
    d = legal()
    d["classes"] = [
        {"id": "fighter", "level": 15, "subclass": "champion"},
        {"id": "rogue", "level": 6, "subclass": "thief"},
    ]
    d["ability_scores"]["base"]["dexterity"] = 15
    d["ability_scores"]["base"]["wisdom"] = 10
    d["ability_scores"]["base"]["charisma"] = 12
    assert ("classes", "total_level_out_of_range") in problems(d)


def test_multiclass_prerequisite() -> None:
    d = legal()
    d["classes"].append({"id": "wizard", "level": 1})  # Int 8 < 13
    assert ("classes[1].id", "multiclass_prerequisite") in problems(d)


def test_score_above_cap() -> None:
    d = legal()
    d["ability_scores"] = {"method": "manual", "base": dict(zip(ABIL, (19, 13, 14, 8, 12, 10), strict=False))}
    d["feats"][1]["choices"] = {"ability_increases": {"strength": 2}}
    found = problems(d)
    assert ("background.ability_increases.strength", "score_above_cap") in found
    assert ("feats[1].choices.ability_increases.strength", "score_above_cap") in found


def test_too_many_prepared_and_cantrips() -> None:
    d = legal()
    d["classes"] = [{"id": "wizard", "level": 1}]
    d["ability_scores"]["base"] = dict(zip(ABIL, (8, 13, 14, 15, 12, 10), strict=False))
    d["skill_proficiencies"] = ["arcana", "investigation"]
    d["fighting_styles"] = []
    d["weapon_masteries"] = []
    d["feats"] = d["feats"][:1]
    d["spells"] = {"cantrips": {"wizard": ["a", "b", "c", "d"]}, "prepared": {"wizard": ["1", "2", "3", "4", "5"]}}
    found = problems(d)
    assert ("spells.cantrips.wizard", "too_many_cantrips") in found
    assert ("spells.prepared.wizard", "too_many_prepared") in found


def test_all_problems_at_once() -> None:
    d = legal()
    d["species"] = {"id": "kender"}
    d["background"]["ability_increases"] = {"strength": 3}
    d["ability_scores"]["base"]["strength"] = 16
    d["skill_proficiencies"] = ["arcana"]
    d["expertise"] = ["history"]
    d["classes"][0]["subclass"] = "battle_master"
    d["equipment"] = [{"item_id": "ring_of_protection", "attuned": True}] * 4
    codes = {c for _f, c in problems(d)}
    assert {
        "unknown_species",
        "invalid_background_increases",
        "not_standard_array",
        "wrong_skill_count",
        "skill_not_on_class_list",
        "expertise_without_proficiency",
        "unknown_subclass",
        "too_many_attuned",
    } <= codes


def test_problem_dict_shape() -> None:
    d = legal()
    d["species"] = {"id": "kender"}
    p = validate(Build.model_validate(d))[0].to_dict()
    assert set(p) == {"field", "code", "message"}


def test_custom_background() -> None:
    d = legal()
    d["background"] = {
        "id": "custom",
        "abilities": ["strength", "constitution", "wisdom"],
        "ability_increases": {"strength": 2, "wisdom": 1},
        "skills": ["athletics", "survival"],
        "tool": "smiths_tools",
        "feat": "alert",
    }
    d["feats"][0] = {"id": "alert", "source": "background"}
    assert problems(d) == set()
    bad = copy.deepcopy(d)
    bad["background"]["feat"] = "ability_score_improvement"
    bad["background"]["skills"] = ["athletics"]
    found = problems(bad)
    assert ("background.feat", "custom_background_feat") in found
    assert ("background.skills", "custom_background_skills") in found


def test_human_needs_versatile_feat() -> None:
    d = legal()
    d["species"] = {"id": "human", "skill": "stealth"}
    assert ("feats", "species_feat_missing") in problems(d)
    d["feats"].append({"id": "skilled", "source": "species", "choices": {"skills": ["arcana", "history"]}})
    assert ("feats[2].choices", "skilled_picks") in problems(d)


def test_magic_initiate_list_fixed_by_background() -> None:
    d = legal()
    d["background"] = {"id": "acolyte", "ability_increases": {"wisdom": 2, "charisma": 1}}
    d["feats"][0] = {
        "id": "magic_initiate",
        "source": "background",
        "choices": {"spell_list": "wizard", "ability": "wisdom", "cantrips": ["a", "b"], "spell": "c"},
    }
    assert ("feats[0].choices.spell_list", "invalid_spell_list") in problems(d)


def test_epic_boon_level() -> None:
    d = legal()
    d["feats"].append(
        {"id": "boon_of_fate", "source": "epic_boon", "level": 19, "choices": {"ability_increases": {"wisdom": 1}}}
    )
    found = problems(d)
    assert ("feats[2].level", "feat_level_above_class_level") in found
    assert ("feats[2].id", "feat_prerequisite") in found


def test_invocation_prerequisites() -> None:
    d = legal()
    d["classes"] = [
        {
            "id": "warlock",
            "level": 2,
            "options": {"invocations": ["thirsting_blade", "x", "pact_of_the_tome", "pact_of_the_chain"]},
        }
    ]
    found = problems(d)
    assert ("classes[0].options.invocations[0]", "invocation_prerequisite") in found
    assert ("classes[0].options.invocations[1]", "unknown_invocation") in found
    assert ("classes[0].options.invocations", "too_many_invocations") in found


def test_class_options_required() -> None:
    d = legal()
    d["classes"] = [{"id": "cleric", "level": 1}]
    assert ("classes[0].options.divine_order", "option_required") in problems(d)
    d["classes"] = [{"id": "cleric", "level": 1, "options": {"divine_order": "knight"}}]
    assert ("classes[0].options.divine_order", "invalid_option") in problems(d)


def test_consistent_rolls_pass() -> None:
    d = legal()
    # 4d6 drop lowest: 15, 13, 14, 8, 12, 10
    d["ability_scores"] = {
        "method": "rolled",
        "base": dict(zip(ABIL, (15, 13, 14, 8, 12, 10), strict=False)),
        "rolls": [[6, 6, 3, 1], [5, 4, 4, 1], [6, 4, 4, 2], [3, 3, 2, 1], [6, 5, 1, 1], [6, 2, 2, 1]],
    }
    assert problems(d) == set()


def test_missing_asi_feat() -> None:
    d = legal()
    d["feats"] = d["feats"][:1]  # level 5 Fighter without its level 4 feat
    assert ("feats", "feat_missing") in problems(d)
