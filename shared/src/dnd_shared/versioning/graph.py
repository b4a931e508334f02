"""The commit graph, storage-agnostic: ancestry and merge bases over a parent map.

A store loads ``{commit_id: parent_ids}`` for the commits it needs (e.g. the ancestry of two heads
through a recursive query) and asks these functions; ids are any hashable value.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

IdT = TypeVar("IdT", bound=Hashable)


def ancestors(parents: Mapping[IdT, Sequence[IdT]], start: IdT) -> dict[IdT, int]:
    """Every commit reachable from ``start`` (itself included) with its distance from it."""
    distance: dict[IdT, int] = {start: 0}
    queue: deque[IdT] = deque([start])
    while queue:
        current = queue.popleft()
        for parent in parents.get(current, ()):
            if parent not in distance:
                distance[parent] = distance[current] + 1
                queue.append(parent)
    return distance


def is_ancestor(parents: Mapping[IdT, Sequence[IdT]], ancestor: IdT, descendant: IdT) -> bool:
    """Whether ``ancestor`` is reachable from ``descendant`` (a commit is its own ancestor)."""
    return ancestor in ancestors(parents, descendant)


def merge_base(parents: Mapping[IdT, Sequence[IdT]], a: IdT, b: IdT) -> IdT | None:
    """The best common ancestor of ``a`` and ``b``: one that no other common ancestor descends
    from, the nearest to the two heads when there are several (criss-cross merges). None when the
    histories are unrelated."""
    from_a, from_b = ancestors(parents, a), ancestors(parents, b)
    common = [c for c in from_a if c in from_b]
    if not common:
        return None
    # The common ancestors are closed under ancestry, so one that is an ancestor of another common
    # ancestor is the parent of a common ancestor: those are the redundant ones.
    common_set = set(common)
    redundant = {parent for commit in common for parent in parents.get(commit, ()) if parent in common_set}
    best = [c for c in common if c not in redundant]
    return min(best, key=lambda c: (from_a[c] + from_b[c], repr(c)))
