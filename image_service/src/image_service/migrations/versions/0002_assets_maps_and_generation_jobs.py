"""Assets and their versions, maps, and generation jobs.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assets",
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("visibility", sa.String(length=10), nullable=False),
        sa.Column("shared_with", sa.ARRAY(sa.Uuid()), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        *entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assets")),
        schema="image",
    )
    op.create_index(op.f("ix_assets_deleted_at"), "assets", ["deleted_at"], unique=False, schema="image")
    op.create_index(op.f("ix_assets_owner_id"), "assets", ["owner_id"], unique=False, schema="image")
    op.create_index("ix_assets_owner_kind", "assets", ["owner_id", "kind"], unique=False, schema="image")
    op.create_table(
        "asset_versions",
        sa.Column("asset_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("storage_key", sa.String(length=300), nullable=False),
        sa.Column("content_type", sa.String(length=60), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=30), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(["asset_id"], ["image.assets.id"], name=op.f("fk_asset_versions_asset_id_assets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asset_versions")),
        schema="image",
    )
    op.create_index(op.f("ix_asset_versions_asset_id"), "asset_versions", ["asset_id"], unique=False, schema="image")
    op.create_index(
        op.f("ix_asset_versions_deleted_at"), "asset_versions", ["deleted_at"], unique=False, schema="image"
    )
    op.create_index(
        "uq_asset_versions_asset_number", "asset_versions", ["asset_id", "number"], unique=True, schema="image"
    )
    op.create_table(
        "generation_jobs",
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("provider", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("spec", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("prompt", sa.Text(), nullable=False),
        sa.Column("character_id", sa.Uuid(), nullable=True),
        sa.Column("asset_id", sa.Uuid(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error_code", sa.String(length=60), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        *entity_columns(),
        sa.ForeignKeyConstraint(["asset_id"], ["image.assets.id"], name=op.f("fk_generation_jobs_asset_id_assets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_generation_jobs")),
        schema="image",
    )
    op.create_index(
        op.f("ix_generation_jobs_deleted_at"), "generation_jobs", ["deleted_at"], unique=False, schema="image"
    )
    op.create_index(
        "ix_generation_jobs_open",
        "generation_jobs",
        ["created_at"],
        unique=False,
        schema="image",
        postgresql_where=sa.text("status IN ('pending', 'running')"),
    )
    op.create_index(op.f("ix_generation_jobs_owner_id"), "generation_jobs", ["owner_id"], unique=False, schema="image")
    op.create_table(
        "maps",
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("theme", sa.String(length=20), nullable=False),
        sa.Column("layout", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("png_asset_id", sa.Uuid(), nullable=False),
        sa.Column("svg_asset_id", sa.Uuid(), nullable=False),
        sa.Column("visibility", sa.String(length=10), nullable=False),
        sa.Column("shared_with", sa.ARRAY(sa.Uuid()), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(["png_asset_id"], ["image.assets.id"], name=op.f("fk_maps_png_asset_id_assets")),
        sa.ForeignKeyConstraint(["svg_asset_id"], ["image.assets.id"], name=op.f("fk_maps_svg_asset_id_assets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_maps")),
        schema="image",
    )
    op.create_index(op.f("ix_maps_deleted_at"), "maps", ["deleted_at"], unique=False, schema="image")
    op.create_index(op.f("ix_maps_owner_id"), "maps", ["owner_id"], unique=False, schema="image")


def downgrade() -> None:
    op.drop_index(op.f("ix_maps_owner_id"), table_name="maps", schema="image")
    op.drop_index(op.f("ix_maps_deleted_at"), table_name="maps", schema="image")
    op.drop_table("maps", schema="image")
    op.drop_index(op.f("ix_generation_jobs_owner_id"), table_name="generation_jobs", schema="image")
    op.drop_index(
        "ix_generation_jobs_open",
        table_name="generation_jobs",
        schema="image",
        postgresql_where=sa.text("status IN ('pending', 'running')"),
    )
    op.drop_index(op.f("ix_generation_jobs_deleted_at"), table_name="generation_jobs", schema="image")
    op.drop_table("generation_jobs", schema="image")
    op.drop_index("uq_asset_versions_asset_number", table_name="asset_versions", schema="image")
    op.drop_index(op.f("ix_asset_versions_deleted_at"), table_name="asset_versions", schema="image")
    op.drop_index(op.f("ix_asset_versions_asset_id"), table_name="asset_versions", schema="image")
    op.drop_table("asset_versions", schema="image")
    op.drop_index("ix_assets_owner_kind", table_name="assets", schema="image")
    op.drop_index(op.f("ix_assets_owner_id"), table_name="assets", schema="image")
    op.drop_index(op.f("ix_assets_deleted_at"), table_name="assets", schema="image")
    op.drop_table("assets", schema="image")
