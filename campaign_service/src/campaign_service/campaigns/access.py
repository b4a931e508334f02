"""Who may do what in a campaign: members see it (others get 404), the DM runs it."""

from __future__ import annotations

import uuid

from campaign_service.campaigns.models import Campaign
from campaign_service.campaigns.repository import (
    CampaignRepository,
    MembershipRepository,
    PartyCharacterRepository,
)
from campaign_service.secrets.viewer import Viewer
from dnd_shared.errors import ForbiddenError, NotFoundError
from dnd_shared.identity import Principal


class CampaignAccess:
    """Resolves a caller to a :class:`Viewer` of one campaign."""

    def __init__(self, campaigns: CampaignRepository, members: MembershipRepository,
                 party: PartyCharacterRepository) -> None:
        self.campaigns = campaigns
        self.members = members
        self.party = party

    async def viewer(self, user: Principal, campaign_id: uuid.UUID, *,
                     include_deleted: bool = False) -> tuple[Campaign, Viewer]:
        """The campaign and the caller as its viewer; 404 unless the caller is a member."""
        campaign = await self.campaigns.get(campaign_id, include_deleted=include_deleted)
        membership = await self.members.of(campaign_id, user.user_id) if campaign is not None else None
        if campaign is None or (membership is None and campaign.dm_id != user.user_id):
            raise NotFoundError(f"No campaign with id {campaign_id}.", code="campaign_not_found")
        is_dm = campaign.dm_id == user.user_id
        characters: frozenset[str] = frozenset()
        if not is_dm:
            characters = frozenset(str(c.character_id) for c in await self.party.in_campaign(campaign_id)
                                   if c.owner_id == user.user_id)
        return campaign, Viewer(user.user_id, campaign_id, is_dm, characters)

    async def dm(self, user: Principal, campaign_id: uuid.UUID, *,
                 include_deleted: bool = False) -> tuple[Campaign, Viewer]:
        """Like :meth:`viewer`, but only the DM may go on (players get 403 ``dm_required``)."""
        campaign, viewer = await self.viewer(user, campaign_id, include_deleted=include_deleted)
        require_dm(viewer)
        return campaign, viewer


def require_dm(viewer: Viewer) -> None:
    """403 ``dm_required`` for a player."""
    if not viewer.is_dm:
        raise ForbiddenError("Only the campaign's DM may do this.", code="dm_required")
