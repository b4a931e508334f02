"""The 2024 rules for changing spells after creation (03_Classes, each class's Spellcasting)."""

from __future__ import annotations

from character_service.rules.spell_changes import ALL, describe, granted, replacements


def test_long_rest_and_level_up_grants() -> None:
    after_rest = granted({}, "long_rest", ["cleric", "paladin", "bard"])
    # Cleric: any prepared spell; Paladin: one; Bard changes only on gaining a Bard level.
    assert after_rest == {"cleric": {"prepared": ALL}, "paladin": {"prepared": 1}}
    after_level = granted(after_rest, "level_up", ["bard"])
    assert after_level["bard"] == {"prepared": 1, "cantrips": 1}
    # Grants do not stack: a second Long Rest still allows one Paladin replacement.
    assert granted({"paladin": {"prepared": 1}}, "long_rest", ["paladin"])["paladin"]["prepared"] == 1
    assert granted({}, "long_rest", ["wizard"]) == {"wizard": {"prepared": ALL, "cantrips": 1}}


def test_replacements_count_swaps_only() -> None:
    assert replacements(["a", "b", "c"], ["a", "b", "d"]) == 1
    assert replacements(["a", "b"], ["a", "b", "c"]) == 0  # filling a new place
    assert replacements(["a", "b", "c"], ["a"]) == 0  # unpreparing
    assert replacements(["a", "b"], ["c", "d"]) == 2
    assert describe("sorcerer", "prepared") == "a Sorcerer replaces one when gaining a Sorcerer level"
