"""How lists are matched between versions of a document, chosen per path.

- :class:`Keyed` — a list of objects matched by a key (``classes`` by ``id``, equipment by item id):
  an element keeps its identity when others are inserted before it, so edits to different
  elements merge. Repeated keys are told apart by occurrence (the 2nd ``dagger`` is its own
  element).
- :class:`AsSet` — a list of values where only membership counts (languages, prepared spells):
  additions and removals from both sides combine and never conflict.
- :class:`ByPosition` — the default: elements are matched by index while the length is the same
  on every side; a change of length on both sides is one conflict on the whole list.
- :class:`Whole` — the list is one value (dice rolls whose order and repeats matter together).

:class:`ListRules` maps path patterns (:class:`~dnd_shared.versioning.paths.PathPattern`) to a
strategy; the first matching pattern wins.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dnd_shared.versioning.paths import Path, PathPattern
from dnd_shared.versioning.snapshot import canonical_json

KeyFn = Callable[[Any], Hashable]


class ListStrategy:
    """How the lists at some paths are matched (one of the classes below)."""


@dataclass(frozen=True)
class Keyed(ListStrategy):
    """Match elements by ``key(element)``."""

    key: KeyFn

    def keyed(self, items: Sequence[Any]) -> dict[Hashable, tuple[int, Any]]:
        """``{(key, occurrence): (index, element)}`` in list order."""
        seen: dict[Hashable, int] = {}
        result: dict[Hashable, tuple[int, Any]] = {}
        for index, item in enumerate(items):
            raw = self.key(item)
            occurrence = seen.get(raw, 0)
            seen[raw] = occurrence + 1
            result[(raw, occurrence)] = (index, item)
        return result


@dataclass(frozen=True)
class AsSet(ListStrategy):
    """Membership only; duplicates collapse."""


@dataclass(frozen=True)
class ByPosition(ListStrategy):
    """Match by index while the lengths agree."""


@dataclass(frozen=True)
class Whole(ListStrategy):
    """The list is a single value."""


def by_fields(*names: str) -> Keyed:
    """Key objects by some of their fields (``by_fields("id")``); a non-object element is keyed by
    its canonical JSON."""

    def key(item: Any) -> Hashable:
        if isinstance(item, Mapping):
            return tuple(canonical_json(item.get(name)) for name in names)
        return canonical_json(item)

    return Keyed(key)


def first_present(*names: str) -> Keyed:
    """Key objects by the first of ``names`` they carry (``first_present("item_id", "item")``): a
    catalog item by its id, an inline one by its content."""

    def key(item: Any) -> Hashable:
        if isinstance(item, Mapping):
            for name in names:
                if item.get(name) is not None:
                    return (name, canonical_json(item[name]))
        return ("", canonical_json(item))

    return Keyed(key)


@dataclass(frozen=True)
class ListRules:
    """Strategies by path pattern; ``default`` for every other list."""

    rules: tuple[tuple[PathPattern, ListStrategy], ...] = ()
    default: ListStrategy = field(default_factory=ByPosition)

    @classmethod
    def of(cls, rules: Mapping[str, ListStrategy] | Iterable[tuple[str, ListStrategy]] = (),
           default: ListStrategy | None = None) -> ListRules:
        """``ListRules.of({"classes": by_fields("id"), "languages": AsSet()})``."""
        pairs = rules.items() if isinstance(rules, Mapping) else rules
        return cls(tuple((PathPattern(p), s) for p, s in pairs), default or ByPosition())

    def strategy_for(self, path: Path) -> ListStrategy:
        """The strategy of the list at ``path``."""
        for pattern, strategy in self.rules:
            if pattern.matches(path):
                return strategy
        return self.default


def ordered_additions(ours: list[Hashable], theirs: list[Hashable]) -> list[Hashable]:
    """New elements of both sides, in an order that does not depend on which side is which: one
    side's order when only it added (or both added the same), else sorted canonically."""
    if not theirs or ours == theirs:
        return list(ours)
    if not ours:
        return list(theirs)
    union = dict.fromkeys([*ours, *theirs])
    return sorted(union, key=repr)
