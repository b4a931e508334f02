"""Every query on ``catalog.entries`` and ``catalog.content_releases``."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Float, Integer, and_, cast, func, insert, or_, select, text
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement

from catalog_service.content.models import CatalogEntry, ContentRelease
from catalog_service.content.visibility import Viewer, visible_clause
from dnd_shared.db.repository import Repository
from dnd_shared.errors import ErrorDetail, UnprocessableError

#: Sort keys browse accepts (prefix ``-`` for descending) and the types they make sense for.
SORTS: dict[str, tuple[str, ...]] = {
    "name": (),
    "created_at": (),
    "level": ("spell",),
    "cr": ("creature",),
    "cost": ("weapon", "armor", "gear", "tool"),
}


@dataclass(frozen=True)
class EntryPage:
    items: list[CatalogEntry]
    next_cursor: str | None


def _encode_cursor(value: Any, id_: uuid.UUID) -> str:
    raw = json.dumps([value, str(id_)]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(token: str) -> tuple[Any, uuid.UUID]:
    try:
        value, id_ = json.loads(base64.urlsafe_b64decode((token + "=" * (-len(token) % 4)).encode()))
        return value, uuid.UUID(id_)
    except (ValueError, TypeError) as exc:
        raise UnprocessableError(
            "The cursor is not valid.",
            code="invalid_cursor",
            details=[ErrorDetail("cursor", "not a cursor returned by this API")],
        ) from exc


def _sort_expression(sort: str) -> ColumnElement[Any] | InstrumentedAttribute[Any]:
    if sort == "name":
        return func.lower(CatalogEntry.name)
    if sort == "created_at":
        return CatalogEntry.created_at
    if sort == "level":
        return func.coalesce(cast(CatalogEntry.mechanics["level"].astext, Integer), 0)
    if sort == "cr":
        return func.coalesce(cast(CatalogEntry.mechanics["cr_value"].astext, Float), 0.0)
    return func.coalesce(cast(CatalogEntry.mechanics["cost_gp"].astext, Float), 0.0)


class EntryRepository(Repository[CatalogEntry]):
    model = CatalogEntry
    entity_name = "entry"

    async def find_visible(
        self, key: str, viewer: Viewer, *, content_type: str | None = None, include_deleted: bool = False
    ) -> CatalogEntry | None:
        """By id or slug (a slug needs the type); ``link`` entries count, others' private ones do not."""
        statement = self._select(include_deleted=include_deleted).where(visible_clause(viewer, direct=True))
        try:
            statement = statement.where(CatalogEntry.id == uuid.UUID(key))
        except ValueError:
            if content_type is None:
                return None
            statement = statement.where(CatalogEntry.slug == key.lower())
        if content_type is not None:
            statement = statement.where(CatalogEntry.type == content_type)
        statement = statement.order_by(CatalogEntry.deleted_at.is_not(None), CatalogEntry.created_at.desc()).limit(1)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def get_many_visible(self, ids: Sequence[uuid.UUID], viewer: Viewer) -> list[CatalogEntry]:
        """The visible live entries among ``ids`` (missing and invisible ones are simply absent)."""
        if not ids:
            return []
        statement = self._select().where(CatalogEntry.id.in_(list(ids)), visible_clause(viewer, direct=True))
        return list((await self.session.execute(statement)).scalars().all())

    async def browse(
        self,
        *,
        content_type: str,
        viewer: Viewer,
        where: Sequence[ColumnElement[bool]],
        sort: str,
        limit: int,
        cursor: str | None,
    ) -> EntryPage:
        """Listed entries of one type, keyset-paginated on ``(sort value, id)``."""
        descending = sort.startswith("-")
        key = sort.lstrip("-")
        expression = _sort_expression(key)
        statement = self._select().where(
            CatalogEntry.type == content_type, visible_clause(viewer, direct=False), *where
        )
        if cursor is not None:
            value, after_id = _decode_cursor(cursor)
            if key == "created_at":
                value = datetime.fromisoformat(value)
            if descending:
                statement = statement.where(
                    or_(expression < value, and_(expression == value, CatalogEntry.id < after_id))
                )
            else:
                statement = statement.where(
                    or_(expression > value, and_(expression == value, CatalogEntry.id > after_id))
                )
        if descending:
            statement = statement.order_by(expression.desc(), CatalogEntry.id.desc())
        else:
            statement = statement.order_by(expression, CatalogEntry.id)
        statement = statement.add_columns(expression.label("sort_value")).limit(limit + 1)
        rows = (await self.session.execute(statement)).all()
        items = [row[0] for row in rows[:limit]]
        next_cursor = None
        if len(rows) > limit:
            last_value = rows[limit - 1].sort_value
            if isinstance(last_value, datetime):
                last_value = last_value.isoformat()
            next_cursor = _encode_cursor(last_value, items[-1].id)
        return EntryPage(items, next_cursor)

    async def provenance_chain(self, entry: CatalogEntry) -> list[CatalogEntry]:
        """The entry's ancestors, parent first, root last (deleted ancestors included)."""
        chain: list[CatalogEntry] = []
        seen = {entry.id}
        parent_id = entry.parent_id
        while parent_id is not None and parent_id not in seen and len(chain) < 50:
            parent = await self.get(parent_id, include_deleted=True)
            if parent is None:
                break
            chain.append(parent)
            seen.add(parent.id)
            parent_id = parent.parent_id
        return chain

    async def srd_index(self, source: str) -> dict[tuple[str, str], CatalogEntry]:
        """Live entries of ``source`` by ``(type, slug)`` (the seed's diff base)."""
        statement = self._select().where(CatalogEntry.source == source)
        rows = (await self.session.execute(statement)).scalars().all()
        return {(row.type, row.slug): row for row in rows}

    async def insert_many(self, rows: list[dict[str, Any]]) -> None:
        """Bulk insert (the seed): one executemany, ids generated here."""
        if not rows:
            return
        for row in rows:
            row.setdefault("id", uuid.uuid4())
        await self.session.execute(insert(CatalogEntry), rows)

    async def analyze(self) -> None:
        """Refresh the planner's statistics after a bulk load (the seed)."""
        await self.session.execute(text("ANALYZE entries"))

    async def count_live(self, *, source: str | None = None) -> dict[str, int]:
        """Live entries per type (optionally of one source)."""
        statement = select(CatalogEntry.type, func.count()).where(CatalogEntry.deleted_at.is_(None))
        if source is not None:
            statement = statement.where(CatalogEntry.source == source)
        statement = statement.group_by(CatalogEntry.type)
        return {row[0]: int(row[1]) for row in (await self.session.execute(statement)).all()}


class ReleaseRepository(Repository[ContentRelease]):
    model = ContentRelease
    entity_name = "content_release"

    async def get_by_key(self, key: str) -> ContentRelease | None:
        """The live release row of a content set (``srd-5.2``), if loaded."""
        statement = self._select().where(ContentRelease.key == key)
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def record(
        self, key: str, version: str, count: int, loaded_at: datetime, current: ContentRelease | None
    ) -> ContentRelease:
        """Store the loaded version (updating the existing row when there is one)."""
        values = {"content_version": version, "entry_count": count, "loaded_at": loaded_at}
        if current is None:
            return await self.create(key=key, **values)
        return await self.update(current, values)
