"""Sharing a map (and its renders) or an image with a campaign: its DM and players see it, others
do not, and when the campaign service cannot answer nobody gets in through the campaign."""

from __future__ import annotations

import uuid

from dnd_shared.contracts.campaign import MembershipAnswer, MembershipQuery, membership_contract
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import HubFactory

from .conftest import ImageAppFactory

PREFIX = "/api/v1/images"


def campaign_service(campaign: uuid.UUID, dm: uuid.UUID, players: set[uuid.UUID]) -> HubRouter:
    router = HubRouter()

    @router.rpc(membership_contract)
    async def membership(request: MembershipQuery, ctx: MessageContext) -> MembershipAnswer:
        if request.campaign_id != campaign:
            return MembershipAnswer(campaign_id=request.campaign_id, exists=False)
        is_dm = request.user_id == dm
        is_player = request.user_id in players
        return MembershipAnswer(
            campaign_id=campaign,
            exists=True,
            is_dm=is_dm,
            is_member=is_dm or is_player,
            user_role="dm" if is_dm else "player" if is_player else None,
        )

    return router


async def test_a_map_shared_with_a_campaign(
    image_app: ImageAppFactory, hub_instance: HubFactory, owner: uuid.UUID, stranger: uuid.UUID
) -> None:
    campaign, player = uuid.uuid4(), uuid.uuid4()
    async with hub_instance("campaign", campaign_service(campaign, owner, {player})), image_app() as env:
        created = (
            await env.client.post(
                f"{PREFIX}/maps",
                headers=env.headers(owner),
                json={"kind": "dungeon", "width": 20, "height": 20, "seed": 6},
            )
        ).json()
        map_url, png_url = f"{PREFIX}/maps/{created['id']}", created["png"]["url"]
        assert (await env.client.get(map_url, headers=env.headers(player))).status_code == 404

        missing = await env.client.patch(map_url, headers=env.headers(owner), json={"visibility": "campaign"})
        assert missing.status_code == 422
        assert missing.json()["error"]["details"] == [
            {"field": "campaign_id", "issue": "required when visibility is campaign"}
        ]
        foreign = await env.client.patch(
            map_url, headers=env.headers(owner), json={"visibility": "campaign", "campaign_id": str(uuid.uuid4())}
        )
        assert foreign.status_code == 422 and foreign.json()["error"]["code"] == "not_a_campaign_member"

        shared = await env.client.patch(
            map_url, headers=env.headers(owner), json={"visibility": "campaign", "campaign_id": str(campaign)}
        )
        assert shared.status_code == 200 and shared.json()["campaign_id"] == str(campaign)
        for url in (map_url, png_url):
            assert (await env.client.get(url, headers=env.headers(player))).status_code == 200
            assert (await env.client.get(url, headers=env.headers(stranger))).status_code == 404
        listed = await env.client.get(f"{PREFIX}/maps?campaign_id={campaign}", headers=env.headers(player))
        assert [item["id"] for item in listed.json()["items"]] == [created["id"]]
        images = await env.client.get(f"{PREFIX}?campaign_id={campaign}&kind=map", headers=env.headers(player))
        assert len(images.json()["items"]) == 2  # the PNG and the SVG
        outsider = await env.client.get(f"{PREFIX}/maps?campaign_id={campaign}", headers=env.headers(stranger))
        assert outsider.status_code == 404 and outsider.json()["error"]["code"] == "campaign_not_found"
        # Players see it but cannot change it.
        edit = await env.client.patch(map_url, headers=env.headers(player), json={"title": "Mine now"})
        assert edit.status_code == 403
        # Back to private: the campaign link is dropped.
        private = await env.client.patch(map_url, headers=env.headers(owner), json={"visibility": "private"})
        assert private.json()["campaign_id"] is None
        assert (await env.client.get(png_url, headers=env.headers(player))).status_code == 404


async def test_campaign_shares_are_closed_when_the_campaign_service_is_down(
    image_app: ImageAppFactory, hub_instance: HubFactory, owner: uuid.UUID
) -> None:
    campaign, player = uuid.uuid4(), uuid.uuid4()
    async with image_app() as env:
        async with hub_instance("campaign", campaign_service(campaign, owner, {player})):
            created = (
                await env.client.post(
                    f"{PREFIX}/maps",
                    headers=env.headers(owner),
                    json={"kind": "cave", "width": 16, "height": 16, "seed": 2},
                )
            ).json()
            map_url = f"{PREFIX}/maps/{created['id']}"
            await env.client.patch(
                map_url, headers=env.headers(owner), json={"visibility": "campaign", "campaign_id": str(campaign)}
            )
            assert (await env.client.get(map_url, headers=env.headers(player))).status_code == 200
        # The campaign service is gone: the player is shut out, the owner is not.
        assert (await env.client.get(map_url, headers=env.headers(player))).status_code == 404
        assert (await env.client.get(map_url, headers=env.headers(owner))).status_code == 200
