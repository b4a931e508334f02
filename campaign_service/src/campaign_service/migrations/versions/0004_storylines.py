"""Storylines: branches of the versioned story and their commits.

Revision ID: 0004_storylines
Revises: 0003_domain
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0004_storylines"
down_revision: str | None = "0003_domain"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "story_commit",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("parent_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("document", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_story_commit_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_commit")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_story_commit_campaign_id"), "story_commit", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(op.f("ix_story_commit_deleted_at"), "story_commit", ["deleted_at"], unique=False, schema="campaign")
    op.create_table(
        "storyline",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("head_commit_id", sa.Uuid(), nullable=True),
        sa.Column("checked_out", sa.Boolean(), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_storyline_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_storyline")),
        schema="campaign",
    )
    op.create_index(op.f("ix_storyline_campaign_id"), "storyline", ["campaign_id"], unique=False, schema="campaign")
    op.create_index(op.f("ix_storyline_deleted_at"), "storyline", ["deleted_at"], unique=False, schema="campaign")
    op.create_index(
        "uq_storyline_campaign_name_live",
        "storyline",
        ["campaign_id", "name"],
        unique=True,
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_storyline_campaign_name_live", table_name="storyline", schema="campaign")
    op.drop_index(op.f("ix_storyline_deleted_at"), table_name="storyline", schema="campaign")
    op.drop_index(op.f("ix_storyline_campaign_id"), table_name="storyline", schema="campaign")
    op.drop_table("storyline", schema="campaign")
    op.drop_index(op.f("ix_story_commit_deleted_at"), table_name="story_commit", schema="campaign")
    op.drop_index(op.f("ix_story_commit_campaign_id"), table_name="story_commit", schema="campaign")
    op.drop_table("story_commit", schema="campaign")
