"""Campaign membership asked of the campaign service through the hub (``campaign.membership``),
remembered for the request. Any failure (no campaign instance, timeout, error) answers "not a
member": access through a campaign is closed by default."""

from __future__ import annotations

import uuid

import structlog

from dnd_shared.contracts.campaign import MembershipQuery, membership_contract
from dnd_shared.hub.client import Hub

log = structlog.get_logger("image_service.campaigns")

MEMBERSHIP_TIMEOUT_SECONDS = 2.0


class HubCampaignMembership:
    def __init__(self, hub: Hub | None) -> None:
        self.hub = hub
        self._answers: dict[tuple[uuid.UUID, uuid.UUID], bool] = {}

    async def is_member(self, campaign_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        """Whether ``user_id`` is the DM or a player of ``campaign_id``."""
        key = (campaign_id, user_id)
        if key not in self._answers:
            self._answers[key] = await self._ask(campaign_id, user_id)
        return self._answers[key]

    async def _ask(self, campaign_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        if self.hub is None or not self.hub.running:
            return False
        try:
            answer = await self.hub.call(
                membership_contract,
                MembershipQuery(campaign_id=campaign_id, user_id=user_id),
                timeout=MEMBERSHIP_TIMEOUT_SECONDS,
            )
        except Exception as exc:  # closed when the campaign service cannot confirm
            log.warning("campaign_membership_unavailable", campaign_id=str(campaign_id), error=type(exc).__name__)
            return False
        return answer.exists and (answer.is_member or answer.is_dm)
