"""Characters: build and play state documents.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None



def upgrade() -> None:
    op.create_table(
        "character",
        *entity_columns(),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("rules_version", sa.String(8), nullable=False),
        sa.Column("build", postgresql.JSONB(), nullable=False),
        sa.Column("state", postgresql.JSONB(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_character"),
    )
    op.create_index("ix_character_deleted_at", "character", ["deleted_at"])
    op.create_index("ix_character_owner_created", "character", ["owner_id", "created_at", "id"])
    op.create_index("ix_character_build_gin", "character", ["build"], postgresql_using="gin",
                    postgresql_ops={"build": "jsonb_path_ops"})


def downgrade() -> None:
    op.drop_table("character")
