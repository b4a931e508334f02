"""Version control: build commits, branches, the checked-out branch, merge requests, activity log.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None



def character_id() -> sa.Column:  # type: ignore[type-arg]
    # No foreign key to the character row (see versions/models.py); indexed below.
    return sa.Column("character_id", sa.Uuid(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "version_commit",
        *entity_columns(),
        character_id(),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("parents", postgresql.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("branch", sa.String(60), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("message", sa.String(500), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("snapshot", postgresql.JSONB(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
    )
    op.create_index("ix_version_commit_deleted_at", "version_commit", ["deleted_at"])
    op.create_index("ix_version_commit_character_created", "version_commit", ["character_id", "created_at", "id"])

    op.create_table(
        "version_branch",
        *entity_columns(),
        character_id(),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("head_id", sa.Uuid(),
                  sa.ForeignKey("version_commit.id", name="fk_version_branch_head_id_version_commit"), nullable=False),
    )
    op.create_index("ix_version_branch_deleted_at", "version_branch", ["deleted_at"])
    op.create_index("uq_version_branch_character_name", "version_branch", ["character_id", "name"], unique=True,
                    postgresql_where=sa.text("deleted_at IS NULL"))

    op.create_table(
        "version_checkout",
        *entity_columns(),
        character_id(),
        sa.Column("branch", sa.String(60), nullable=False),
    )
    op.create_index("ix_version_checkout_deleted_at", "version_checkout", ["deleted_at"])
    op.create_index("uq_version_checkout_character", "version_checkout", ["character_id"], unique=True,
                    postgresql_where=sa.text("deleted_at IS NULL"))

    op.create_table(
        "version_merge_request",
        *entity_columns(),
        character_id(),
        sa.Column("source", sa.String(60), nullable=False),
        sa.Column("target", sa.String(60), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("source_head_id", sa.Uuid(), nullable=False),
        sa.Column("approved_head_id", sa.Uuid(), nullable=True),
        sa.Column("merged_commit_id", sa.Uuid(), nullable=True),
        sa.Column("reviewers", postgresql.JSONB(), nullable=False),
        sa.Column("comments", postgresql.JSONB(), nullable=False),
        sa.Column("audit", postgresql.JSONB(), nullable=False),
    )
    op.create_index("ix_version_merge_request_deleted_at", "version_merge_request", ["deleted_at"])
    op.create_index("ix_version_merge_request_character_created", "version_merge_request",
                    ["character_id", "created_at", "id"])

    op.create_table(
        "version_activity",
        *entity_columns(),
        character_id(),
        sa.Column("actor_id", sa.Uuid(), nullable=True),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("report", postgresql.JSONB(), nullable=False),
    )
    op.create_index("ix_version_activity_deleted_at", "version_activity", ["deleted_at"])
    op.create_index("ix_version_activity_character_created", "version_activity", ["character_id", "created_at", "id"])


def downgrade() -> None:
    op.drop_table("version_activity")
    op.drop_table("version_merge_request")
    op.drop_table("version_checkout")
    op.drop_table("version_branch")
    op.drop_table("version_commit")
