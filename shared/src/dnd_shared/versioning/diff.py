"""Field-level diff of two JSON documents, and a human summary each domain writes for itself.

``diff_documents(before, after)`` lists :class:`Change` s with the same paths and list strategies
as the merge: an object key added, removed or changed; a keyed list element by its key (shown at
its index in ``after``, or in ``before`` when removed); a set-like list as one ``added`` or
``removed`` change per element, on the list's own path.

``describe(before, after, summarizer=...)`` adds a summary: a :data:`Summarizer` gets both
documents and the changes and returns phrases ("Level 4 -> 5 (Wizard)"); the default one names the
changed fields.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from dnd_shared.versioning.lists import AsSet, ByPosition, Keyed, ListRules
from dnd_shared.versioning.merge import ABSENT
from dnd_shared.versioning.paths import Path, format_path
from dnd_shared.versioning.snapshot import canonical_json, json_equal

ChangeKind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class Change:
    """One field-level change. ``before``/``after`` are None where the value is absent."""

    path: str
    kind: ChangeKind
    before: Any = None
    after: Any = None

    def to_dict(self) -> dict[str, Any]:
        """JSON shape."""
        return {"path": self.path, "kind": self.kind, "before": self.before, "after": self.after}


Summarizer = Callable[[Any, Any, Sequence[Change]], list[str]]


@dataclass(frozen=True)
class DocumentDiff:
    """The changes between two documents and their human summary."""

    changes: list[Change]
    summary: str


def diff_documents(before: Any, after: Any, *, rules: ListRules | None = None) -> list[Change]:
    """Every field-level change from ``before`` to ``after``."""
    changes: list[Change] = []
    _diff((), before, after, rules or ListRules(), changes)
    return changes


def describe(before: Any, after: Any, *, rules: ListRules | None = None,
             summarizer: Summarizer | None = None) -> DocumentDiff:
    """The diff plus a summary (phrases joined with ``"; "``; ``"No changes"`` when equal)."""
    changes = diff_documents(before, after, rules=rules)
    phrases = (summarizer or generic_summary)(before, after, changes) if changes else []
    return DocumentDiff(changes, "; ".join(phrases) if phrases else "No changes")


def generic_summary(before: Any, after: Any, changes: Sequence[Change], limit: int = 5) -> list[str]:
    """``classes[0].level 4 -> 5``, ``languages +Elvish``... for at most ``limit`` changes."""
    phrases = [_phrase(change) for change in changes[:limit]]
    if len(changes) > limit:
        phrases.append(f"{len(changes) - limit} more changes")
    return phrases


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else canonical_json(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _phrase(change: Change) -> str:
    if change.kind == "changed":
        return f"{change.path} {_short(change.before)} -> {_short(change.after)}"
    if change.kind == "added":
        return f"{change.path} +{_short(change.after)}"
    return f"{change.path} -{_short(change.before)}"


def _diff(path: Path, before: Any, after: Any, rules: ListRules, out: list[Change]) -> None:
    if json_equal(before, after):
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in dict.fromkeys([*before, *after]):
            _diff_member((*path, key), before.get(key, ABSENT), after.get(key, ABSENT), rules, out)
        return
    if isinstance(before, list) and isinstance(after, list):
        strategy = rules.strategy_for(path)
        if isinstance(strategy, Keyed):
            old, new = strategy.keyed(before), strategy.keyed(after)
            for key in dict.fromkeys([*new, *old]):
                index = new[key][0] if key in new else old[key][0]
                b = old[key][1] if key in old else ABSENT
                a = new[key][1] if key in new else ABSENT
                _diff_member((*path, index), b, a, rules, out)
            return
        if isinstance(strategy, AsSet):
            old_keys = {canonical_json(x) for x in before}
            new_keys = {canonical_json(x) for x in after}
            name = format_path(path)
            out.extend(Change(name, "removed", before=x) for x in _unique(before) if canonical_json(x) not in new_keys)
            out.extend(Change(name, "added", after=x) for x in _unique(after) if canonical_json(x) not in old_keys)
            return
        if isinstance(strategy, ByPosition) and len(before) == len(after):
            for index, (b, a) in enumerate(zip(before, after, strict=True)):
                _diff((*path, index), b, a, rules, out)
            return
    out.append(Change(format_path(path), "changed", before, after))


def _diff_member(path: Path, before: Any, after: Any, rules: ListRules, out: list[Change]) -> None:
    if before is ABSENT and after is ABSENT:
        return
    if before is ABSENT:
        out.append(Change(format_path(path), "added", after=after))
    elif after is ABSENT:
        out.append(Change(format_path(path), "removed", before=before))
    else:
        _diff(path, before, after, rules, out)


def _unique(items: list[Any]) -> list[Any]:
    return list({canonical_json(x): x for x in items}.values())
