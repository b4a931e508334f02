"""Snapshots: a JSON document frozen as canonical text with a content digest.

Two snapshots with the same digest hold the same document, whatever the key order. Storage keeps
the document itself (JSONB, a file, ...); the digest lets it detect an unchanged document and
lets two stores agree on content without comparing it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any


def canonical_json(document: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same document always gives the same text."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def snapshot_digest(document: Any) -> str:
    """SHA-256 (hex) of the canonical JSON."""
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()


def json_equal(a: Any, b: Any) -> bool:
    """Equality of JSON values, where ``true`` is not ``1`` (Python's ``==`` says it is)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(b, dict | list):
        return False
    return bool(a == b)


@dataclass(frozen=True)
class Snapshot:
    """A document and its digest."""

    document: Any
    digest: str

    @classmethod
    def of(cls, document: Any) -> Snapshot:
        """Snapshot ``document`` (it should not be mutated afterwards)."""
        return cls(document, snapshot_digest(document))
