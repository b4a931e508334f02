"""The campaign side, through the real hub: attaching a character gives its campaign's DM read and
play access (and nothing more); a closed session becomes journal entries, XP, relationships and a
milestone on each attending character exactly once, however often the event is delivered.

The campaign service is played by a hub instance named ``campaign`` with a real
``campaign.membership`` handler and real events on the real Redis.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from dnd_shared.contracts.campaign import (
    AttendingCharacter,
    CampaignMemberJoinedV1,
    CampaignMemberLeftV1,
    CampaignSessionCompletedV1,
    MembershipAnswer,
    MembershipQuery,
    RelationshipChange,
    membership_contract,
)
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import HubFactory
from dnd_shared.testing.identity import SignedIdentity

BASE = "/api/v1/characters"


def campaign_router(campaign_id: uuid.UUID, dm_id: uuid.UUID, attached: set[uuid.UUID]) -> HubRouter:
    router = HubRouter()

    @router.rpc(membership_contract)
    async def membership(query: MembershipQuery, ctx: MessageContext) -> MembershipAnswer:
        exists = query.campaign_id == campaign_id
        is_dm = exists and query.user_id == dm_id
        return MembershipAnswer(
            campaign_id=query.campaign_id,
            exists=exists,
            is_dm=is_dm,
            is_member=is_dm,
            user_role="dm" if is_dm else None,
            character_attached=query.character_id in attached if exists else None,
        )

    return router


async def eventually(check: Any, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


async def test_dm_access_and_session_events(
    live_api: httpx.AsyncClient,
    alice: dict[str, str],
    identity: SignedIdentity,
    fighter_build: dict[str, Any],
    hub_instance: HubFactory,
) -> None:
    character_id = uuid.UUID((await live_api.post(BASE, json=fighter_build, headers=alice)).json()["id"])
    campaign_id, dm_id = uuid.uuid4(), uuid.uuid4()
    dm = identity.headers(dm_id)
    stranger = identity.headers(uuid.uuid4())
    url = f"{BASE}/{character_id}"
    attached = {character_id}
    async with hub_instance("campaign", campaign_router(campaign_id, dm_id, attached)) as campaign:
        assert (await live_api.get(url, headers=dm)).status_code == 404  # not attached yet
        await campaign.publish(
            CampaignMemberJoinedV1(
                campaign_id=campaign_id, user_id=uuid.UUID(alice["X-User-Id"]), role="player", character_id=character_id
            )
        )

        async def dm_can_read() -> bool:
            return (await live_api.get(url, headers=dm)).status_code == 200

        await eventually(dm_can_read)
        # The DM reads and plays; cannot edit the build; a stranger still gets 404.
        hit = await live_api.post(f"{url}/damage", json={"amount": 4, "type": "fire"}, headers=dm)
        assert hit.status_code == 200 and hit.json()["hit_points"]["current"] == 50
        etag = (await live_api.get(url, headers=dm)).headers["etag"]
        assert (
            await live_api.patch(url, json={"name": "Renamed"}, headers={**dm, "If-Match": etag})
        ).status_code == 404
        assert (await live_api.get(url, headers=stranger)).status_code == 404

        sildar = uuid.uuid4()
        session = CampaignSessionCompletedV1(
            campaign_id=campaign_id,
            campaign_name="Lost Mine",
            session_id=uuid.uuid4(),
            session_number=4,
            title="Cragmaw Hideout",
            played_at=datetime(2026, 11, 20, 19, 0, tzinfo=UTC),
            advancement="xp",
            summary="Rescued Sildar",
            characters=[
                AttendingCharacter(
                    character_id=character_id,
                    owner_id=uuid.UUID(alice["X-User-Id"]),
                    xp=1500,
                    notable_moments=["Held the bridge"],
                    relationship_changes=[
                        RelationshipChange(
                            target_kind="npc", target_id=sildar, target_name="Sildar Hallwinter", change=2, standing=3
                        )
                    ],
                )
            ],
        )
        await campaign.publish(session)
        await campaign.publish(session)  # delivered twice

        async def xp_applied() -> bool:
            return (await live_api.get(f"{url}/advancement", headers=alice)).json()["xp"] == 6500 + 1500

        await eventually(xp_applied)
        await asyncio.sleep(0.5)  # let the duplicate be handled too
        journal = (await live_api.get(f"{url}/journal", headers=alice)).json()["items"]
        assert sorted(e["kind"] for e in journal) == ["relationship", "session", "xp"]
        session_entry = next(e for e in journal if e["kind"] == "session")
        assert session_entry["title"] == "Session 4: Cragmaw Hideout"
        assert session_entry["data"]["notable_moments"] == ["Held the bridge"]
        assert next(e for e in journal if e["kind"] == "relationship")["data"]["standing"] == 3
        assert (await live_api.get(f"{url}/advancement", headers=alice)).json()["xp"] == 8000

        attached.discard(character_id)
        await campaign.publish(
            CampaignMemberLeftV1(
                campaign_id=campaign_id, user_id=uuid.UUID(alice["X-User-Id"]), character_id=character_id
            )
        )

        async def dm_locked_out() -> bool:
            return (await live_api.get(url, headers=dm)).status_code == 404

        await eventually(dm_locked_out)
