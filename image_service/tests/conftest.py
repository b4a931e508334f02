"""Fixtures of the image service's tests: the app on the real PostgreSQL and Redis (inside the
test's rolled-back transaction), a signed identity, a private asset directory, and the job worker
driven by hand (``await app.state.job_worker.run_once()``)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncConnection

from dnd_shared.db.engine import Database
from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.hub_fixtures import fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity
from image_service.main import create_app


@dataclass
class ImageApp:
    app: FastAPI
    client: httpx.AsyncClient
    identity: SignedIdentity

    def headers(self, user_id: uuid.UUID, *, roles: tuple[str, ...] = ("player",)) -> dict[str, str]:
        return self.identity.headers(user_id, roles=roles)

    async def run_jobs(self) -> list[Any]:
        """Run every runnable job now; the outcomes in order."""
        outcomes = []
        while (outcome := await self.app.state.job_worker.run_once()) is not None:
            outcomes.append(outcome)
        return outcomes


ImageAppFactory = Callable[..., AbstractAsyncContextManager[ImageApp]]


@pytest.fixture
def image_app(infra: TestInfra, db_connection: AsyncConnection, redis_client: Redis, tmp_path: Path) -> ImageAppFactory:
    """``async with image_app(**settings) as env:`` — the app with its lifespan (hub included)."""

    @asynccontextmanager
    async def open_app(*, getimg_transport: Any = None, **overrides: Any) -> AsyncIterator[ImageApp]:
        app = create_app()
        settings = app.state.settings
        settings.job_worker_enabled = False
        settings.assets_dir = tmp_path / "assets"
        for name, value in overrides.items():
            setattr(settings, name, value)
        database = Database(infra.database_url, settings.schema_name)
        database.bind_to_connection(db_connection)
        app.state.database = database
        app.state.redis = redis_client
        app.state.hub_settings = fast_hub_settings()
        identity = SignedIdentity()
        identity.install(app)
        async with app.router.lifespan_context(app):
            app.state.job_worker.getimg_transport = getimg_transport
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                yield ImageApp(app, client, identity)
        await database.dispose()

    return open_app


@pytest.fixture
def owner() -> uuid.UUID:
    return uuid.uuid4()


@pytest.fixture
def stranger() -> uuid.UUID:
    return uuid.uuid4()
