"""Catalog entries (every content type in one table) and content releases.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from pgvector.sqlalchemy import Vector
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, coalesce(name, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(tags_text, '')), 'B') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'C')"
)



def upgrade() -> None:
    op.execute("CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public")
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    op.create_table(
        "entries",
        *entity_columns(),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("slug", sa.String(220), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("rules_version", sa.String(10), server_default="2024", nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("mechanics", postgresql.JSONB(), nullable=False),
        sa.Column("tags", postgresql.ARRAY(sa.String(60)), nullable=False),
        sa.Column("tags_text", sa.Text(), server_default="", nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("visibility", sa.String(10), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("root_id", sa.Uuid(), sa.ForeignKey("entries.id", name="fk_entries_root_id_entries"), nullable=True),
        sa.Column(
            "parent_id", sa.Uuid(), sa.ForeignKey("entries.id", name="fk_entries_parent_id_entries"), nullable=True
        ),
        sa.Column("adaptation", postgresql.JSONB(), nullable=True),
        sa.Column("generation", postgresql.JSONB(), nullable=True),
        sa.Column("balance", postgresql.JSONB(), nullable=True),
        sa.Column("content_hash", sa.String(32), nullable=True),
        sa.Column("embedding", Vector(384), nullable=True),
        sa.Column("embedding_model", sa.String(60), nullable=True),
        sa.Column("search_vector", postgresql.TSVECTOR(), sa.Computed(SEARCH_VECTOR_SQL, persisted=True)),
        sa.PrimaryKeyConstraint("id", name="pk_entries"),
    )
    op.create_index("ix_entries_deleted_at", "entries", ["deleted_at"])
    op.create_index(
        "uq_entries_type_slug_live", "entries", ["type", "slug"], unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_index("ix_entries_type_source", "entries", ["type", "source"])
    op.create_index("ix_entries_owner_id", "entries", ["owner_id"])
    op.create_index("ix_entries_root_id", "entries", ["root_id"])
    op.execute("CREATE INDEX ix_entries_lower_name ON entries (lower(name))")
    op.execute("CREATE INDEX ix_entries_name_trgm ON entries USING gin (lower(name) gin_trgm_ops)")
    op.create_index("ix_entries_search_vector", "entries", ["search_vector"], postgresql_using="gin")
    op.execute("CREATE INDEX ix_entries_mechanics ON entries USING gin (mechanics jsonb_path_ops)")
    op.execute("CREATE INDEX ix_entries_embedding_hnsw ON entries USING hnsw (embedding vector_cosine_ops)")

    op.create_table(
        "content_releases",
        *entity_columns(),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("content_version", sa.String(120), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_content_releases"),
    )
    op.create_index("ix_content_releases_deleted_at", "content_releases", ["deleted_at"])
    op.create_index(
        "uq_content_releases_key_live", "content_releases", ["key"], unique=True,
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_table("content_releases")
    op.drop_table("entries")
