"""50 parallel damage/heal requests on one character end with exactly the right HP (row lock)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx

from dnd_shared.testing.identity import SignedIdentity

BASE = "/api/v1/characters"


async def test_fifty_parallel_play_operations_lose_nothing(
    live_api: httpx.AsyncClient, identity: SignedIdentity, fighter_build: dict[str, Any]
) -> None:
    headers = identity.headers(uuid.uuid4())
    cid = (await live_api.post(BASE, json=fighter_build, headers=headers)).json()["id"]
    # Start at 27 of 54 HP: 25 hits of 1 and 25 heals of 1 in ANY order stay within 2..52, so no step
    # is clipped at 0 or at the maximum and the end result is exact.
    await live_api.post(f"{BASE}/{cid}/damage", json={"amount": 27, "type": "fire"}, headers=headers)
    operations = []
    for i in range(50):
        if i % 2 == 0:
            operations.append(live_api.post(f"{BASE}/{cid}/damage", json={"amount": 1, "type": "cold"},
                                            headers=headers))
        else:
            operations.append(live_api.post(f"{BASE}/{cid}/heal", json={"amount": 1}, headers=headers))
    responses = await asyncio.gather(*operations)
    assert [r.status_code for r in responses] == [200] * 50
    final = (await live_api.get(f"{BASE}/{cid}", headers=headers)).json()
    # 25 x -1 and 25 x +1 from 27 -> 27; every operation bumped the version once.
    assert final["sheet"]["hit_points"]["current"] == 27
    assert final["version"] == 2 + 50
