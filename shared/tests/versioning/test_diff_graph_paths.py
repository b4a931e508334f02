"""Diffs with summaries, the commit graph (ancestry, merge base), paths and snapshots."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from dnd_shared.versioning import (
    AsSet,
    Change,
    ListRules,
    PathPattern,
    Snapshot,
    by_fields,
    describe,
    diff_documents,
    format_path,
    is_ancestor,
    merge_base,
)
from dnd_shared.versioning.errors import MergeConflictError
from dnd_shared.versioning.merge import ABSENT, Conflict

RULES = ListRules.of({"classes": by_fields("id"), "languages": AsSet()})


def test_diff_lists_field_level_changes() -> None:
    before = {"name": "A", "classes": [{"id": "wizard", "level": 4}], "languages": ["common"], "old": 1}
    after = {"name": "A", "classes": [{"id": "fighter", "level": 1}, {"id": "wizard", "level": 5}],
             "languages": ["common", "elvish"], "new": 2}
    assert diff_documents(before, after, rules=RULES) == [
        Change("classes[0]", "added", None, {"id": "fighter", "level": 1}),
        Change("classes[1].level", "changed", 4, 5),
        Change("languages", "added", None, "elvish"),
        Change("old", "removed", 1, None),
        Change("new", "added", None, 2),
    ]


def test_describe_uses_the_domain_summarizer() -> None:
    def summarize(before: Any, after: Any, changes: Sequence[Change]) -> list[str]:
        return [f"{len(changes)} change(s)", f"name {before['name']} -> {after['name']}"]

    result = describe({"name": "A"}, {"name": "B"}, summarizer=summarize)
    assert result.summary == "1 change(s); name A -> B"
    assert describe({"a": 1}, {"a": 1}).summary == "No changes"
    assert describe({"a": [1, 2]}, {"a": [1, 3]}).summary == "a[1] 2 -> 3"


def test_paths_and_patterns() -> None:
    assert format_path(("classes", 0, "level")) == "classes[0].level"
    assert format_path(()) == "$"
    assert format_path(("notes", "a.b")) == 'notes["a.b"]'
    assert PathPattern("spells.prepared.*").matches(("spells", "prepared", "wizard"))
    assert not PathPattern("spells.prepared.*").matches(("spells", "prepared", 0))
    assert PathPattern("classes[].hp_rolls").matches(("classes", 2, "hp_rolls"))
    assert not PathPattern("classes[].hp_rolls").matches(("classes", "x", "hp_rolls"))
    with pytest.raises(ValueError):
        PathPattern("a..b")


def test_snapshot_digest_ignores_key_order() -> None:
    assert Snapshot.of({"a": 1, "b": [1, 2]}).digest == Snapshot.of({"b": [1, 2], "a": 1}).digest
    assert Snapshot.of({"a": 1}).digest != Snapshot.of({"a": True}).digest


def test_merge_base_of_branches_and_criss_cross() -> None:
    # r - a1 - a2      (main)
    #   \ b1 - b2      (what-if), then m merges b2 into a2
    parents = {"r": [], "a1": ["r"], "a2": ["a1"], "b1": ["r"], "b2": ["b1"], "m": ["a2", "b2"], "b3": ["b2"]}
    assert merge_base(parents, "a2", "b2") == "r"
    assert merge_base(parents, "m", "b3") == "b2"
    assert merge_base(parents, "m", "a2") == "a2"
    assert is_ancestor(parents, "b1", "m") and not is_ancestor(parents, "m", "b1")
    assert merge_base({"x": [], "y": []}, "x", "y") is None


def test_merge_conflict_error_renders_each_path_with_values() -> None:
    error = MergeConflictError([Conflict("classes[0].level", 4, 5, 6), Conflict("name", "A", ABSENT, "B")])
    assert error.status_code == 409 and error.code == "merge_conflict"
    assert [d.as_dict() for d in error.details] == [
        {"field": "classes[0].level", "issue": "changed differently on both sides", "base": 4, "ours": 5,
         "theirs": 6, "absent": []},
        {"field": "name", "issue": "changed differently on both sides", "base": "A", "ours": None, "theirs": "B",
         "absent": ["ours"]},
    ]
