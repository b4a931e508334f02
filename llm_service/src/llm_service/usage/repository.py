"""Usage queries: totals for one user since a moment, and per-user totals for the admin view."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text

from dnd_shared.db.repository import Repository
from llm_service.usage.models import UsageRecord


@dataclass(frozen=True)
class Totals:
    requests: int
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    cached_requests: int

    @property
    def tokens(self) -> int:
        return self.input_tokens + self.output_tokens


@dataclass(frozen=True)
class UserTotals:
    user_id: uuid.UUID
    totals: Totals


class UsageRepository(Repository[UsageRecord]):
    model = UsageRecord
    entity_name = "usage_record"

    def _aggregates(self) -> tuple[Any, ...]:
        return (
            func.count(UsageRecord.id),
            func.coalesce(func.sum(UsageRecord.input_tokens), 0),
            func.coalesce(func.sum(UsageRecord.output_tokens), 0),
            func.coalesce(func.sum(UsageRecord.cost_usd), 0),
            func.count(UsageRecord.id).filter(UsageRecord.cached.is_(True)),
        )

    async def totals(self, user_id: uuid.UUID, since: datetime) -> Totals:
        """The user's usage from ``since`` on."""
        statement = select(*self._aggregates()).where(
            UsageRecord.user_id == user_id, UsageRecord.created_at >= since, UsageRecord.deleted_at.is_(None)
        )
        row = (await self.session.execute(statement)).one()
        return Totals(int(row[0]), int(row[1]), int(row[2]), Decimal(row[3]), int(row[4]))

    async def commit_without_waiting_for_disk(self) -> None:
        """This transaction's commit returns before its WAL reaches the disk (``synchronous_commit = off``
        for this transaction only): usage rows are accounting, a crash may lose the last few hundred
        milliseconds of them, never corrupt anything, and every generation saves a disk flush."""
        await self.session.execute(text("SET LOCAL synchronous_commit TO OFF"))

    async def day_and_month_tokens(self, user_id: uuid.UUID, day: datetime, month: datetime) -> tuple[int, int]:
        """The user's tokens since ``day`` and since ``month`` in one query (the quota check on every request)."""
        tokens = UsageRecord.input_tokens + UsageRecord.output_tokens
        statement = select(
            func.coalesce(func.sum(tokens).filter(UsageRecord.created_at >= day), 0),
            func.coalesce(func.sum(tokens), 0),
        ).where(UsageRecord.user_id == user_id, UsageRecord.created_at >= min(day, month),
                UsageRecord.deleted_at.is_(None))
        row = (await self.session.execute(statement)).one()
        return int(row[0]), int(row[1])

    async def totals_by_user(self, since: datetime, *, limit: int = 100) -> list[UserTotals]:
        """Every user's usage from ``since`` on, most tokens first."""
        tokens = func.coalesce(func.sum(UsageRecord.input_tokens + UsageRecord.output_tokens), 0)
        statement = (
            select(UsageRecord.user_id, *self._aggregates())
            .where(UsageRecord.created_at >= since, UsageRecord.user_id.is_not(None), UsageRecord.deleted_at.is_(None))
            .group_by(UsageRecord.user_id)
            .order_by(tokens.desc(), UsageRecord.user_id)
            .limit(max(1, min(limit, 500)))
        )
        rows: list[Any] = list((await self.session.execute(statement)).all())
        return [UserTotals(row[0], Totals(int(row[1]), int(row[2]), int(row[3]), Decimal(row[4]), int(row[5])))
                for row in rows]
