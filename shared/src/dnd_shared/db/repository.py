"""The generic repository: the only place that queries. Soft delete, restore, optimistic locking,
keyset pagination. Repositories ``flush()``; the request scope commits once."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.elements import ColumnElement

from dnd_shared.db.base import EntityMixin, utcnow
from dnd_shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Cursor, Page
from dnd_shared.errors import ConflictError, ErrorDetail, NotFoundError, VersionConflictError

ModelT = TypeVar("ModelT", bound=EntityMixin)


class Repository(Generic[ModelT]):
    """Subclass per entity: ``class CharacterRepository(Repository[Character]): model = Character``."""

    model: ClassVar[type[Any]]
    #: Error code stem: ``character`` -> ``character_not_found``.
    entity_name: ClassVar[str] = "entity"

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # --- reading ---------------------------------------------------------------------------
    def _select(self, *, include_deleted: bool = False, only_deleted: bool = False) -> Select[Any]:
        statement: Select[Any] = select(self.model)
        if only_deleted:
            statement = statement.where(self.model.deleted_at.is_not(None))
        elif not include_deleted:
            statement = statement.where(self.model.deleted_at.is_(None))
        return statement

    async def get(self, id_: uuid.UUID, *, include_deleted: bool = False) -> ModelT | None:
        statement = self._select(include_deleted=include_deleted).where(self.model.id == id_)
        result = await self.session.execute(statement)
        entity: ModelT | None = result.scalar_one_or_none()
        return entity

    async def get_or_raise(self, id_: uuid.UUID, *, include_deleted: bool = False) -> ModelT:
        entity = await self.get(id_, include_deleted=include_deleted)
        if entity is None:
            raise NotFoundError(
                f"No {self.entity_name.replace('_', ' ')} with id {id_}.", code=f"{self.entity_name}_not_found"
            )
        return entity

    async def list(
        self,
        *,
        filters: Mapping[str, Any] | None = None,
        where: Sequence[ColumnElement[bool]] = (),
        limit: int = DEFAULT_PAGE_SIZE,
        cursor: str | None = None,
        include_deleted: bool = False,
        only_deleted: bool = False,
    ) -> Page[ModelT]:
        """Oldest first, ``limit`` rows after ``cursor``; equality ``filters`` by column name."""
        limit = max(1, min(limit, MAX_PAGE_SIZE))
        statement = self._select(include_deleted=include_deleted, only_deleted=only_deleted)
        for name, value in (filters or {}).items():
            statement = statement.where(getattr(self.model, name) == value)
        for clause in where:
            statement = statement.where(clause)
        if cursor is not None:
            after = Cursor.decode(cursor)
            statement = statement.where(
                or_(
                    self.model.created_at > after.created_at,
                    and_(self.model.created_at == after.created_at, self.model.id > after.id),
                )
            )
        statement = statement.order_by(self.model.created_at, self.model.id).limit(limit + 1)
        rows: list[ModelT] = list((await self.session.execute(statement)).scalars().all())
        next_cursor = None
        if len(rows) > limit:
            rows = rows[:limit]
            last = rows[-1]
            next_cursor = Cursor(last.created_at, last.id).encode()
        return Page(items=rows, next_cursor=next_cursor)

    # --- writing ---------------------------------------------------------------------------
    async def add(self, entity: ModelT) -> ModelT:
        self.session.add(entity)
        await self._flush()
        return entity

    async def create(self, **values: Any) -> ModelT:
        entity: ModelT = self.model(**values)
        return await self.add(entity)

    def _check_version(self, entity: ModelT, expected_version: int | None) -> None:
        if expected_version is not None and entity.version != expected_version:
            raise VersionConflictError(
                f"The {self.entity_name.replace('_', ' ')} changed since version {expected_version} "
                f"(now {entity.version}); reload and retry.",
                details=[ErrorDetail("version", f"expected {expected_version}, current {entity.version}")],
            )

    async def update(
        self, entity: ModelT, values: Mapping[str, Any], *, expected_version: int | None = None
    ) -> ModelT:
        """Apply ``values``; refuses a stale ``expected_version``. A concurrent writer that got in
        between our read and our UPDATE is caught by the version column as well."""
        self._check_version(entity, expected_version)
        for name, value in values.items():
            setattr(entity, name, value)
        await self._flush()
        return entity

    async def soft_delete(self, entity: ModelT, *, expected_version: int | None = None) -> ModelT:
        self._check_version(entity, expected_version)
        entity.deleted_at = utcnow()
        await self._flush()
        return entity

    async def restore(self, entity: ModelT, *, expected_version: int | None = None) -> ModelT:
        """Bring a soft-deleted row back; 409 if a live row took its unique name meanwhile."""
        self._check_version(entity, expected_version)
        entity.deleted_at = None
        await self._flush()
        return entity

    async def _flush(self) -> None:
        try:
            await self.session.flush()
        except StaleDataError as exc:
            raise VersionConflictError(
                f"The {self.entity_name.replace('_', ' ')} was changed by someone else; reload and retry."
            ) from exc
        except IntegrityError as exc:
            constraint = getattr(getattr(exc.orig, "__cause__", None), "constraint_name", None)
            raise ConflictError(
                f"The {self.entity_name.replace('_', ' ')} conflicts with an existing one.",
                code=f"{self.entity_name}_conflict",
                details=[ErrorDetail(str(constraint or "unique"), "already taken")],
            ) from exc
