"""Generation jobs may add a version to an existing image (``target_asset_id``).

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("generation_jobs", sa.Column("target_asset_id", sa.Uuid(), nullable=True), schema="image")
    op.create_foreign_key(
        op.f("fk_generation_jobs_target_asset_id_assets"),
        "generation_jobs",
        "assets",
        ["target_asset_id"],
        ["id"],
        source_schema="image",
        referent_schema="image",
    )


def downgrade() -> None:
    op.drop_constraint(
        op.f("fk_generation_jobs_target_asset_id_assets"), "generation_jobs", schema="image", type_="foreignkey"
    )
    op.drop_column("generation_jobs", "target_asset_id", schema="image")
