"""Level-up: options for the next level and applying the choices."""

from __future__ import annotations

from typing import Any

from character_service.rules.build import Build
from character_service.rules.level_up import apply_level_up, level_up_options
from character_service.rules.sheet import compute_sheet
from character_service.rules.validation import Problem

ABIL = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")


def wizard(level: int, **over: Any) -> Build:
    """Rock gnome Sage wizard (array 8,12,13,15,14,10; Sage +2 Int +1 Con)."""
    d: dict[str, Any] = {
        "species": {"id": "gnome", "lineage": "rock_gnome", "spellcasting_ability": "intelligence"},
        "background": {"id": "sage", "ability_increases": {"intelligence": 2, "constitution": 1}},
        "classes": [{"id": "wizard", "level": level, "subclass": "evoker" if level >= 3 else None}],
        "ability_scores": {"method": "standard_array", "base": dict(zip(ABIL, (8, 12, 13, 15, 14, 10), strict=False))},
        "skill_proficiencies": ["investigation", "medicine"],
        "languages": ["elvish", "dwarvish"],
        "expertise": ["arcana"] if level >= 2 else [],
        "feats": [
            {
                "id": "magic_initiate",
                "source": "background",
                "choices": {
                    "spell_list": "wizard",
                    "ability": "intelligence",
                    "cantrips": ["a", "b"],
                    "spell": "shield",
                },
            }
        ],
    }
    d.update(over)
    return Build.model_validate(d)


def test_options_level_2_to_3() -> None:
    o = level_up_options(wizard(2), "wizard")
    assert o["allowed"] and o["new_class_level"] == 3 and o["new_character_level"] == 3
    assert "subclass: evoker" in o["choices"]
    assert o["hit_points"]["fixed"] == 4  # d6: 6/2 + 1
    assert o["prepared_gained"] == 1  # 5 -> 6
    assert o["new_spell_slot_levels"] == [2]  # level 2 slots appear at Wizard 3
    assert "Evocation Savant" in o["new_features"]


def test_options_asi_level() -> None:
    o = level_up_options(wizard(3), "wizard")
    assert any(c.startswith("feat") for c in o["choices"])
    assert o["cantrips_gained"] == 1  # 3 -> 4 at level 4


def test_multiclass_prerequisite_blocks() -> None:
    o = level_up_options(wizard(3), "barbarian")  # Str 8
    assert not o["allowed"]
    assert {p["code"] for p in o["problems"]} == {"multiclass_prerequisite"}
    res = apply_level_up(wizard(3), "barbarian", {})
    assert isinstance(res, list) and res[0].code == "multiclass_prerequisite"


def test_apply_fixed_hp_and_subclass() -> None:
    b = wizard(2)
    res = apply_level_up(b, "wizard", {"subclass": "evoker", "prepared": ["y"], "spellbook": ["y", "z"]})
    assert isinstance(res, Build)
    assert res.classes[0].level == 3 and res.classes[0].subclass == "evoker"
    assert b.classes[0].level == 2  # input untouched
    # HP: 6+2 (level 1) + 2 x (4+2) = 20
    assert compute_sheet(res)["hit_points"]["max"] == 20


def test_apply_rolled_hp() -> None:
    res = apply_level_up(wizard(2), "wizard", {"subclass": "evoker", "hp_roll": 6})
    assert isinstance(res, Build)
    assert res.classes[0].hp_rolls == [4, 6]  # level 2 was fixed (4), level 3 rolled 6
    assert compute_sheet(res)["hit_points"]["max"] == 8 + 6 + 8


def test_apply_requires_feat_at_asi_level() -> None:
    res = apply_level_up(wizard(3), "wizard", {})
    assert isinstance(res, list)
    assert ("choices.feat", "feat_required") in {(p.field, p.code) for p in res}
    ok = apply_level_up(
        wizard(3),
        "wizard",
        {"feat": {"id": "ability_score_improvement", "choices": {"ability_increases": {"intelligence": 2}}}},
    )
    assert isinstance(ok, Build)
    assert compute_sheet(ok)["abilities"]["intelligence"]["score"] == 19


def test_apply_reports_every_problem() -> None:
    res = apply_level_up(wizard(2), "wizard", {"subclass": "necromancer", "skill_proficiencies": ["athletics"]})
    assert isinstance(res, list) and all(isinstance(p, Problem) for p in res)
    codes = {p.code for p in res}
    assert {"unknown_subclass", "wrong_skill_count"} <= codes


def test_apply_multiclass() -> None:
    b = wizard(
        3, ability_scores={"method": "standard_array", "base": dict(zip(ABIL, (13, 12, 14, 15, 10, 8), strict=False))}
    )
    res = apply_level_up(b, "fighter", {"hp_roll": 7, "fighting_styles": ["defense"]})
    assert isinstance(res, Build), res
    s = compute_sheet(res)
    assert s["level"] == 4
    assert "shield" in s["proficiencies"]["armor"] and "heavy" not in s["proficiencies"]["armor"]
    assert s["proficiencies"]["saves"] == ["intelligence", "wisdom"]  # saves only from the starting class
    # HP: 6+2 + 2x(4+2) + (7+2)
    assert s["hit_points"]["max"] == 8 + 12 + 9
