"""Campaign links: which campaigns a character is attached to (from the campaign service's events).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from dnd_shared.db.migrations import entity_columns

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaign_link",
        *entity_columns(),
        sa.Column("character_id", sa.Uuid(),
                  sa.ForeignKey("character.id", name="fk_campaign_link_character_id_character"), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_campaign_link"),
    )
    op.create_index("ix_campaign_link_deleted_at", "campaign_link", ["deleted_at"])
    op.create_index("uq_campaign_link_character_campaign", "campaign_link", ["character_id", "campaign_id"],
                    unique=True, postgresql_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_table("campaign_link")
