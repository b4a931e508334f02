"""Version control for JSON documents, storage-agnostic: snapshots, commit graph, three-way merge
with field-level conflicts, and diffs with a human summary.

Each service stores its own commits (snapshots of its documents) in its own schema and uses this
package for the logic: the character service versions builds, the campaign service chapters, NPCs,
plots and world state. Nothing here does I/O.
"""

from dnd_shared.versioning.diff import Change, DocumentDiff, Summarizer, describe, diff_documents, generic_summary
from dnd_shared.versioning.graph import ancestors, is_ancestor, merge_base
from dnd_shared.versioning.lists import (
    AsSet,
    ByPosition,
    Keyed,
    ListRules,
    ListStrategy,
    Whole,
    by_fields,
    first_present,
)
from dnd_shared.versioning.merge import ABSENT, Conflict, MergeResult, Resolution, Value, three_way_merge
from dnd_shared.versioning.paths import Path, PathPattern, format_path
from dnd_shared.versioning.snapshot import Snapshot, canonical_json, json_equal, snapshot_digest

__all__ = [
    "ABSENT",
    "AsSet",
    "ByPosition",
    "Change",
    "Conflict",
    "DocumentDiff",
    "Keyed",
    "ListRules",
    "ListStrategy",
    "MergeResult",
    "Path",
    "PathPattern",
    "Resolution",
    "Snapshot",
    "Summarizer",
    "Value",
    "Whole",
    "ancestors",
    "by_fields",
    "canonical_json",
    "describe",
    "diff_documents",
    "first_present",
    "format_path",
    "generic_summary",
    "is_ancestor",
    "json_equal",
    "merge_base",
    "snapshot_digest",
    "three_way_merge",
]
