"""Search indexes over the listed (public) entries only; a user's own entries go by ``owner_id``.

Homebrew of other users is never searched, so the ANN (HNSW), trigram and full-text indexes cover
just ``visibility = 'public'`` live rows; searches for a signed-in user add their own rows through
the ``owner_id`` index. With 100,000 private homebrew rows this keeps every channel on small sets.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PUBLIC = "WHERE visibility = 'public' AND deleted_at IS NULL"


def upgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_entries_embedding_hnsw")
    op.execute("DROP INDEX IF EXISTS ix_entries_name_trgm")
    op.execute("DROP INDEX IF EXISTS ix_entries_search_vector")
    op.execute(f"CREATE INDEX ix_entries_public_embedding ON entries USING hnsw (embedding vector_cosine_ops) {PUBLIC}")
    op.execute(f"CREATE INDEX ix_entries_public_name_trgm ON entries USING gin (lower(name) gin_trgm_ops) {PUBLIC}")
    op.execute(f"CREATE INDEX ix_entries_public_search_vector ON entries USING gin (search_vector) {PUBLIC}")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_entries_public_embedding")
    op.execute("DROP INDEX IF EXISTS ix_entries_public_name_trgm")
    op.execute("DROP INDEX IF EXISTS ix_entries_public_search_vector")
    op.execute("CREATE INDEX ix_entries_embedding_hnsw ON entries USING hnsw (embedding vector_cosine_ops)")
    op.execute("CREATE INDEX ix_entries_name_trgm ON entries USING gin (lower(name) gin_trgm_ops)")
    op.execute("CREATE INDEX ix_entries_search_vector ON entries USING gin (search_vector)")
