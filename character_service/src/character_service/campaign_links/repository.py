"""Every query on campaign links."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from character_service.campaign_links.models import CampaignLink
from dnd_shared.db.repository import Repository


class CampaignLinkRepository(Repository[CampaignLink]):
    model = CampaignLink
    entity_name = "campaign_link"

    async def campaigns_of(self, character_id: uuid.UUID) -> list[uuid.UUID]:
        statement = select(CampaignLink.campaign_id).where(
            CampaignLink.character_id == character_id, CampaignLink.deleted_at.is_(None))
        return list((await self.session.execute(statement)).scalars().all())

    async def find(self, character_id: uuid.UUID, campaign_id: uuid.UUID) -> CampaignLink | None:
        statement = select(CampaignLink).where(
            CampaignLink.character_id == character_id, CampaignLink.campaign_id == campaign_id,
            CampaignLink.deleted_at.is_(None))
        link: CampaignLink | None = (await self.session.execute(statement)).scalar_one_or_none()
        return link

    async def attach(self, character_id: uuid.UUID, campaign_id: uuid.UUID) -> None:
        """Idempotent: a second announcement of the same attachment changes nothing."""
        if await self.find(character_id, campaign_id) is None:
            await self.create(character_id=character_id, campaign_id=campaign_id)

    async def detach(self, character_id: uuid.UUID, campaign_id: uuid.UUID) -> None:
        link = await self.find(character_id, campaign_id)
        if link is not None:
            await self.soft_delete(link)
