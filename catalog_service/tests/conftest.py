"""Catalog test fixtures: a client on the app with a test signing key, and two users.

The SRD content is loaded once per test session by the fleet fixtures (``catalog_service.migrate``
runs the seed right after the schema migrations); every test then runs in a rolled-back transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest

from catalog_service.main import create_app
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.identity import SignedIdentity

PREFIX = "/api/v1/catalog"


@dataclass
class CatalogClient:
    """The HTTP client plus signed identity headers for two users (Alice owns, Bob snoops)."""

    http: httpx.AsyncClient
    identity: SignedIdentity
    alice: uuid.UUID
    bob: uuid.UUID

    def as_user(self, user_id: uuid.UUID) -> dict[str, str]:
        return self.identity.headers(user_id)


@pytest.fixture(scope="session")
def signed_identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
async def catalog(service_client: ClientFactory, signed_identity: SignedIdentity) -> AsyncIterator[CatalogClient]:
    def build() -> object:
        app = create_app()
        signed_identity.install(app)
        return app

    async with service_client(build) as client:
        yield CatalogClient(client, signed_identity, uuid.uuid4(), uuid.uuid4())
