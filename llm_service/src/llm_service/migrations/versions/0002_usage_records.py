"""Usage records: tokens and estimated cost of every generation.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dnd_shared.db.migrations import entity_columns

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "usage_records",
        *entity_columns(),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("caller", sa.String(length=80), nullable=False),
        sa.Column("task", sa.String(length=40), nullable=False),
        sa.Column("provider", sa.String(length=40), nullable=False),
        sa.Column("model", sa.String(length=120), nullable=False),
        sa.Column("input_tokens", sa.Integer(), nullable=False),
        sa.Column("output_tokens", sa.Integer(), nullable=False),
        sa.Column("cost_usd", sa.Numeric(precision=14, scale=6), nullable=False),
        sa.Column("cached", sa.Boolean(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_usage_records")),
        schema="llm",
    )
    op.create_index(op.f("ix_usage_records_deleted_at"), "usage_records", ["deleted_at"], schema="llm")
    op.create_index("ix_usage_records_user_id_created_at", "usage_records", ["user_id", "created_at"], schema="llm")


def downgrade() -> None:
    op.drop_index("ix_usage_records_user_id_created_at", table_name="usage_records", schema="llm")
    op.drop_index(op.f("ix_usage_records_deleted_at"), table_name="usage_records", schema="llm")
    op.drop_table("usage_records", schema="llm")
