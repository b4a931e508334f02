"""Per-service Alembic: every table and the version table live in the service's own schema.

Each service keeps its migrations inside its package (``<package>/migrations``) so wheels and
containers carry them; ``<package>/migrate.py`` calls :func:`upgrade_to_head` and the service's
``migrations/env.py`` calls :func:`run_env`.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command, context
from alembic.config import Config
from sqlalchemy import MetaData, text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine


def entity_columns() -> list[sa.Column[Any]]:
    """The columns of :class:`dnd_shared.db.base.EntityMixin` for an ``op.create_table`` in a migration
    (UUID id, created/updated/deleted timestamps, version). Pair it with an ``ix_<table>_deleted_at`` index."""
    return [
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    ]


def alembic_config(migrations_dir: Path, database_url: str, schema: str) -> Config:
    """An Alembic config built in code (no ini file needed at run time)."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    config.attributes["schema"] = schema
    return config


def upgrade_to_head(migrations_dir: Path, database_url: str, schema: str) -> None:
    """Apply every migration of one service (idempotent)."""
    command.upgrade(alembic_config(migrations_dir, database_url, schema), "head")


def _configure_and_run(connection: Connection, metadata: MetaData, schema: str) -> None:
    connection.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
    connection.execute(text(f'SET search_path TO "{schema}", public'))
    connection.commit()

    def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
        # Autogenerate looks at this service's schema only.
        table_schema = getattr(obj, "schema", None) if type_ == "table" else schema
        return table_schema in (None, schema)

    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table_schema=schema,
        include_schemas=False,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_env(metadata: MetaData, schema: str, default_url: str) -> None:
    """Body of a service's ``migrations/env.py`` (online mode, asyncpg). ``default_url`` (from the
    service's settings) is used when Alembic runs from its CLI rather than ``<package>.migrate``."""
    config = context.config
    url = config.get_main_option("sqlalchemy.url") or default_url
    schema = config.attributes.get("schema", schema)

    async def run() -> None:
        engine = create_async_engine(url)
        try:
            async with engine.connect() as connection:
                await connection.run_sync(_configure_and_run, metadata, schema)
                await connection.commit()
        finally:
            await engine.dispose()

    asyncio.run(run())
