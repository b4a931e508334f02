"""Three-way merge of JSON documents with field-level conflicts.

``three_way_merge(base, ours, theirs)`` walks the three documents together. At every node:
unchanged on one side -> the other side's value; changed the same way on both -> that value;
objects -> merged key by key; lists -> merged by the strategy of their path
(:mod:`dnd_shared.versioning.lists`); anything else changed differently on both sides -> a
:class:`Conflict` on that path, with the three values (an absent key is :data:`ABSENT`, shown as
deleted).

Conflicts are resolved by a second call with ``resolutions``: path -> ``"ours"``, ``"theirs"``,
``"base"`` or :class:`Value` (a value of the caller's choosing). The walk is deterministic, so the
paths of the first call are the paths of the second.

Laws (checked by property tests): ``merge(a, a, b) == b``, ``merge(a, b, a) == b``,
``merge(a, b, b) == b``, and without conflicts ``merge(a, b, c) == merge(a, c, b)``.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from dnd_shared.versioning.lists import AsSet, ByPosition, Keyed, ListRules, Whole, ordered_additions
from dnd_shared.versioning.paths import Path, format_path
from dnd_shared.versioning.snapshot import canonical_json, json_equal


class _Absent:
    """A key that is not there (deleted on one side, or never added)."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT: Any = _Absent()

Side = Literal["ours", "theirs", "base"]


@dataclass(frozen=True)
class Value:
    """Resolve a conflict with this value."""

    value: Any


Resolution = Side | Value


@dataclass(frozen=True)
class Conflict:
    """One path changed differently on both sides."""

    path: str
    base: Any
    ours: Any
    theirs: Any

    def to_dict(self) -> dict[str, Any]:
        """JSON shape: the three values (null when absent) and which of them are absent."""
        values = {"base": self.base, "ours": self.ours, "theirs": self.theirs}
        return {
            "path": self.path,
            **{name: (None if value is ABSENT else value) for name, value in values.items()},
            "absent": [name for name, value in values.items() if value is ABSENT],
        }


@dataclass
class MergeResult:
    """The merged document (with ``ours`` at each unresolved conflict), the conflicts, and the
    resolutions that matched no conflicting path."""

    document: Any
    conflicts: list[Conflict] = field(default_factory=list)
    unused_resolutions: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        """No conflict left."""
        return not self.conflicts


def three_way_merge(base: Any, ours: Any, theirs: Any, *, rules: ListRules | None = None,
                    resolutions: Mapping[str, Resolution] | None = None) -> MergeResult:
    """Merge ``theirs`` into ``ours`` given their common ancestor ``base``."""
    merger = _Merger(rules or ListRules(), dict(resolutions or {}))
    document = merger.merge((), base, ours, theirs)
    unused = sorted(set(merger.resolutions) - merger.used)
    return MergeResult(None if document is ABSENT else document, merger.conflicts, unused)


class _Merger:
    def __init__(self, rules: ListRules, resolutions: dict[str, Resolution]) -> None:
        self.rules = rules
        self.resolutions = resolutions
        self.used: set[str] = set()
        self.conflicts: list[Conflict] = []

    def merge(self, path: Path, base: Any, ours: Any, theirs: Any) -> Any:
        if _same(ours, theirs) or _same(base, theirs):
            return ours
        if _same(base, ours):
            return theirs
        if isinstance(ours, dict) and isinstance(theirs, dict) and (base is ABSENT or isinstance(base, dict)):
            return self.merge_objects(path, base or {}, ours, theirs)
        if isinstance(ours, list) and isinstance(theirs, list) and (base is ABSENT or isinstance(base, list)):
            return self.merge_lists(path, base or [], ours, theirs)
        return self.conflict(path, base, ours, theirs)

    def conflict(self, path: Path, base: Any, ours: Any, theirs: Any) -> Any:
        name = format_path(path)
        chosen = self.resolutions.get(name)
        if chosen is None:
            self.conflicts.append(Conflict(name, base, ours, theirs))
            return ours
        self.used.add(name)
        if isinstance(chosen, Value):
            return chosen.value
        return {"ours": ours, "theirs": theirs, "base": base}[chosen]

    def merge_objects(self, path: Path, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
                      ) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key in dict.fromkeys([*ours, *theirs, *base]):
            value = self.merge((*path, key), base.get(key, ABSENT), ours.get(key, ABSENT), theirs.get(key, ABSENT))
            if value is not ABSENT:
                result[key] = value
        return result

    def merge_lists(self, path: Path, base: list[Any], ours: list[Any], theirs: list[Any]) -> Any:
        strategy = self.rules.strategy_for(path)
        if isinstance(strategy, Keyed):
            return self.merge_keyed(path, strategy, base, ours, theirs)
        if isinstance(strategy, AsSet):
            return _merge_set(base, ours, theirs)
        if isinstance(strategy, ByPosition) and len(base) == len(ours) == len(theirs):
            return [self.merge((*path, i), b, o, t) for i, (b, o, t) in enumerate(zip(base, ours, theirs, strict=True))]
        assert isinstance(strategy, ByPosition | Whole)
        return self.conflict(path, base, ours, theirs)

    def merge_keyed(self, path: Path, strategy: Keyed, base: list[Any], ours: list[Any], theirs: list[Any]
                    ) -> list[Any]:
        b, o, t = strategy.keyed(base), strategy.keyed(ours), strategy.keyed(theirs)
        added = ordered_additions([k for k in o if k not in b], [k for k in t if k not in b])
        result: list[Any] = []
        for key in [*b, *added]:
            index = o[key][0] if key in o else t[key][0] if key in t else b[key][0]
            value = self.merge((*path, index), _item(b, key), _item(o, key), _item(t, key))
            if value is not ABSENT:
                result.append(value)
        return result


def _item(keyed: dict[Hashable, tuple[int, Any]], key: Hashable) -> Any:
    entry = keyed.get(key)
    return ABSENT if entry is None else entry[1]


def _same(a: Any, b: Any) -> bool:
    if a is ABSENT or b is ABSENT:
        return a is b
    return json_equal(a, b)


def _merge_set(base: list[Any], ours: list[Any], theirs: list[Any]) -> list[Any]:
    """Removals and additions of both sides; kept elements in base order, then the additions."""
    values: dict[str, Any] = {}
    for item in [*base, *ours, *theirs]:
        values.setdefault(canonical_json(item), item)
    b = [canonical_json(x) for x in base]
    o = {canonical_json(x) for x in ours}
    t = {canonical_json(x) for x in theirs}
    kept = [key for key in dict.fromkeys(b) if key in o and key in t]
    base_keys = set(b)
    added = ordered_additions(
        [key for key in dict.fromkeys(canonical_json(x) for x in ours) if key not in base_keys],
        [key for key in dict.fromkeys(canonical_json(x) for x in theirs) if key not in base_keys],
    )
    return [values[key] for key in [*kept, *added] if isinstance(key, str)]
