"""Images and maps can be shared with a campaign (``campaign_id``).

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("assets", "maps"):
        op.add_column(table, sa.Column("campaign_id", sa.Uuid(), nullable=True), schema="image")
        op.create_index(op.f(f"ix_{table}_campaign_id"), table, ["campaign_id"], unique=False, schema="image")


def downgrade() -> None:
    for table in ("assets", "maps"):
        op.drop_index(op.f(f"ix_{table}_campaign_id"), table_name=table, schema="image")
        op.drop_column(table, "campaign_id", schema="image")
