"""The DM of a character's campaign may read the character and apply play operations and XP.

Asked of the campaign service through the hub (``campaign.membership``) for each campaign the
character is attached to. Any failure (no campaign instance, timeout) denies: closed by default.
"""

from __future__ import annotations

import uuid

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from character_service.campaign_links.repository import CampaignLinkRepository
from dnd_shared.contracts.campaign import MembershipQuery, membership_contract
from dnd_shared.hub.client import Hub
from dnd_shared.identity import Principal

log = structlog.get_logger("character_service.campaign_links")


class CampaignDmAccess:
    def __init__(self, session: AsyncSession, hub: Hub | None) -> None:
        self.links = CampaignLinkRepository(session)
        self.hub = hub

    async def is_dm_of(self, character_id: uuid.UUID, principal: Principal) -> bool:
        """Whether ``principal`` runs a campaign this character is attached to (both sides agree)."""
        if self.hub is None or not self.hub.running:
            return False
        for campaign_id in await self.links.campaigns_of(character_id):
            try:
                answer = await self.hub.call(membership_contract, MembershipQuery(
                    campaign_id=campaign_id, user_id=principal.user_id, character_id=character_id), timeout=2.0)
            except Exception as exc:  # denied when the campaign service cannot confirm
                log.warning("campaign_membership_unavailable", campaign_id=str(campaign_id), error=str(exc))
                continue
            if answer.is_dm and answer.character_attached:
                return True
        return False
