"""50 parallel damage/heal requests on one character end with exactly the right HP.

This test needs real concurrency, so the app gets its own engine on the test database instead of
the rolled-back test transaction; it deletes what it created at the end.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.identity import SignedIdentity

BASE = "/api/v1/characters"


async def test_fifty_parallel_play_operations_lose_nothing(
    infra: TestInfra, app_factory: Callable[[], FastAPI], identity: SignedIdentity, fighter_build: dict[str, Any]
) -> None:
    app = app_factory()
    app.state.settings.database_pool_size = 20
    headers = identity.headers(uuid.uuid4())
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as api:
            created = await api.post(BASE, json=fighter_build, headers=headers)
            cid = created.json()["id"]
            try:
                # Start at 30 HP so neither 0 nor the maximum (54) clips any step.
                await api.post(f"{BASE}/{cid}/damage", json={"amount": 24, "type": "fire"}, headers=headers)
                operations = []
                for i in range(50):
                    if i % 2 == 0:
                        operations.append(api.post(f"{BASE}/{cid}/damage", json={"amount": 3, "type": "cold"},
                                                   headers=headers))
                    else:
                        operations.append(api.post(f"{BASE}/{cid}/heal", json={"amount": 2}, headers=headers))
                responses = await asyncio.gather(*operations)
                assert [r.status_code for r in responses] == [200] * 50
                final = (await api.get(f"{BASE}/{cid}", headers=headers)).json()
                # 25 x -3 and 25 x +2 from 30 -> 5; every operation bumped the version once.
                assert final["sheet"]["hit_points"]["current"] == 30 - 75 + 50
                assert final["version"] == 2 + 50
            finally:
                engine = create_async_engine(infra.database_url)
                async with engine.begin() as connection:
                    await connection.execute(text('DELETE FROM "character"."character" WHERE id = :id'), {"id": cid})
                await engine.dispose()
