"""Queries of refresh tokens."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, update

from auth_service.tokens.models import RefreshToken
from dnd_shared.db.repository import Repository


class RefreshTokenRepository(Repository[RefreshToken]):
    model = RefreshToken
    entity_name = "refresh_token"

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        """Locks the row: two concurrent refreshes with one token are serialised, the second is reuse."""
        statement = self._select().where(RefreshToken.token_hash == token_hash).with_for_update()
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def revoke_family(self, family_id: uuid.UUID, reason: str, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason, version=RefreshToken.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )

    async def live_families_of(self, user_id: uuid.UUID) -> list[uuid.UUID]:
        statement = (select(RefreshToken.family_id).distinct()
                     .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None),
                            RefreshToken.deleted_at.is_(None)))
        return list((await self.session.execute(statement)).scalars().all())
