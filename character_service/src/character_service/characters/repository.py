"""Every query on characters."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from character_service.characters.models import Character
from dnd_shared.db.pagination import Page
from dnd_shared.db.repository import Repository
from dnd_shared.errors import NotFoundError


class CharacterRepository(Repository[Character]):
    model = Character
    entity_name = "character"

    async def get_for_update(self, id_: uuid.UUID) -> Character:
        """Lock the row for a play operation, so concurrent operations apply one after another
        (404 when it does not exist; callers check access right after)."""
        statement = (
            select(Character)
            .where(Character.id == id_, Character.deleted_at.is_(None))
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        character = (await self.session.execute(statement)).scalar_one_or_none()
        if character is None:
            raise NotFoundError(f"No character with id {id_}.", code="character_not_found")
        return character

    async def list_for_owner(
        self,
        owner_id: uuid.UUID | None,
        *,
        name: str | None = None,
        status: str | None = None,
        class_id: str | None = None,
        species_id: str | None = None,
        limit: int,
        cursor: str | None,
        only_deleted: bool = False,
    ) -> Page[Character]:
        """The owner's characters (``owner_id=None``: everyone's, for admins), filtered."""
        where: list[Any] = []
        if name:
            where.append(func.lower(Character.build["name"].astext).contains(name.lower()))
        if class_id:
            where.append(Character.build.contains({"classes": [{"id": class_id}]}))
        if species_id:
            where.append(Character.build.contains({"species": {"id": species_id}}))
        filters: dict[str, Any] = {}
        if owner_id is not None:
            filters["owner_id"] = owner_id
        if status:
            filters["status"] = status
        return await self.list(filters=filters, where=where, limit=limit, cursor=cursor, only_deleted=only_deleted)
