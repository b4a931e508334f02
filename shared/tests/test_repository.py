"""The generic repository against the real PostgreSQL: soft delete, restore, optimistic locking,
partial unique indexes, keyset pagination."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import String, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from dnd_shared.db.base import EntityMixin, live_unique_index, schema_metadata
from dnd_shared.db.pagination import Cursor
from dnd_shared.db.repository import Repository
from dnd_shared.errors import ConflictError, NotFoundError, UnprocessableError, VersionConflictError


class Base(DeclarativeBase):
    metadata = schema_metadata("dnd_shared_test")


class Widget(EntityMixin, Base):
    __tablename__ = "widget"
    __table_args__ = (live_unique_index("uq_widget_name_live", "name"),)

    name: Mapped[str] = mapped_column(String(100))
    colour: Mapped[str] = mapped_column(String(20), default="red")


class WidgetRepository(Repository[Widget]):
    model = Widget
    entity_name = "widget"


@pytest.fixture
async def repo(db_connection: AsyncConnection, db_session: AsyncSession) -> WidgetRepository:
    await db_connection.execute(text("CREATE SCHEMA IF NOT EXISTS dnd_shared_test"))
    await db_connection.run_sync(Base.metadata.create_all)
    return WidgetRepository(db_session)


async def test_create_sets_entity_columns(repo: WidgetRepository) -> None:
    widget = await repo.create(name="gear")
    assert isinstance(widget.id, uuid.UUID)
    assert widget.version == 1
    assert widget.deleted_at is None
    assert widget.created_at is not None and widget.updated_at is not None


async def test_soft_delete_hides_and_restore_brings_back(repo: WidgetRepository) -> None:
    widget = await repo.create(name="cog")
    await repo.soft_delete(widget)
    assert widget.deleted_at is not None
    assert await repo.get(widget.id) is None
    assert (await repo.get(widget.id, include_deleted=True)) is widget
    assert [w.id for w in (await repo.list(only_deleted=True)).items] == [widget.id]
    assert (await repo.list()).items == []
    with pytest.raises(NotFoundError) as caught:
        await repo.get_or_raise(widget.id)
    assert caught.value.code == "widget_not_found"

    await repo.restore(widget)
    assert widget.deleted_at is None
    assert (await repo.get_or_raise(widget.id)).name == "cog"
    # Every write bumps the version: create 1, delete 2, restore 3.
    assert widget.version == 3


async def test_row_still_exists_after_soft_delete(repo: WidgetRepository, db_session: AsyncSession) -> None:
    widget = await repo.create(name="sprocket")
    await repo.soft_delete(widget)
    count = await db_session.scalar(text("SELECT count(*) FROM dnd_shared_test.widget WHERE id = :id"),
                                    {"id": widget.id})
    assert count == 1


async def test_stale_expected_version_is_a_conflict(repo: WidgetRepository) -> None:
    widget = await repo.create(name="lever")
    await repo.update(widget, {"colour": "blue"}, expected_version=1)
    assert widget.version == 2
    with pytest.raises(VersionConflictError) as caught:
        await repo.update(widget, {"colour": "green"}, expected_version=1)
    assert caught.value.status_code == 409
    assert caught.value.details[0].field == "version"
    assert widget.colour == "blue"


async def test_concurrent_writer_is_caught_by_version_column(
    repo: WidgetRepository, db_session: AsyncSession
) -> None:
    widget = await repo.create(name="pulley")
    # Another writer bumps the row behind the ORM's back (same transaction, raw SQL).
    await db_session.execute(
        text("UPDATE dnd_shared_test.widget SET version = version + 1 WHERE id = :id"), {"id": widget.id}
    )
    with pytest.raises(VersionConflictError):
        await repo.update(widget, {"colour": "black"})


async def test_partial_unique_index_allows_reuse_after_delete(repo: WidgetRepository) -> None:
    first = await repo.create(name="wheel")
    with pytest.raises(ConflictError) as caught:
        await repo.create(name="wheel")
    assert caught.value.code == "widget_conflict"
    await repo.session.rollback()  # the failed flush ended the savepoint

    first = await repo.create(name="axle")
    await repo.soft_delete(first)
    second = await repo.create(name="axle")  # allowed: the first is deleted
    assert second.id != first.id
    with pytest.raises(ConflictError):
        await repo.restore(first)  # a live "axle" exists now


async def test_cursor_pagination_walks_every_row_once(repo: WidgetRepository) -> None:
    created = [await repo.create(name=f"w{i:02d}") for i in range(7)]
    seen: list[uuid.UUID] = []
    cursor = None
    pages = 0
    while True:
        page = await repo.list(limit=3, cursor=cursor)
        seen.extend(w.id for w in page.items)
        pages += 1
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert pages == 3
    assert seen == [w.id for w in created]


async def test_filters_and_bad_cursor(repo: WidgetRepository) -> None:
    await repo.create(name="a", colour="red")
    blue = await repo.create(name="b", colour="blue")
    page = await repo.list(filters={"colour": "blue"})
    assert [w.id for w in page.items] == [blue.id]
    with pytest.raises(UnprocessableError) as caught:
        await repo.list(cursor="not-a-cursor")
    assert caught.value.details[0].field == "cursor"


def test_cursor_round_trip() -> None:
    from datetime import UTC, datetime

    cursor = Cursor(datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC), uuid.uuid4())
    assert Cursor.decode(cursor.encode()) == cursor


async def test_sessions_commit_inside_the_test_transaction(db_connection: AsyncConnection) -> None:
    # A real engine-level check that the fixture's outer transaction is open, so commits are savepoints.
    assert db_connection.in_transaction()
    await asyncio.sleep(0)
