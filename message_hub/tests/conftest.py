"""Fixtures of the message hub's tests: the app with a test signing key, fast timings."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.hub_fixtures import fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity
from message_hub.main import create_app


@pytest.fixture(scope="session")
def identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
def admin_headers(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4(), roles={"admin"})


@pytest.fixture
def player_headers(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4(), roles={"player"})


@pytest.fixture
async def hub_app(
    service_client: ClientFactory, identity: SignedIdentity
) -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    holder: dict[str, FastAPI] = {}

    def factory() -> FastAPI:
        app = create_app()
        identity.install(app)
        app.state.hub_settings = fast_hub_settings()
        holder["app"] = app
        return app

    async with service_client(factory, probe_interval=0.2, reaper_interval=0.2, metrics_interval=0.2) as client:
        yield client, holder["app"]


@pytest.fixture
async def hub_client(hub_app: tuple[httpx.AsyncClient, FastAPI]) -> httpx.AsyncClient:
    return hub_app[0]
