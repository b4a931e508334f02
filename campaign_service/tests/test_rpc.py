"""``campaign.membership`` through the real hub: DM, player, character attachment, unknown campaigns."""

from __future__ import annotations

import uuid

from campaign_service.testing.table import Table
from dnd_shared.contracts.campaign import MembershipQuery, membership_contract
from dnd_shared.testing.hub_fixtures import HubFactory


async def test_membership(table: Table, hub_instance: HubFactory) -> None:
    dm, ana, stranger = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    campaign = await table.create_campaign(dm, merges_need_approval=False)
    aria = await table.join(campaign, ana, "Aria")
    campaign_id = uuid.UUID(campaign["id"])
    async with hub_instance("auth") as caller:
        as_dm = await caller.call(membership_contract, MembershipQuery(campaign_id=campaign_id, user_id=dm))
        assert (as_dm.exists, as_dm.is_dm, as_dm.is_member, as_dm.user_role) == (True, True, True, "dm")
        assert as_dm.merges_need_approval is False
        as_player = await caller.call(membership_contract, MembershipQuery(campaign_id=campaign_id, user_id=ana,
                                                                           character_id=aria))
        assert (as_player.is_dm, as_player.is_member, as_player.user_role) == (False, True, "player")
        assert (as_player.character_attached, as_player.character_owner_id) == (True, ana)
        nobody = await caller.call(membership_contract, MembershipQuery(campaign_id=campaign_id, user_id=stranger,
                                                                        character_id=uuid.uuid4()))
        assert (nobody.is_member, nobody.is_dm, nobody.user_role, nobody.character_attached) == (
            False, False, None, False)
        missing = await caller.call(membership_contract, MembershipQuery(campaign_id=uuid.uuid4(), user_id=dm))
        assert (missing.exists, missing.is_dm) == (False, False)
