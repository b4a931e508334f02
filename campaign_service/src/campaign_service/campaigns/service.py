"""Campaign and party logic: create and edit campaigns, invite and join, attach characters."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from campaign_service.campaigns.access import CampaignAccess, require_dm
from campaign_service.campaigns.character_summaries import classes_of, fetch_summary
from campaign_service.campaigns.documents import (
    campaign_document,
    invite_document,
    member_document,
    party_character_document,
)
from campaign_service.campaigns.models import Campaign, Invite, PartyCharacter
from campaign_service.campaigns.repository import InviteRepository
from campaign_service.campaigns.schemas import CampaignIn, CampaignPatch
from campaign_service.events import EventStager
from campaign_service.preconditions import check_if_match
from campaign_service.secrets.view import view
from campaign_service.secrets.viewer import Viewer
from dnd_shared.contracts.campaign import CampaignMemberJoinedV1, CampaignMemberLeftV1
from dnd_shared.db.base import utcnow
from dnd_shared.errors import ConflictError, ErrorDetail, ForbiddenError, NotFoundError
from dnd_shared.hub import RequestHub
from dnd_shared.identity import Principal


def new_invite_code() -> str:
    """A short code a DM can read out at the table (10 URL-safe characters)."""
    return secrets.token_urlsafe(8)[:10]


class CampaignService:
    """Everything about a campaign itself and its party."""

    def __init__(self, access: CampaignAccess, invites: InviteRepository, events: EventStager) -> None:
        self.access = access
        self.campaigns = access.campaigns
        self.members = access.members
        self.party = access.party
        self.invites = invites
        self.events = events

    # --- campaigns -------------------------------------------------------------------------
    async def create(self, user: Principal, body: CampaignIn) -> Campaign:
        """A new campaign whose DM is the caller."""
        campaign = await self.campaigns.create(**body.model_dump(), dm_id=user.user_id,
                                               invite_code=new_invite_code())
        await self.members.create(campaign_id=campaign.id, user_id=user.user_id, role="dm")
        return campaign

    async def get(self, user: Principal, campaign_id: uuid.UUID) -> tuple[Campaign, Viewer]:
        """The campaign as the caller may see it."""
        return await self.access.viewer(user, campaign_id)

    async def list_mine(self, user: Principal, *, deleted: bool = False) -> list[dict[str, Any]]:
        """The caller's campaigns, each through the filtering layer."""
        shown = []
        for campaign in await self.campaigns.for_user(user.user_id, deleted=deleted):
            viewer = Viewer(user.user_id, campaign.id, campaign.dm_id == user.user_id)
            document = view(viewer, "campaign", campaign_document(campaign))
            if document is not None:
                shown.append(document)
        return shown

    async def update(self, user: Principal, campaign_id: uuid.UUID, body: CampaignPatch,
                     if_match: str | None) -> Campaign:
        """Edit the campaign (DM only; ``If-Match`` checked)."""
        campaign, _ = await self.access.dm(user, campaign_id)
        check_if_match(campaign.version, if_match)
        return await self.campaigns.update(campaign, body.model_dump(exclude_unset=True))

    async def delete(self, user: Principal, campaign_id: uuid.UUID, if_match: str | None) -> Campaign:
        """Soft delete (DM only)."""
        campaign, _ = await self.access.dm(user, campaign_id)
        check_if_match(campaign.version, if_match)
        return await self.campaigns.soft_delete(campaign)

    async def restore(self, user: Principal, campaign_id: uuid.UUID) -> Campaign:
        """Bring a deleted campaign back (its DM only)."""
        campaign = await self.campaigns.get(campaign_id, include_deleted=True)
        if campaign is None or campaign.dm_id != user.user_id:
            raise NotFoundError(f"No campaign with id {campaign_id}.", code="campaign_not_found")
        if campaign.deleted_at is None:
            raise ConflictError("The campaign is not deleted.", code="campaign_not_deleted")
        return await self.campaigns.restore(campaign)

    async def rotate_code(self, user: Principal, campaign_id: uuid.UUID) -> Campaign:
        """A new invite code; the old one stops working."""
        campaign, _ = await self.access.dm(user, campaign_id)
        return await self.campaigns.update(campaign, {"invite_code": new_invite_code()})

    # --- joining ---------------------------------------------------------------------------
    async def join_by_code(self, user: Principal, code: str) -> Campaign:
        """Join the campaign whose invite code this is."""
        campaign = await self.campaigns.by_invite_code(code)
        if campaign is None:
            raise NotFoundError("No campaign has this invite code.", code="invite_code_not_found",
                                details=[ErrorDetail("code", "unknown or rotated")])
        await self._add_player(campaign, user.user_id)
        return campaign

    async def invite(self, user: Principal, campaign_id: uuid.UUID, invitee: uuid.UUID) -> Invite:
        """The DM invites a user."""
        campaign, _ = await self.access.dm(user, campaign_id)
        if await self.members.of(campaign.id, invitee) is not None:
            raise ConflictError("That user is already a member.", code="already_member",
                                details=[ErrorDetail("user_id", "already a member")])
        return await self.invites.create(campaign_id=campaign.id, user_id=invitee)

    async def my_invites(self, user: Principal) -> list[dict[str, Any]]:
        """Invitations waiting for the caller."""
        return [invite_document(i) for i in await self.invites.pending_for(user.user_id)]

    async def answer_invite(self, user: Principal, invite_id: uuid.UUID, accept: bool) -> Invite:
        """Accept (and join) or decline an invitation addressed to the caller."""
        invite = await self.invites.get(invite_id)
        if invite is None or invite.user_id != user.user_id:
            raise NotFoundError(f"No invite with id {invite_id}.", code="invite_not_found")
        if invite.status != "pending":
            raise ConflictError(f"The invite was already {invite.status}.", code="invite_answered")
        if accept:
            campaign = await self.campaigns.get_or_raise(invite.campaign_id)
            await self._add_player(campaign, user.user_id)
        return await self.invites.update(invite, {"status": "accepted" if accept else "declined",
                                                  "responded_at": utcnow()})

    async def _add_player(self, campaign: Campaign, user_id: uuid.UUID) -> None:
        if await self.members.of(campaign.id, user_id) is not None:
            raise ConflictError("You are already a member of this campaign.", code="already_member")
        await self.members.create(campaign_id=campaign.id, user_id=user_id, role="player")
        await self.events.stage(CampaignMemberJoinedV1(campaign_id=campaign.id, user_id=user_id, role="player"),
                                subject=str(campaign.id))

    async def remove_member(self, user: Principal, campaign_id: uuid.UUID, member_id: uuid.UUID) -> None:
        """A player leaves, or the DM removes them; their characters are detached."""
        campaign, viewer = await self.access.viewer(user, campaign_id)
        if member_id != user.user_id:
            require_dm(viewer)
        if member_id == campaign.dm_id:
            raise ConflictError("The DM cannot leave their own campaign; delete it instead.", code="dm_cannot_leave")
        membership = await self.members.of(campaign.id, member_id)
        if membership is None:
            raise NotFoundError("That user is not a member.", code="member_not_found")
        for character in await self.party.in_campaign(campaign.id):
            if character.owner_id == member_id:
                await self.party.soft_delete(character)
        await self.members.soft_delete(membership)
        await self.events.stage(CampaignMemberLeftV1(campaign_id=campaign.id, user_id=member_id,
                                                     removed_by_dm=member_id != user.user_id),
                                subject=str(campaign.id))

    async def members_view(self, user: Principal, campaign_id: uuid.UUID) -> dict[str, Any]:
        """Members and the party: the DM sees everyone; players see names and characters."""
        campaign, viewer = await self.access.viewer(user, campaign_id)
        members = [member_document(m) for m in await self.members.in_campaign(campaign.id)]
        party = [party_character_document(c) for c in await self.party.in_campaign(campaign.id)]
        for character in party:
            character["mine"] = character["owner_id"] == str(user.user_id)
        return {"campaign_id": str(campaign.id), "dm_id": str(campaign.dm_id), "viewer_is_dm": viewer.is_dm,
                "members": members, "party": party}

    # --- characters --------------------------------------------------------------------------
    async def attach(self, user: Principal, campaign_id: uuid.UUID, character_id: uuid.UUID,
                     hub: RequestHub) -> PartyCharacter:
        """A player attaches one of their own characters (ownership asked of the character service)."""
        campaign, viewer = await self.access.viewer(user, campaign_id)
        if viewer.is_dm:
            raise ForbiddenError("The DM does not attach player characters.", code="players_only")
        if await self.party.attached(campaign.id, character_id) is not None:
            raise ConflictError("That character is already in this campaign.", code="character_already_attached")
        summary = await fetch_summary(hub, character_id)
        if summary.owner_id != user.user_id:
            # Someone else's character is as good as absent.
            raise NotFoundError(f"No character with id {character_id}.", code="character_not_found")
        attached = await self.party.create(
            campaign_id=campaign.id, character_id=character_id, owner_id=user.user_id, name=summary.name,
            level=summary.level, classes=classes_of(summary), species=summary.species or "")
        await self.events.stage(CampaignMemberJoinedV1(campaign_id=campaign.id, user_id=user.user_id,
                                                       role="player", character_id=character_id),
                                subject=str(campaign.id))
        return attached

    async def detach(self, user: Principal, campaign_id: uuid.UUID, character_id: uuid.UUID) -> None:
        """The owner (or the DM) takes a character out of the campaign."""
        campaign, viewer = await self.access.viewer(user, campaign_id)
        attached = await self.party.attached(campaign.id, character_id)
        if attached is None or not (viewer.is_dm or attached.owner_id == user.user_id):
            raise NotFoundError(f"No character {character_id} in this campaign.", code="character_not_found")
        await self.party.soft_delete(attached)
        await self.events.stage(CampaignMemberLeftV1(campaign_id=campaign.id, user_id=attached.owner_id,
                                                     character_id=character_id,
                                                     removed_by_dm=attached.owner_id != user.user_id),
                                subject=str(campaign.id))
