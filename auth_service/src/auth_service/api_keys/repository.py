"""Queries of API keys."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import update

from auth_service.api_keys.models import ApiKey
from dnd_shared.db.repository import Repository


class ApiKeyRepository(Repository[ApiKey]):
    model = ApiKey
    entity_name = "api_key"

    async def get_by_digest(self, digest: str) -> ApiKey | None:
        statement = self._select().where(ApiKey.key_digest == digest)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def get_owned(self, key_id: uuid.UUID, user_id: uuid.UUID) -> ApiKey | None:
        statement = self._select().where(ApiKey.id == key_id, ApiKey.user_id == user_id)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def touch(self, key_id: uuid.UUID, when: datetime) -> None:
        """Set ``last_used_at`` without bumping ``version`` (usage is not an edit of the key)."""
        await self.session.execute(
            update(ApiKey).where(ApiKey.id == key_id).values(last_used_at=when)
            .execution_options(synchronize_session=False)
        )
