"""Baseline: the ``auth`` schema itself (created by the env before this runs).

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The schema and this service's alembic_version table are created by the environment;
    # domain tables arrive with their own revisions.
    pass


def downgrade() -> None:
    pass
