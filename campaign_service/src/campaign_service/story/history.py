"""Entity history: a revision is the document after each change, with a content digest."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def document_digest(document: Any) -> str:
    """SHA-256 of the document's canonical JSON (sorted keys, no spaces)."""
    canonical = json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
