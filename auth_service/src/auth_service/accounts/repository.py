"""Queries of accounts."""

from __future__ import annotations

from sqlalchemy import func, select

from dnd_shared.db.repository import Repository

from auth_service.accounts.models import ADMIN, User


class UserRepository(Repository[User]):
    model = User
    entity_name = "user"

    async def get_by_email(self, email: str) -> User | None:
        result = await self.session.execute(self._select().where(User.email == email))
        return result.scalar_one_or_none()

    async def count_admins(self) -> int:
        statement = select(func.count()).select_from(User).where(
            User.deleted_at.is_(None), User.disabled_at.is_(None), User.roles.any(ADMIN)
        )
        return int((await self.session.execute(statement)).scalar_one())
