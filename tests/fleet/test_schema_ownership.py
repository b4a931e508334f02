"""One schema per service: every service's tables and Alembic version table live in its own schema,
and no service's tables appear in another's."""

from __future__ import annotations

import importlib

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection

from dnd_shared.fleet import FLEET


def declared_tables(package: str) -> set[tuple[str | None, str]]:
    importlib.import_module(f"{package}.models")
    base = importlib.import_module(f"{package}.db").Base
    return {(table.schema, table.name) for table in base.metadata.tables.values()}


async def test_each_service_has_its_own_schema_and_version_table(db_connection: AsyncConnection) -> None:
    rows = await db_connection.execute(
        text("SELECT table_schema FROM information_schema.tables WHERE table_name = 'alembic_version'")
    )
    assert sorted(r[0] for r in rows) == sorted(spec.name for spec in FLEET)


async def test_tables_live_only_in_their_services_schema(db_connection: AsyncConnection) -> None:
    fleet_schemas = [spec.name for spec in FLEET]
    rows = await db_connection.execute(
        text("SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = ANY(:s)"),
        {"s": fleet_schemas},
    )
    in_database: dict[str, set[str]] = {name: set() for name in fleet_schemas}
    for schema, table in rows:
        in_database[schema].add(table)
    for spec in FLEET:
        declared = declared_tables(spec.package)
        # Every table a service declares is in its own schema...
        assert {schema for schema, _ in declared} <= {spec.name}, spec.name
        # ...and its schema holds exactly its declared tables plus its Alembic version table.
        assert in_database[spec.name] == {name for _, name in declared} | {"alembic_version"}, spec.name
    public = await db_connection.execute(
        text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
    )
    assert public.scalar_one() == 0
