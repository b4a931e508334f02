"""Queries of accounts."""

from __future__ import annotations

from sqlalchemy import any_, func, literal, select

from auth_service.accounts.models import ADMIN, User
from dnd_shared.db.repository import Repository


class UserRepository(Repository[User]):
    model = User
    entity_name = "user"

    async def get_by_email(self, email: str) -> User | None:
        result = await self.session.execute(self._select().where(User.email == email))
        return result.scalar_one_or_none()

    async def count_admins(self) -> int:
        statement = select(func.count()).select_from(User).where(
            User.deleted_at.is_(None), User.disabled_at.is_(None), literal(ADMIN) == any_(User.roles)
        )
        return int((await self.session.execute(statement)).scalar_one())
