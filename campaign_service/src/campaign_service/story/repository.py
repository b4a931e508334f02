"""Queries of story entities, their revisions and relationships."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import String, cast, func, or_, select

from campaign_service.story.models import EntityRevision, Relationship, StoryEntity
from dnd_shared.db.repository import Repository


class StoryEntityRepository(Repository[StoryEntity]):
    model = StoryEntity
    entity_name = "story_entity"

    async def in_campaign(self, campaign_id: uuid.UUID, *, kind: str | None = None, status: str | None = None,
                          deleted: bool = False, limit: int = 500) -> list[StoryEntity]:
        """The campaign's entities, ordered by kind, position, then age."""
        statement = self._select(only_deleted=deleted).where(StoryEntity.campaign_id == campaign_id)
        if kind is not None:
            statement = statement.where(StoryEntity.kind == kind)
        if status is not None:
            statement = statement.where(StoryEntity.status == status)
        statement = statement.order_by(StoryEntity.kind, StoryEntity.position, StoryEntity.created_at).limit(limit)
        return list((await self.session.execute(statement)).scalars().all())

    async def in_campaign_by_id(self, campaign_id: uuid.UUID, entity_id: uuid.UUID, *,
                                include_deleted: bool = False) -> StoryEntity | None:
        """One entity of this campaign (another campaign's entity is absent here)."""
        statement = self._select(include_deleted=include_deleted).where(
            StoryEntity.campaign_id == campaign_id, StoryEntity.id == entity_id)
        found: StoryEntity | None = (await self.session.execute(statement)).scalar_one_or_none()
        return found

    async def search(self, campaign_id: uuid.UUID, text: str, limit: int = 100) -> list[StoryEntity]:
        """Entities whose name, summary or data contains ``text`` (case-insensitive)."""
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        statement = self._select().where(
            StoryEntity.campaign_id == campaign_id,
            or_(StoryEntity.name.ilike(pattern), StoryEntity.summary.ilike(pattern),
                cast(StoryEntity.data, String).ilike(pattern)),
        ).order_by(func.similarity(StoryEntity.name, text).desc(), StoryEntity.created_at).limit(limit)
        return list((await self.session.execute(statement)).scalars().all())

    async def next_position(self, campaign_id: uuid.UUID, kind: str) -> int:
        """One after the last position of ``kind`` in the campaign."""
        value = await self.session.scalar(
            select(func.max(StoryEntity.position)).where(StoryEntity.campaign_id == campaign_id,
                                                         StoryEntity.kind == kind,
                                                         StoryEntity.deleted_at.is_(None)))
        return int(value) + 1 if value is not None else 0


class RevisionRepository(Repository[EntityRevision]):
    model = EntityRevision
    entity_name = "revision"

    async def of_entity(self, entity_id: uuid.UUID) -> list[EntityRevision]:
        """Every revision of the entity, oldest first."""
        statement = self._select().where(EntityRevision.entity_id == entity_id).order_by(EntityRevision.number)
        return list((await self.session.execute(statement)).scalars().all())

    async def record(self, *, campaign_id: uuid.UUID, entity_id: uuid.UUID, author_id: uuid.UUID, action: str,
                     document: dict[str, Any], digest: str) -> EntityRevision:
        """Append a revision numbered after the last one."""
        last = await self.session.scalar(select(func.max(EntityRevision.number))
                                         .where(EntityRevision.entity_id == entity_id))
        return await self.create(campaign_id=campaign_id, entity_id=entity_id, number=int(last or 0) + 1,
                                 author_id=author_id, action=action, document=document, digest=digest)


class RelationshipRepository(Repository[Relationship]):
    model = Relationship
    entity_name = "relationship"

    async def in_campaign(self, campaign_id: uuid.UUID, *, node_id: uuid.UUID | None = None) -> list[Relationship]:
        """The campaign's edges (those touching ``node_id`` when given), oldest first."""
        statement = self._select().where(Relationship.campaign_id == campaign_id)
        if node_id is not None:
            statement = statement.where(or_(Relationship.source_id == node_id, Relationship.target_id == node_id))
        return list((await self.session.execute(statement.order_by(Relationship.created_at))).scalars().all())

    async def in_campaign_by_id(self, campaign_id: uuid.UUID, relationship_id: uuid.UUID, *,
                                include_deleted: bool = False) -> Relationship | None:
        """One edge of this campaign."""
        statement = self._select(include_deleted=include_deleted).where(Relationship.campaign_id == campaign_id,
                                                                        Relationship.id == relationship_id)
        found: Relationship | None = (await self.session.execute(statement)).scalar_one_or_none()
        return found

    async def between(self, campaign_id: uuid.UUID, source_id: uuid.UUID, target_id: uuid.UUID) -> Relationship | None:
        """The edge from ``source_id`` to ``target_id``, if any."""
        statement = self._select().where(Relationship.campaign_id == campaign_id, Relationship.source_id == source_id,
                                         Relationship.target_id == target_id)
        found: Relationship | None = (await self.session.execute(statement)).scalars().first()
        return found
