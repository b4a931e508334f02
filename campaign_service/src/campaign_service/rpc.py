"""Hub handlers of the campaign service.

- ``campaign.membership`` (query): is user X the DM / a member of campaign Y; is character Z in it.
- the standard ones (``campaign.system.info``, ``campaign.diagnostics.trace``, the
  ``diagnostics.trace.v1`` subscription), whose trace event goes through the service's outbox
  (``campaign.hub_outbox``) like the campaign's own events.
"""

from __future__ import annotations

from campaign_service.campaigns.repository import CampaignRepository, MembershipRepository, PartyCharacterRepository
from campaign_service.models import hub_outbox
from dnd_shared.contracts.campaign import MembershipAnswer, MembershipQuery, membership_contract
from dnd_shared.db.engine import Database
from dnd_shared.hub import HubRouter, MessageContext, system_router

router = HubRouter()
router.include(system_router("campaign", outbox=hub_outbox))


@router.rpc(membership_contract)
async def membership(request: MembershipQuery, ctx: MessageContext) -> MembershipAnswer:
    """Answer membership questions; an unknown or deleted campaign is ``exists=false``."""
    database: Database = ctx.require_hub().app_state.database
    async with database.session() as session:
        campaign = await CampaignRepository(session).get(request.campaign_id)
        if campaign is None:
            return MembershipAnswer(campaign_id=request.campaign_id, exists=False)
        answer = MembershipAnswer(campaign_id=campaign.id, exists=True,
                                  merges_need_approval=campaign.merges_need_approval)
        if request.user_id is not None:
            member = await MembershipRepository(session).of(campaign.id, request.user_id)
            role = member.role if member is not None else None
            answer.user_role = "dm" if role == "dm" else "player" if role == "player" else None
            answer.is_dm = campaign.dm_id == request.user_id
            answer.is_member = member is not None
        if request.character_id is not None:
            attached = await PartyCharacterRepository(session).attached(campaign.id, request.character_id)
            answer.character_attached = attached is not None
            answer.character_owner_id = attached.owner_id if attached is not None else None
        return answer
