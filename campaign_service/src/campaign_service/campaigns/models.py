"""Campaigns, memberships, invites and the characters attached to a campaign."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from campaign_service.db import Base
from dnd_shared.db.base import EntityMixin, live_unique_index

CAMPAIGN_TYPES = ("traditional", "antitheticon")
ADVANCEMENT_MODES = ("xp", "milestone")
ROLES = ("dm", "player")


class Campaign(EntityMixin, Base):
    """A campaign; its creator is the DM."""

    __tablename__ = "campaign"
    __table_args__ = (live_unique_index("uq_campaign_invite_code_live", "invite_code"),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    theme: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    rules_version: Mapped[str] = mapped_column(String(10), nullable=False, default="2024")
    type: Mapped[str] = mapped_column(String(20), nullable=False, default="traditional")
    advancement: Mapped[str] = mapped_column(String(20), nullable=False, default="xp")
    merges_need_approval: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    dm_id: Mapped[uuid.UUID] = mapped_column(nullable=False, index=True)
    invite_code: Mapped[str] = mapped_column(String(32), nullable=False)
    #: DM-only notes about the whole campaign.
    dm_notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Membership(EntityMixin, Base):
    """A user in a campaign, as its DM or as a player."""

    __tablename__ = "membership"
    __table_args__ = (live_unique_index("uq_membership_campaign_user_live", "campaign_id", "user_id"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(10), nullable=False)


class Invite(EntityMixin, Base):
    """An invitation of one user by the DM; accepted or declined by that user."""

    __tablename__ = "invite"

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(nullable=False, index=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="pending")
    responded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class PartyCharacter(EntityMixin, Base):
    """A player's character attached to a campaign; the summary is the character service's answer
    at attach (or last refresh) time."""

    __tablename__ = "party_character"
    __table_args__ = (live_unique_index("uq_party_character_campaign_character_live", "campaign_id", "character_id"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("campaign.id"), nullable=False, index=True)
    character_id: Mapped[uuid.UUID] = mapped_column(nullable=False, index=True)
    owner_id: Mapped[uuid.UUID] = mapped_column(nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    level: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    classes: Mapped[list[Any]] = mapped_column(JSONB, nullable=False, default=list)
    species: Mapped[str] = mapped_column(String(100), nullable=False, default="")
