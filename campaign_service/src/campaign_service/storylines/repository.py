"""Queries of storylines and commits."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from campaign_service.storylines.models import StoryCommit, Storyline
from dnd_shared.db.repository import Repository


class StorylineRepository(Repository[Storyline]):
    model = Storyline
    entity_name = "storyline"

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[Storyline]:
        """The campaign's storylines, locked for the rest of the transaction (one writer at a time)."""
        statement = self._select().where(Storyline.campaign_id == campaign_id).order_by(Storyline.created_at)
        return list((await self.session.execute(statement.with_for_update())).scalars().all())


class CommitRepository(Repository[StoryCommit]):
    model = StoryCommit
    entity_name = "story_commit"

    async def in_campaign(self, campaign_id: uuid.UUID) -> list[StoryCommit]:
        """Every commit of the campaign, oldest first."""
        statement = self._select().where(StoryCommit.campaign_id == campaign_id).order_by(StoryCommit.created_at)
        return list((await self.session.execute(statement)).scalars().all())

    async def in_campaign_by_id(self, campaign_id: uuid.UUID, commit_id: uuid.UUID) -> StoryCommit | None:
        """One commit of this campaign."""
        statement = select(StoryCommit).where(StoryCommit.campaign_id == campaign_id, StoryCommit.id == commit_id)
        found: StoryCommit | None = (await self.session.execute(statement)).scalar_one_or_none()
        return found
