"""ORM: one table for every content type (``catalog.entries``) and the loaded content releases."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pgvector.sqlalchemy import Vector
from sqlalchemy import Computed, DateTime, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSVECTOR
from sqlalchemy.orm import Mapped, mapped_column

from catalog_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index

#: Dimension of the stored embeddings (multilingual-e5-small and MiniLM-L6 are both 384).
EMBEDDING_DIM = 384

#: The rows search indexes cover (the SRD and anything else listed publicly).
PUBLIC_ROWS = "visibility = 'public' AND deleted_at IS NULL"

#: Full text: name weighs most, then tags, then the description (``setweight`` A > B > C).
SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(tags_text, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')"
)


class CatalogEntry(EntityMixin, Base):
    """A spell, creature, item, feat... from the SRD, a user's homebrew, or a generator."""

    __tablename__ = "entries"

    type: Mapped[str] = mapped_column(String(20), nullable=False)
    slug: Mapped[str] = mapped_column(String(220), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    rules_version: Mapped[str] = mapped_column(String(10), nullable=False, default="2024", server_default="2024")
    source: Mapped[str] = mapped_column(String(20), nullable=False)  # srd-5.2 | homebrew | generated
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    mechanics: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False, default=dict)
    tags: Mapped[list[str]] = mapped_column(ARRAY(String(60)), nullable=False, default=list)
    #: ``tags`` joined by spaces, kept by the repository so the generated tsvector can read it.
    tags_text: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    owner_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    #: public (SRD) | private | link (anyone holding the id) | campaign (members, via the campaign service)
    visibility: Mapped[str] = mapped_column(String(10), nullable=False, default="private")
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(nullable=True)
    root_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("entries.id"), nullable=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("entries.id"), nullable=True)
    #: For adaptations: ``{"theme": ..., "changes": {...}}``.
    adaptation: Mapped[dict[str, Any] | None] = mapped_column(JSONB, nullable=True)
    #: For generated content: ``{"model": ..., "prompt": ..., "provider": ...}``.
    generation: Mapped[dict[str, Any] | None] = mapped_column(JSONB, nullable=True)
    #: Balance verdicts of the last write (homebrew, adaptations, generated content).
    balance: Mapped[dict[str, Any] | None] = mapped_column(JSONB, nullable=True)
    content_hash: Mapped[str | None] = mapped_column(String(32), nullable=True)
    #: Deferred (and raising if touched unloaded): reads never need the 384 floats back.
    embedding: Mapped[Any] = mapped_column(
        Vector(EMBEDDING_DIM), nullable=True, deferred=True, deferred_raiseload=True
    )
    embedding_model: Mapped[str | None] = mapped_column(String(60), nullable=True)
    search_vector: Mapped[Any] = mapped_column(
        TSVECTOR, Computed(SEARCH_VECTOR_SQL, persisted=True), deferred=True, deferred_raiseload=True
    )

    __table_args__ = (
        live_unique_index("uq_entries_type_slug_live", "type", "slug"),
        Index("ix_entries_type_source", "type", "source"),
        Index("ix_entries_owner_id", "owner_id"),
        Index("ix_entries_root_id", "root_id"),
        Index("ix_entries_lower_name", text("lower(name)")),
        # Search indexes cover listed rows only (migration 0004): others' homebrew is never searched.
        Index(
            "ix_entries_public_name_trgm",
            text("lower(name) gin_trgm_ops"),
            postgresql_using="gin",
            postgresql_where=text(PUBLIC_ROWS),
        ),
        Index("ix_entries_public_search_vector", "search_vector", postgresql_using="gin",
              postgresql_where=text(PUBLIC_ROWS)),
        Index("ix_entries_mechanics", "mechanics", postgresql_using="gin",
              postgresql_ops={"mechanics": "jsonb_path_ops"}),
        Index(
            "ix_entries_public_embedding",
            "embedding",
            postgresql_using="hnsw",
            postgresql_ops={"embedding": "vector_cosine_ops"},
            postgresql_where=text(PUBLIC_ROWS),
        ),
    )


class ContentRelease(EntityMixin, Base):
    """Which version of a bundled content set is loaded (the seed is skipped when it matches)."""

    __tablename__ = "content_releases"

    key: Mapped[str] = mapped_column(String(40), nullable=False)  # "srd-5.2"
    content_version: Mapped[str] = mapped_column(String(120), nullable=False)
    entry_count: Mapped[int] = mapped_column(Integer, nullable=False)
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    __table_args__ = (live_unique_index("uq_content_releases_key_live", "key"),)
