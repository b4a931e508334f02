"""Concept jobs (concept-to-character pipeline).

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "concept_job",
        *entity_columns(),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("request", postgresql.JSONB(), nullable=False),
        sa.Column("progress", postgresql.JSONB(), nullable=False),
        sa.Column("character_id", sa.Uuid(), nullable=True),
        sa.Column("explanation", postgresql.JSONB(), nullable=False),
        sa.Column("errors", postgresql.JSONB(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_concept_job"),
    )
    op.create_index("ix_concept_job_deleted_at", "concept_job", ["deleted_at"])
    op.create_index("ix_concept_job_owner_created", "concept_job", ["owner_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_table("concept_job")
