"""Who decides on merges into ``main``: the character's campaign, asked through the hub.

:class:`CampaignMembership` is the small interface the approval flow needs — for a character and a
user: the character's campaign (if any), whether that campaign requires DM approval for merges
into ``main``, and whether the user is its DM.

:class:`HubCampaignMembership` answers it for each campaign the character is attached to (the
campaign links the campaign service announced) with the ``campaign.membership`` RPC. The answer
has no approval flag yet; until it has one (``merges_need_approval``), a campaign is taken to
require approval, which is the campaign service's default. A character in no campaign needs no
approval and costs no RPC. When the campaign service cannot answer, the call fails (503) and so
does the merge: the approval gate fails closed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from character_service.campaign_links.repository import CampaignLinkRepository
from dnd_shared.contracts.campaign import MembershipQuery, membership_contract
from dnd_shared.errors import ServiceUnavailableError
from dnd_shared.hub.client import Hub


@dataclass(frozen=True)
class CampaignRole:
    """The character's campaign as the approval flow sees it."""

    campaign_id: uuid.UUID | None
    is_dm: bool
    merges_need_approval: bool

    @property
    def approval_required(self) -> bool:
        """Whether a merge into ``main`` by this user needs an approved merge request."""
        return self.campaign_id is not None and self.merges_need_approval and not self.is_dm


NO_CAMPAIGN = CampaignRole(None, False, False)


class CampaignMembership(Protocol):
    async def membership(self, character_id: uuid.UUID, user_id: uuid.UUID) -> CampaignRole:
        """The character's campaign, its approval rule, and whether ``user_id`` is its DM."""


class HubCampaignMembership:
    """:class:`CampaignMembership` over the hub (``app.state.hub``) and the character's campaign links."""

    def __init__(self, session: AsyncSession, hub: Hub | None) -> None:
        self.links = CampaignLinkRepository(session)
        self.hub = hub

    async def membership(self, character_id: uuid.UUID, user_id: uuid.UUID) -> CampaignRole:
        """The first campaign the character is attached to, as the campaign service confirms it; a
        campaign where ``user_id`` is the DM wins."""
        campaigns = await self.links.campaigns_of(character_id)
        if not campaigns:
            return NO_CAMPAIGN
        if self.hub is None or not self.hub.running:
            raise ServiceUnavailableError("The campaign service cannot be asked: the hub is not running.",
                                          code="hub_not_running")
        found = NO_CAMPAIGN
        for campaign_id in sorted(campaigns):
            answer = await self.hub.call(membership_contract, MembershipQuery(
                campaign_id=campaign_id, user_id=user_id, character_id=character_id), timeout=3.0)
            if not answer.exists or not answer.character_attached:
                continue
            role = CampaignRole(campaign_id, answer.is_dm,
                                bool(getattr(answer, "merges_need_approval", True)))
            if role.is_dm:
                return role
            if found.campaign_id is None:
                found = role
        return found
