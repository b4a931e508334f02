"""Usage responses."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from llm_service.usage.repository import Totals


class UsageTotals(BaseModel):
    requests: int
    cached_requests: int
    input_tokens: int
    output_tokens: int
    tokens: int
    cost_usd: Decimal

    @classmethod
    def of(cls, totals: Totals) -> UsageTotals:
        return cls(requests=totals.requests, cached_requests=totals.cached_requests,
                   input_tokens=totals.input_tokens, output_tokens=totals.output_tokens, tokens=totals.tokens,
                   cost_usd=totals.cost_usd)


class Quota(BaseModel):
    limit_tokens: int
    used_tokens: int
    remaining_tokens: int
    resets_at: str


class UsageSummary(BaseModel):
    user_id: uuid.UUID
    day: UsageTotals
    month: UsageTotals
    daily_quota: Quota
    monthly_quota: Quota


class UserUsage(BaseModel):
    user_id: uuid.UUID
    usage: UsageTotals


class UsageListing(BaseModel):
    period: Literal["day", "month"]
    since: str
    users: list[UserUsage]
