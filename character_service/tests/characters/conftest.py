"""Fixtures for the character API tests: the app with a test signing key, and example builds."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from character_service.main import create_app
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.identity import SignedIdentity

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
def app_factory(identity: SignedIdentity) -> Callable[[], FastAPI]:
    def factory() -> FastAPI:
        app = create_app()
        identity.install(app)
        return app

    return factory


@pytest.fixture
async def api(service_client: ClientFactory, app_factory: Callable[[], FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    async with service_client(app_factory) as client:
        yield client


@pytest.fixture
def alice(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
def bob(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
def admin(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4(), roles=("player", "admin"))


def example_build(name: str) -> dict[str, Any]:
    """An example build file without its ``state`` block."""
    document = json.loads((EXAMPLES / f"{name}.json").read_text())
    document.pop("state", None)
    return copy.deepcopy(document)


@pytest.fixture
def fighter_build() -> dict[str, Any]:
    return example_build("fighter_dwarf_5")


@pytest.fixture
def wizard_build() -> dict[str, Any]:
    return example_build("wizard_elf_3")


@pytest.fixture
async def live_api(infra: Any, app_factory: Callable[[], FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    """The app on its own engine (committing for real), for tests with concurrent requests or hub
    handlers running beside requests; every character created through it is deleted afterwards."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    app = app_factory()
    app.state.settings.database_pool_size = 20
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://live") as client:
            created: list[str] = []

            async def remember(response: httpx.Response) -> None:
                if response.request.method == "POST" and response.status_code == 201:
                    await response.aread()
                    body = response.json()
                    if isinstance(body, dict) and "build" in body and "id" in body:
                        created.append(body["id"])

            client.event_hooks["response"].append(remember)
            try:
                yield client
            finally:
                engine = create_async_engine(infra.database_url)
                async with engine.begin() as connection:
                    for table in ("journal_entry", "roll", "campaign_link"):
                        await connection.execute(
                            text(f'DELETE FROM "character".{table} WHERE character_id = ANY(:ids)'),
                            {"ids": [uuid.UUID(i) for i in created]},
                        )
                    await connection.execute(
                        text('DELETE FROM "character"."character" WHERE id = ANY(:ids)'),
                        {"ids": [uuid.UUID(i) for i in created]},
                    )
                await engine.dispose()
