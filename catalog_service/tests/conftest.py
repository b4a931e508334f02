"""Catalog test fixtures: the app (hub included) with a test signing key, and two users.

The SRD content is loaded once per test session by the fleet fixtures (``catalog_service.migrate``
runs the seed right after the schema migrations); every test then runs in a rolled-back transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncConnection

from catalog_service.main import create_app
from dnd_shared.db.engine import Database
from dnd_shared.hub.outbox import OutboxRelay
from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.hub_fixtures import fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity

PREFIX = "/api/v1/catalog"


@dataclass
class CatalogClient:
    """The HTTP client plus signed identity headers for two users (Alice owns, Bob snoops)."""

    http: httpx.AsyncClient
    app: FastAPI
    identity: SignedIdentity
    alice: uuid.UUID
    bob: uuid.UUID
    #: A relay on the test transaction, run by hand (see ``catalog``).
    relay: OutboxRelay

    def as_user(self, user_id: uuid.UUID) -> dict[str, str]:
        return self.identity.headers(user_id)


@pytest.fixture(scope="session")
def signed_identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
async def catalog(
    infra: TestInfra, db_connection: AsyncConnection, redis_client: Redis, signed_identity: SignedIdentity,
    request: pytest.FixtureRequest,
) -> AsyncIterator[CatalogClient]:
    """The app with its lifespan (embedder, hub). Its sessions join the test transaction, except the
    hub's background outbox relay: it gets its own engine (it would otherwise run concurrently on the
    test's single connection); tests relay the outbox by hand with ``catalog.relay``."""
    overrides: dict[str, Any] = getattr(request, "param", {})
    app = create_app()
    for name, value in overrides.items():
        setattr(app.state.settings, name, value)
    signed_identity.install(app)
    database = Database(infra.database_url, app.state.settings.schema_name)
    database.bind_to_connection(db_connection)
    app.state.database = database
    app.state.redis = redis_client
    app.state.hub_settings = fast_hub_settings()
    relay_database = Database(infra.database_url, app.state.settings.schema_name, pool_size=1)
    async with app.router.lifespan_context(app):
        background_relay = app.state.hub.outbox_relay
        background_relay.database = relay_database
        manual_relay = OutboxRelay(database, background_relay.table, redis_client)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield CatalogClient(client, app, signed_identity, uuid.uuid4(), uuid.uuid4(), manual_relay)
    await relay_database.dispose()
    await database.dispose()
