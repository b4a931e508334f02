"""One async engine per service, sessions scoped to a request, the schema on the search path.

Services never commit: the request-scoped session dependency commits once when the handler
returns, and rolls back when it raises.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import text
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


class Database:
    """The engine and session factory of one service, bound to its own schema."""

    def __init__(self, url: str, schema: str, *, pool_size: int = 5, echo: bool = False) -> None:
        self.schema = schema
        self.engine: AsyncEngine = create_async_engine(
            url,
            pool_size=pool_size,
            max_overflow=pool_size,
            # No pre-ping: it costs a round trip on every checkout (about half of a simple read here).
            # A connection broken by a database restart fails its one request with a 503
            # (dnd_shared.errors) and is dropped from the pool.
            pool_pre_ping=False,
            echo=echo,
            connect_args={"server_settings": {"search_path": f"{schema},public"}},
        )
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)
        # Reads that need no transaction: autocommit saves the BEGIN and COMMIT round trips.
        self.read_sessionmaker = async_sessionmaker(
            self.engine.execution_options(isolation_level="AUTOCOMMIT"), expire_on_commit=False, autoflush=False
        )

    def bind_to_connection(self, connection: AsyncConnection) -> None:
        """Test hook: every session joins ``connection``'s transaction through savepoints, so code
        that commits stays inside the test's outer transaction, which is rolled back afterwards."""
        self.sessionmaker = async_sessionmaker(
            bind=connection,
            expire_on_commit=False,
            autoflush=False,
            join_transaction_mode="create_savepoint",
        )
        self.read_sessionmaker = self.sessionmaker

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A unit of work: commits on success, rolls back on any exception."""
        async with self.sessionmaker() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    @asynccontextmanager
    async def read_session(self) -> AsyncIterator[AsyncSession]:
        """A session for single-statement reads: no transaction, nothing to commit (writes are refused
        by design: use :meth:`session`)."""
        async with self.read_sessionmaker() as session:
            yield session

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()


def get_database(request: Request) -> Database:
    database: Any = request.app.state.database
    assert isinstance(database, Database)
    return database


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """Request-scoped session: one transaction per request, committed when the handler returns."""
    async with get_database(request).session() as session:
        yield session


# scope="function": the unit of work commits when the handler returns, BEFORE the response is sent.
# FastAPI's default ("request") would commit after the client already has its 201, so a client's
# next request could miss the row it just created, and a failing commit could follow a success.
async def get_read_session(request: Request) -> AsyncIterator[AsyncSession]:
    """Request-scoped read-only session (autocommit, no BEGIN/COMMIT): for hot GET routes that run one
    query. Routes that write, or read several rows that must agree, use :data:`SessionDep`."""
    async with get_database(request).read_session() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
ReadSessionDep = Annotated[AsyncSession, Depends(get_read_session, scope="function")]
