"""The hub outbox of the catalog (content events are staged in the writing transaction).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import MetaData

from dnd_shared.hub.outbox import outbox_table

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    outbox_table(MetaData(schema=op.get_context().version_table_schema)).create(op.get_bind())


def downgrade() -> None:
    outbox_table(MetaData(schema=op.get_context().version_table_schema)).drop(op.get_bind())
