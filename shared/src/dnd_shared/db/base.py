"""Declarative base and the entity columns every table has.

Every entity: UUID primary key, ``created_at``, ``updated_at``, ``deleted_at`` (soft delete) and
``version`` (optimistic locking, checked by SQLAlchemy's ``version_id_col`` on every UPDATE).
Unique constraints are partial (``WHERE deleted_at IS NULL``): use :func:`live_unique_index`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Index, Integer, MetaData, func, text
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def schema_metadata(schema: str) -> MetaData:
    """The metadata of one service: every table in ``schema``, constraint names by convention.

    Each service declares its base statically so type checkers see a real class::

        class Base(DeclarativeBase):
            metadata = schema_metadata(SCHEMA)
    """
    return MetaData(schema=schema, naming_convention=NAMING_CONVENTION)


class EntityMixin:
    """Columns of every entity. Mix into a model of a service's base."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow, server_default=func.now()
    )
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True, index=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Every UPDATE checks and bumps ``version``; a concurrent writer gets StaleDataError.
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


def live_unique_index(name: str, *columns: str) -> Index:
    """A unique index that ignores soft-deleted rows, so a deleted name can be reused."""
    return Index(name, *columns, unique=True, postgresql_where=text("deleted_at IS NULL"))
