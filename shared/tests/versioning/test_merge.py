"""Three-way merge: exact results on examples, conflicts with paths and values, resolutions."""

from __future__ import annotations

from typing import Any

from dnd_shared.versioning import (
    AsSet,
    Conflict,
    ListRules,
    Value,
    Whole,
    by_fields,
    first_present,
    three_way_merge,
)
from dnd_shared.versioning.merge import ABSENT

RULES = ListRules.of({
    "classes": by_fields("id"),
    "equipment": first_present("item_id", "item"),
    "languages": AsSet(),
    "classes[].hp_rolls": Whole(),
})


def build(**overrides: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "name": "Ilsa",
        "classes": [{"id": "wizard", "level": 4, "hp_rolls": [4, 5, 3]}],
        "languages": ["common", "elvish"],
        "equipment": [{"item_id": "dagger", "quantity": 1}, {"item_id": "dagger", "quantity": 2}],
        "ability": {"strength": 8, "intelligence": 16},
    }
    document.update(overrides)
    return document


def test_independent_fields_merge() -> None:
    base = build()
    ours = build(name="Ilsa the Grey")
    theirs = build(ability={"strength": 8, "intelligence": 17})
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert result.clean
    assert result.document == build(name="Ilsa the Grey", ability={"strength": 8, "intelligence": 17})


def test_same_field_changed_differently_is_one_conflict_with_three_values() -> None:
    base = build()
    ours = build(ability={"strength": 10, "intelligence": 16})
    theirs = build(ability={"strength": 12, "intelligence": 16})
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert result.conflicts == [Conflict("ability.strength", 8, 10, 12)]
    assert result.document["ability"]["strength"] == 10  # ours stands until resolved


def test_keyed_list_elements_merge_by_key_and_conflict_with_index_path() -> None:
    base = build()
    ours = build(classes=[{"id": "wizard", "level": 5, "hp_rolls": [4, 5, 3, 2]}])
    theirs = build(classes=[{"id": "wizard", "level": 6, "hp_rolls": [4, 5, 3, 2]}])
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert [c.path for c in result.conflicts] == ["classes[0].level"]
    assert (result.conflicts[0].ours, result.conflicts[0].theirs) == (5, 6)


def test_keyed_list_additions_on_both_sides_are_kept() -> None:
    base = build()
    ours = build(classes=[{"id": "wizard", "level": 5, "hp_rolls": [4, 5, 3, 2]}])
    theirs = build(classes=[*build()["classes"], {"id": "fighter", "level": 1, "hp_rolls": []}])
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert result.clean
    assert result.document["classes"] == [{"id": "wizard", "level": 5, "hp_rolls": [4, 5, 3, 2]},
                                          {"id": "fighter", "level": 1, "hp_rolls": []}]


def test_repeated_keys_are_separate_elements() -> None:
    base = build()
    ours = build(equipment=[{"item_id": "dagger", "quantity": 1}, {"item_id": "dagger", "quantity": 3}])
    theirs = build(equipment=[{"item_id": "dagger", "quantity": 1}, {"item_id": "dagger", "quantity": 2},
                              {"item": {"name": "Rope"}, "quantity": 1}])
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert result.clean
    assert result.document["equipment"] == [{"item_id": "dagger", "quantity": 1}, {"item_id": "dagger", "quantity": 3},
                                            {"item": {"name": "Rope"}, "quantity": 1}]


def test_set_lists_combine_additions_and_removals() -> None:
    base = build()
    ours = build(languages=["common", "elvish", "draconic"])
    theirs = build(languages=["common", "dwarvish"])
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert result.clean
    assert result.document["languages"] == ["common", "draconic", "dwarvish"]


def test_whole_list_conflicts_as_one_value() -> None:
    base = build()
    ours = build(classes=[{"id": "wizard", "level": 4, "hp_rolls": [4, 5, 2]}])
    theirs = build(classes=[{"id": "wizard", "level": 4, "hp_rolls": [4, 6, 3]}])
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert [(c.path, c.ours, c.theirs) for c in result.conflicts] == [
        ("classes[0].hp_rolls", [4, 5, 2], [4, 6, 3])]


def test_delete_against_modify_conflicts_with_absent_side() -> None:
    base = {"a": {"x": 1}, "b": 1}
    ours = {"b": 1}
    theirs = {"a": {"x": 2}, "b": 1}
    result = three_way_merge(base, ours, theirs)
    assert result.conflicts == [Conflict("a", {"x": 1}, ABSENT, {"x": 2})]
    assert result.conflicts[0].to_dict() == {"path": "a", "base": {"x": 1}, "ours": None, "theirs": {"x": 2},
                                             "absent": ["ours"]}


def test_resolutions_choose_per_path() -> None:
    base = {"a": 1, "b": 1, "c": 1, "d": 1}
    ours = {"a": 2, "b": 2, "c": 2, "d": 2}
    theirs = {"a": 3, "b": 3, "c": 3, "d": 3}
    result = three_way_merge(base, ours, theirs, resolutions={"a": "ours", "b": "theirs", "c": "base",
                                                              "d": Value(9), "zzz": "ours"})
    assert result.clean
    assert result.document == {"a": 2, "b": 3, "c": 1, "d": 9}
    assert result.unused_resolutions == ["zzz"]


def test_boolean_is_not_one() -> None:
    result = three_way_merge({"a": 1}, {"a": True}, {"a": 1})
    assert result.document == {"a": True} and isinstance(result.document["a"], bool)
