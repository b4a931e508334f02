"""Imports every ORM model of the character service so Alembic sees the whole schema."""

from character_service.campaign_links.models import CampaignLink
from character_service.characters.models import Character
from character_service.concepts.models import ConceptJob
from character_service.journal.models import JournalEntry
from character_service.rolls.models import Roll
from character_service.versions.models import Activity, Branch, BuildCommit, Checkout, MergeRequest

__all__ = [
    "Activity", "Branch", "BuildCommit", "CampaignLink", "Character", "Checkout", "ConceptJob", "JournalEntry",
    "MergeRequest", "Roll",
]
