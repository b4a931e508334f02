"""Fixtures for the concept pipeline tests: the app on its own engine (the job runs in a background task
beside the requests) with a test signing key."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from character_service.main import create_app
from dnd_shared.testing.identity import SignedIdentity


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
def alice(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
def bob(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
async def live_api(infra: Any, app_factory: Callable[[], FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    """The app with its lifespan (job runner, hub) on a committing engine; its concept jobs are deleted
    afterwards (the draft characters belong to throwaway users)."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    app = app_factory()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://live") as client:
            created: list[uuid.UUID] = []

            async def remember(response: httpx.Response) -> None:
                if response.request.url.path.endswith("/concepts") and response.status_code == 202:
                    await response.aread()
                    created.append(uuid.UUID(response.json()["id"]))

            client.event_hooks["response"].append(remember)
            try:
                yield client
            finally:
                engine = create_async_engine(infra.database_url)
                async with engine.begin() as connection:
                    await connection.execute(text('DELETE FROM "character".concept_job WHERE id = ANY(:ids)'),
                                             {"ids": created})
                await engine.dispose()


@pytest.fixture
def finished() -> Callable[..., Any]:
    """``await finished(client, headers, job_id)``: the job once it succeeded or failed."""
    return finished_job


async def finished_job(client: httpx.AsyncClient, headers: dict[str, str], job_id: str,
                       timeout: float = 20.0) -> dict[str, Any]:
    """Poll the job until it succeeds or fails."""
    import asyncio

    waited = 0.0
    while waited < timeout:
        response = await client.get(f"/api/v1/characters/concepts/{job_id}", headers=headers)
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        if body["status"] in ("succeeded", "failed"):
            return body
        await asyncio.sleep(0.05)
        waited += 0.05
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")
