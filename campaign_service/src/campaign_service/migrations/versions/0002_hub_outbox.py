"""The hub outbox: events written in the same transaction as the change, relayed after commit.

Revision ID: 0002_hub_outbox
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op
from sqlalchemy import MetaData

from dnd_shared.hub.outbox import outbox_table

revision: str = "0002_hub_outbox"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The same definition the service's models use, bound to this service's schema.
    outbox_table(MetaData(schema=op.get_context().version_table_schema)).create(op.get_bind())


def downgrade() -> None:
    outbox_table(MetaData(schema=op.get_context().version_table_schema)).drop(op.get_bind())
