"""Queries on maps."""

from __future__ import annotations

import uuid

from dnd_shared.db.pagination import Page
from dnd_shared.db.repository import Repository
from image_service.maps.models import MapRecord


class MapRepository(Repository[MapRecord]):
    model = MapRecord
    entity_name = "map"

    async def list_campaign(self, campaign_id: uuid.UUID, *, limit: int, cursor: str | None) -> Page[MapRecord]:
        """Maps shared with ``campaign_id``."""
        return await self.list(
            filters={"campaign_id": campaign_id, "visibility": "campaign"}, limit=limit, cursor=cursor
        )

    async def list_owned(
        self, owner_id: uuid.UUID, *, limit: int, cursor: str | None, only_deleted: bool
    ) -> Page[MapRecord]:
        return await self.list(filters={"owner_id": owner_id}, limit=limit, cursor=cursor, only_deleted=only_deleted)
