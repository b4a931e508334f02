"""Usage accounting and quotas: record every generation, sum per day and month (UTC), refuse with
429 ``quota_exceeded`` once a user's tokens reach the daily or monthly quota."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Literal

from dnd_shared.errors import RateLimitedError
from llm_service import metrics
from llm_service.config import Settings
from llm_service.usage.models import UsageRecord
from llm_service.usage.pricing import estimate_cost
from llm_service.usage.repository import UsageRepository
from llm_service.usage.schemas import Quota, UsageListing, UsageSummary, UsageTotals, UserUsage


def day_start(now: datetime) -> datetime:
    """Midnight UTC of ``now``'s day."""
    return now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


def month_start(now: datetime) -> datetime:
    """Midnight UTC of the first of ``now``'s month."""
    return day_start(now).replace(day=1)


def next_month_start(now: datetime) -> datetime:
    """Midnight UTC of the first of the next month."""
    start = month_start(now)
    return (start + timedelta(days=32)).replace(day=1)


async def check_quota(repository: UsageRepository, settings: Settings, user_id: uuid.UUID,
                      now: datetime | None = None) -> None:
    """429 ``quota_exceeded`` (with ``Retry-After`` until the quota resets) when the user has used up
    the daily or the monthly token quota."""
    now = now or datetime.now(UTC)
    day_tokens, month_tokens = await repository.day_and_month_tokens(user_id, day_start(now), month_start(now))
    if month_tokens >= settings.monthly_token_quota:
        metrics.REFUSALS.labels("monthly_quota").inc()
        reset = next_month_start(now)
        raise RateLimitedError(
            f"Monthly token quota of {settings.monthly_token_quota} used up ({month_tokens} tokens); "
            f"it resets at {reset.isoformat()}.",
            retry_after_seconds=int((reset - now).total_seconds()) + 1, code="quota_exceeded")
    if day_tokens >= settings.daily_token_quota:
        metrics.REFUSALS.labels("daily_quota").inc()
        reset = day_start(now) + timedelta(days=1)
        raise RateLimitedError(
            f"Daily token quota of {settings.daily_token_quota} used up ({day_tokens} tokens); "
            f"it resets at {reset.isoformat()}.",
            retry_after_seconds=int((reset - now).total_seconds()) + 1, code="quota_exceeded")


async def record_usage(repository: UsageRepository, settings: Settings, *, user_id: uuid.UUID | None, caller: str,
                       task: str, provider: str, model: str, input_tokens: int, output_tokens: int, cached: bool,
                       attempts: int, outcome: str = "ok") -> UsageRecord:
    """Store one generation's usage with its estimated cost."""
    cost = Decimal(0) if cached else estimate_cost(model, input_tokens, output_tokens, settings.prices)
    return await repository.create(
        user_id=user_id, caller=caller, task=task, provider=provider, model=model, input_tokens=input_tokens,
        output_tokens=output_tokens, cost_usd=cost, cached=cached, attempts=attempts, outcome=outcome)


def _quota(limit: int, used: int, resets_at: datetime) -> Quota:
    return Quota(limit_tokens=limit, used_tokens=used, remaining_tokens=max(0, limit - used),
                 resets_at=resets_at.isoformat())


async def usage_summary(repository: UsageRepository, settings: Settings, user_id: uuid.UUID,
                        now: datetime | None = None) -> UsageSummary:
    """The user's usage today and this month, and what is left of the quotas."""
    now = now or datetime.now(UTC)
    day = await repository.totals(user_id, day_start(now))
    month = await repository.totals(user_id, month_start(now))
    return UsageSummary(
        user_id=user_id, day=UsageTotals.of(day), month=UsageTotals.of(month),
        daily_quota=_quota(settings.daily_token_quota, day.tokens, day_start(now) + timedelta(days=1)),
        monthly_quota=_quota(settings.monthly_token_quota, month.tokens, next_month_start(now)),
    )


async def usage_by_user(repository: UsageRepository, period: Literal["day", "month"], *, limit: int = 100,
                        now: datetime | None = None) -> UsageListing:
    """Every user's usage in the current day or month, most tokens first (admin view)."""
    now = now or datetime.now(UTC)
    since = day_start(now) if period == "day" else month_start(now)
    rows = await repository.totals_by_user(since, limit=limit)
    return UsageListing(period=period, since=since.isoformat(),
                        users=[UserUsage(user_id=row.user_id, usage=UsageTotals.of(row.totals)) for row in rows])
