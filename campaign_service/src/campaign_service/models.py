"""Imports every ORM model of the campaign service so Alembic sees the whole schema."""

from campaign_service.antitheticon.models import Knowledge, Reveal
from campaign_service.campaigns.models import Campaign, Invite, Membership, PartyCharacter
from campaign_service.db import Base
from campaign_service.sessions.models import LedgerEntry, PlaySession, SessionEvent
from campaign_service.story.models import EntityRevision, Relationship, StoryEntity
from campaign_service.storylines.models import StoryCommit, Storyline
from dnd_shared.hub.outbox import outbox_table

#: Events whose loss would lose data are written here in the same transaction (see dnd_shared.hub.outbox).
hub_outbox = outbox_table(Base.metadata)

__all__ = [
    "Campaign", "EntityRevision", "Invite", "Knowledge", "LedgerEntry", "Membership", "PartyCharacter",
    "PlaySession", "Relationship", "Reveal", "SessionEvent", "StoryCommit", "StoryEntity", "Storyline",
    "hub_outbox",
]
