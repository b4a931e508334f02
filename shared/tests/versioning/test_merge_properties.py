"""Merge laws on generated JSON documents (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dnd_shared.versioning import AsSet, ListRules, by_fields, json_equal, three_way_merge

scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["a", "b", "c"]))
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["x", "y", "z", "id"]), inner, max_size=3),
    ),
    max_leaves=12,
)
documents = st.dictionaries(st.sampled_from(["name", "level", "tags", "items", "notes"]), json_values, max_size=5)
RULES = ListRules.of({"tags": AsSet(), "items": by_fields("id")})


def mutate(data: st.DataObject, document: dict[str, Any]) -> dict[str, Any]:
    """A document derived from ``document``: some keys replaced, removed or added."""
    result = dict(document)
    for key in data.draw(st.lists(st.sampled_from(["name", "level", "tags", "items", "notes"]), max_size=3)):
        if key in result and data.draw(st.booleans()):
            del result[key]
        else:
            result[key] = data.draw(json_values)
    return result


@settings(max_examples=100, deadline=None)
@given(documents, documents)
def test_unchanged_ours_gives_theirs(a: dict[str, Any], b: dict[str, Any]) -> None:
    result = three_way_merge(a, a, b, rules=RULES)
    assert result.clean and json_equal(result.document, b)


@settings(max_examples=100, deadline=None)
@given(documents, documents)
def test_unchanged_theirs_gives_ours(a: dict[str, Any], b: dict[str, Any]) -> None:
    result = three_way_merge(a, b, a, rules=RULES)
    assert result.clean and json_equal(result.document, b)


@settings(max_examples=100, deadline=None)
@given(documents, documents)
def test_same_change_on_both_sides(a: dict[str, Any], b: dict[str, Any]) -> None:
    result = three_way_merge(a, b, b, rules=RULES)
    assert result.clean and json_equal(result.document, b)


@settings(max_examples=100, deadline=None)
@given(st.data(), documents)
def test_symmetric_without_conflicts(data: st.DataObject, base: dict[str, Any]) -> None:
    ours, theirs = mutate(data, base), mutate(data, base)
    left = three_way_merge(base, ours, theirs, rules=RULES)
    right = three_way_merge(base, theirs, ours, rules=RULES)
    assert [c.path for c in left.conflicts] == [c.path for c in right.conflicts] or not left.clean
    if left.clean:
        assert right.clean and json_equal(left.document, right.document)


@settings(max_examples=100, deadline=None)
@given(st.data(), documents)
def test_resolving_every_conflict_with_ours_or_theirs(data: st.DataObject, base: dict[str, Any]) -> None:
    ours, theirs = mutate(data, base), mutate(data, base)
    first = three_way_merge(base, ours, theirs, rules=RULES)
    take_ours = three_way_merge(base, ours, theirs, rules=RULES, resolutions={c.path: "ours" for c in first.conflicts})
    assert take_ours.clean and take_ours.unused_resolutions == []
    # Resolving every conflict with "ours" gives exactly the unresolved document (ours stands in).
    assert json_equal(take_ours.document, first.document)
    take_theirs = three_way_merge(base, ours, theirs, rules=RULES,
                                  resolutions={c.path: "theirs" for c in first.conflicts})
    assert take_theirs.clean


@settings(max_examples=80, deadline=None)
@given(st.data(), documents)
def test_disjoint_top_level_changes_take_both(data: st.DataObject, base: dict[str, Any]) -> None:
    key_ours, key_theirs = "name", "level"
    ours = {**base, key_ours: data.draw(json_values)}
    theirs = {**base, key_theirs: data.draw(json_values)}
    result = three_way_merge(base, ours, theirs, rules=RULES)
    assert result.clean
    assert json_equal(result.document, {**base, key_ours: ours[key_ours], key_theirs: theirs[key_theirs]})
