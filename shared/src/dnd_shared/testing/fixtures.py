"""The fleet's pytest fixtures: one real PostgreSQL and one real Redis per test session, every
service's migrations applied, each test inside a transaction rolled back at the end, and an
httpx client on a service's ASGI app whose sessions join that transaction through savepoints.

Enable with ``pytest_plugins = ["dnd_shared.testing.fixtures"]`` in the root ``conftest.py``.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, create_async_engine

from dnd_shared.db.engine import Database
from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, free_port, remove_tree
from dnd_shared.fleet import FLEET
from dnd_shared.redis_client import create_redis

TEST_DATABASE = "dnd_test"


@dataclass(frozen=True)
class TestInfra:
    __test__ = False  # not a test class, despite the name

    database_url: str
    redis_url: str
    postgres: EmbeddedPostgres
    redis: EmbeddedRedis


def apply_fleet_migrations(database_url: str) -> list[str]:
    """Run ``<package>.migrate.upgrade`` for every fleet service installed here."""
    applied = []
    for spec in FLEET:
        if importlib.util.find_spec(spec.package) is None:
            continue
        module = importlib.import_module(f"{spec.package}.migrate")
        module.upgrade(database_url)
        applied.append(spec.name)
    return applied


@pytest.fixture(scope="session")
def infra() -> Iterator[TestInfra]:
    """A private PostgreSQL and Redis on free ports in a temporary directory, for this session."""
    root = Path(tempfile.mkdtemp(prefix="dnd-test-"))
    os.chmod(root, 0o755)
    postgres = EmbeddedPostgres(root / "pg", free_port(), root / "log" / "postgres.log")
    redis = EmbeddedRedis(root / "redis", free_port(), root / "log" / "redis.log", persistent=False)
    postgres.start()
    try:
        redis.start()
        postgres.ensure_database(TEST_DATABASE)
        postgres.ensure_extensions(TEST_DATABASE)
        database_url = postgres.url(TEST_DATABASE)
        os.environ["DND_ENV"] = "test"
        os.environ["DND_DATABASE_URL"] = database_url
        os.environ["DND_REDIS_URL"] = redis.url
        apply_fleet_migrations(database_url)
        yield TestInfra(database_url, redis.url, postgres, redis)
    finally:
        redis.stop()
        postgres.stop()
        remove_tree(root)


@pytest.fixture(scope="session")
async def db_engine(infra: TestInfra) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(infra.database_url, pool_size=2)
    yield engine
    await engine.dispose()


@pytest.fixture
async def db_connection(db_engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """A connection inside an outer transaction that is rolled back after the test."""
    async with db_engine.connect() as connection:
        transaction = await connection.begin()
        try:
            yield connection
        finally:
            if transaction.is_active:
                await transaction.rollback()


@pytest.fixture
async def db_session(db_connection: AsyncConnection) -> AsyncIterator[AsyncSession]:
    """A session whose commits become savepoints of the test's transaction."""
    session = AsyncSession(bind=db_connection, expire_on_commit=False, join_transaction_mode="create_savepoint")
    try:
        yield session
    finally:
        await session.close()


@pytest.fixture
async def redis_client(infra: TestInfra) -> AsyncIterator[Redis]:
    """A Redis client on the session's server, emptied after the test."""
    client = create_redis(infra.redis_url)
    try:
        yield client
    finally:
        await client.flushdb()
        await client.aclose()


AppFactory = Callable[..., FastAPI]
ClientFactory = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def service_client(infra: TestInfra, db_connection: AsyncConnection, redis_client: Redis) -> ClientFactory:
    """``async with service_client(create_app) as client:`` — the app's lifespan runs, its database
    sessions join the test transaction, its Redis is the session's server."""

    @asynccontextmanager
    async def open_client(create_app: AppFactory, **settings_overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app()
        settings = app.state.settings
        for name, value in settings_overrides.items():
            setattr(settings, name, value)
        database = Database(infra.database_url, settings.schema_name)
        database.bind_to_connection(db_connection)
        app.state.database = database
        app.state.redis = redis_client
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                yield client
        await database.dispose()

    return open_client
