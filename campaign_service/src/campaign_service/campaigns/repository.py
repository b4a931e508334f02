"""Queries of campaigns, memberships, invites and party characters."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from campaign_service.campaigns.models import Campaign, Invite, Membership, PartyCharacter
from dnd_shared.db.repository import Repository


class CampaignRepository(Repository[Campaign]):
    model = Campaign
    entity_name = "campaign"

    async def by_invite_code(self, code: str) -> Campaign | None:
        """The live campaign with this invite code."""
        result = await self.session.execute(self._select().where(Campaign.invite_code == code))
        found: Campaign | None = result.scalar_one_or_none()
        return found

    async def for_user(self, user_id: uuid.UUID, *, deleted: bool = False) -> list[Campaign]:
        """Campaigns ``user_id`` is a member of (deleted ones: only those they run), newest first."""
        members = select(Membership.campaign_id).where(Membership.user_id == user_id, Membership.deleted_at.is_(None))
        statement = self._select(only_deleted=deleted)
        mine = Campaign.dm_id == user_id if deleted else Campaign.id.in_(members)
        statement = statement.where(mine)
        result = await self.session.execute(statement.order_by(Campaign.created_at.desc()).limit(200))
        return list(result.scalars().all())


class MembershipRepository(Repository[Membership]):
    model = Membership
    entity_name = "membership"

    async def of(self, campaign_id: uuid.UUID, user_id: uuid.UUID) -> Membership | None:
        """The live membership of ``user_id`` in the campaign."""
        result = await self.session.execute(
            self._select().where(Membership.campaign_id == campaign_id, Membership.user_id == user_id)
        )
        found: Membership | None = result.scalar_one_or_none()
        return found

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[Membership]:
        """Every live membership, oldest first."""
        result = await self.session.execute(
            self._select().where(Membership.campaign_id == campaign_id).order_by(Membership.created_at)
        )
        return list(result.scalars().all())


class InviteRepository(Repository[Invite]):
    model = Invite
    entity_name = "invite"

    async def pending_for(self, user_id: uuid.UUID) -> list[Invite]:
        """Invitations waiting for ``user_id``'s answer."""
        result = await self.session.execute(
            self._select().where(Invite.user_id == user_id, Invite.status == "pending").order_by(Invite.created_at)
        )
        return list(result.scalars().all())


class PartyCharacterRepository(Repository[PartyCharacter]):
    model = PartyCharacter
    entity_name = "party_character"

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[PartyCharacter]:
        """Characters attached to the campaign, oldest first."""
        result = await self.session.execute(
            self._select().where(PartyCharacter.campaign_id == campaign_id).order_by(PartyCharacter.created_at)
        )
        return list(result.scalars().all())

    async def attached(self, campaign_id: uuid.UUID, character_id: uuid.UUID) -> PartyCharacter | None:
        """The live attachment of ``character_id`` to the campaign."""
        result = await self.session.execute(
            self._select().where(PartyCharacter.campaign_id == campaign_id,
                                 PartyCharacter.character_id == character_id)
        )
        found: PartyCharacter | None = result.scalar_one_or_none()
        return found
