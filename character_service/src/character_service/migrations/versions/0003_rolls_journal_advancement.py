"""Roll log, journal entries, and the character's advancement mode.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None



def upgrade() -> None:
    op.add_column("character", sa.Column("advancement", sa.String(16), server_default="xp", nullable=False))
    op.add_column("character", sa.Column("milestone_level", sa.Integer(), nullable=True))
    op.create_table(
        "roll",
        *entity_columns(),
        sa.Column("character_id", sa.Uuid(), sa.ForeignKey("character.id", name="fk_roll_character_id_character"),
                  nullable=False),
        sa.Column("roller_id", sa.Uuid(), nullable=False),
        sa.Column("request", sa.String(200), nullable=False),
        sa.Column("expression", sa.String(200), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("details", postgresql.JSONB(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_roll"),
    )
    op.create_index("ix_roll_deleted_at", "roll", ["deleted_at"])
    op.create_index("ix_roll_character_created", "roll", ["character_id", "created_at", "id"])
    op.create_table(
        "journal_entry",
        *entity_columns(),
        sa.Column("character_id", sa.Uuid(),
                  sa.ForeignKey("character.id", name="fk_journal_entry_character_id_character"), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", postgresql.JSONB(), nullable=False),
        sa.Column("data", postgresql.JSONB(), nullable=False),
        sa.Column("source_event_id", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_journal_entry"),
    )
    op.create_index("ix_journal_entry_deleted_at", "journal_entry", ["deleted_at"])
    op.create_index("ix_journal_entry_character_created", "journal_entry", ["character_id", "created_at", "id"])
    op.create_index("uq_journal_entry_source_event", "journal_entry", ["character_id", "source_event_id"],
                    unique=True, postgresql_where=sa.text("source_event_id IS NOT NULL AND deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_table("journal_entry")
    op.drop_table("roll")
    op.drop_column("character", "milestone_level")
    op.drop_column("character", "advancement")
