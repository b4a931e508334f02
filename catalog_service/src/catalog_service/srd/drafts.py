"""The shape every content source produces before it is stored: an :class:`EntryDraft`."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def normalize_name(name: str) -> str:
    """Typographic apostrophes (U+2019...) become ASCII ones; whitespace is collapsed."""
    return " ".join(name.translate(_APOSTROPHES).split())


def slugify(name: str) -> str:
    """A stable URL slug: ``"Hunter's Mark"`` -> ``"hunters-mark"``, ``"Armor, +1, +2, or +3"`` -> ``"armor-1-2-or-3"``.
    """
    ascii_name = unicodedata.normalize("NFKD", normalize_name(name)).encode("ascii", "ignore").decode()
    ascii_name = ascii_name.replace("'", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


@dataclass
class EntryDraft:
    """One catalog entry as a content source describes it (SRD adapter, supplements, seed)."""

    type: str
    name: str
    description: str
    mechanics: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    slug: str = ""

    def __post_init__(self) -> None:
        self.name = normalize_name(self.name)
        if not self.slug:
            self.slug = slugify(self.name)
        self.tags = sorted({tag.lower() for tag in self.tags if tag})

    def embedding_text(self) -> str:
        """What the embedder reads: type, name, tags and the start of the description."""
        return embedding_text(self.type, self.name, self.tags, self.description)

    def content_hash(self) -> str:
        """Changes whenever anything stored for this entry changes (drives idempotent reseeding)."""
        payload = json.dumps(
            [self.type, self.slug, self.name, self.description, self.mechanics, self.tags], sort_keys=True
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:32]


def embedding_text(content_type: str, name: str, tags: list[str], description: str, limit: int = 600) -> str:
    """The passage embedded for semantic search (kept short: the model's cost grows with length)."""
    label = content_type.replace("_", " ")
    text = f"{label}: {name}. {', '.join(tags)}. {description}"
    return text[:limit]
