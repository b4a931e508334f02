"""Fixtures of the llm service's tests: the app on the real PostgreSQL and Redis (inside the test's
rolled-back transaction) with its hub, a signed identity, and the scripted fake LLM server that the
real OpenAI and Anthropic SDKs talk to."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncConnection

from dnd_shared.db.engine import Database
from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.hub_fixtures import fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity
from llm_service.main import create_app
from llm_service.testing.app import LlmApp, LlmAppFactory
from llm_service.testing.fake_llm_server import FakeLLMServer


@pytest.fixture(scope="session")
def fake_server() -> Iterator[FakeLLMServer]:
    """One scripted server for the session."""
    server = FakeLLMServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fake_llm(fake_server: FakeLLMServer) -> FakeLLMServer:
    """The scripted server, reset for this test."""
    fake_server.reset()
    return fake_server


@pytest.fixture
def llm_app(infra: TestInfra, db_connection: AsyncConnection, redis_client: Redis) -> LlmAppFactory:
    """``async with llm_app(provider_order=[...], ...) as env:`` — the app with its lifespan (hub
    included), settings overridden before the provider chain is built."""

    @asynccontextmanager
    async def open_app(**overrides: Any) -> AsyncIterator[LlmApp]:
        app = create_app()
        settings = app.state.settings
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
            transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                yield LlmApp(app, client, identity)
        await database.dispose()

    return open_app
