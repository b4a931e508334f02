"""The generation limit: 10 portraits, item icons or maps per user per minute (configurable),
counted by the fleet's shared Redis limiter so every instance agrees."""

from __future__ import annotations

import uuid

from redis.asyncio import Redis

from dnd_shared.rate_limit import RateLimit, RateLimiter


async def enforce_generation_limit(redis: Redis, user_id: uuid.UUID, per_minute: int) -> None:
    """Count one generation for ``user_id``; 429 ``generation_rate_limited`` with ``Retry-After`` past the limit."""
    await RateLimiter(redis).enforce(
        f"images:generate:{user_id}",
        RateLimit.per_minute(per_minute),
        message=f"At most {per_minute} image generations per minute; try again shortly.",
        code="generation_rate_limited",
    )
