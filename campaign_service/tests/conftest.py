"""Campaign test fixtures: the app (hub included) with a test signing key, and a character service
played by a hub instance with a real ``character.get_summary`` handler."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncConnection

from campaign_service.main import create_app
from campaign_service.testing.table import Table, character_router
from dnd_shared.db.engine import Database
from dnd_shared.hub.outbox import OutboxRelay
from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.hub_fixtures import HubFactory, fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity


@pytest.fixture(scope="session")
def signed_identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
async def bare_table(infra: TestInfra, db_connection: AsyncConnection, redis_client: Redis,
                     signed_identity: SignedIdentity) -> AsyncIterator[Table]:
    """The app with its lifespan and hub; no other service on the hub. Its sessions join the test
    transaction, except the hub's background outbox relay (its own engine: it would otherwise run
    concurrently on the test's single connection); tests relay the outbox by hand with ``table.relay``."""
    app = create_app()
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
            yield Table(client, app, signed_identity, manual_relay)
    await relay_database.dispose()
    await database.dispose()


@pytest.fixture
async def table(bare_table: Table, hub_instance: HubFactory) -> AsyncIterator[Table]:
    """:func:`bare_table` with a character service on the hub."""
    async with hub_instance("character", character_router(bare_table)):
        yield bare_table
