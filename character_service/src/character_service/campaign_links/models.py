"""A character attached to a campaign, as the campaign service announced it."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from character_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index


class CampaignLink(EntityMixin, Base):
    __tablename__ = "campaign_link"
    __table_args__ = (live_unique_index("uq_campaign_link_character_campaign", "character_id", "campaign_id"),)

    character_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("character.id"), nullable=False)
    campaign_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
