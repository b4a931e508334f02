"""Per-key rate limits in Redis with the generic cell rate algorithm (GCRA).

One key (``llm:text:<user id>``) holds one number: the *theoretical arrival time* (TAT) of the next
request. A limit of ``N`` per ``P`` seconds spaces requests ``P / N`` apart and tolerates a burst of
``N``; a request is allowed when the TAT it would push is at most ``P`` ahead of now. This is a
sliding window without per-request bookkeeping: one small string per key, one round trip (a Lua
script, atomic on the server and timed by the server's clock, so instances never disagree).

    limiter = RateLimiter(redis)
    await limiter.enforce("images:" + str(user_id), RateLimit(10, 60))   # raises RateLimitedError

``hit`` returns a :class:`RateLimitDecision` (allowed, remaining, retry_after) for callers that want
to decide themselves; ``enforce`` raises :class:`dnd_shared.errors.RateLimitedError` with
``Retry-After`` in whole seconds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

from dnd_shared.errors import RateLimitedError

KEY_PREFIX = "ratelimit:"

# KEYS[1] = the key; ARGV = period (s), limit, cost. Returns {allowed, remaining, retry_after_ms, reset_after_ms}.
_GCRA_SCRIPT = """
local period = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local interval = period / limit
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local new_tat = tat + cost * interval
local allow_at = new_tat - period
if now < allow_at then
  return {0, 0, math.ceil((allow_at - now) * 1000), math.ceil((tat - now) * 1000)}
end
local ttl_ms = math.ceil((new_tat - now) * 1000)
redis.call('SET', KEYS[1], string.format('%.6f', new_tat), 'PX', ttl_ms)
local remaining = math.floor((now - allow_at) / interval + 1e-9)
return {1, remaining, 0, ttl_ms}
"""


@dataclass(frozen=True)
class RateLimit:
    """``limit`` requests per ``period_seconds``, with a burst of up to ``limit`` at once."""

    limit: int
    period_seconds: float = 60.0

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError("a rate limit allows at least one request")
        if self.period_seconds <= 0:
            raise ValueError("a rate limit's period must be positive")

    @classmethod
    def per_minute(cls, limit: int) -> RateLimit:
        """``limit`` requests per minute."""
        return cls(limit, 60.0)

    def describe(self) -> str:
        """``100/minute``-style text for messages."""
        if self.period_seconds == 60:
            return f"{self.limit}/minute"
        if self.period_seconds == 1:
            return f"{self.limit}/second"
        return f"{self.limit} per {self.period_seconds:g} s"


@dataclass(frozen=True)
class RateLimitDecision:
    """The outcome of one :meth:`RateLimiter.hit`."""

    allowed: bool
    #: Requests still allowed right now after this one (0 when refused).
    remaining: int
    #: Seconds until this request would be allowed (0 when allowed).
    retry_after_seconds: float
    #: Seconds until the key is back to a full burst.
    reset_after_seconds: float

    @property
    def retry_after_header(self) -> int:
        """``Retry-After`` in whole seconds, at least 1."""
        return max(1, math.ceil(self.retry_after_seconds))


class RateLimiter:
    """GCRA limits on keys in one Redis; safe to share between tasks and instances."""

    def __init__(self, redis: Redis, *, prefix: str = KEY_PREFIX) -> None:
        self.redis = redis
        self.prefix = prefix
        self._script: Any = redis.register_script(_GCRA_SCRIPT)

    def _key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    async def hit(self, key: str, limit: RateLimit, *, cost: int = 1) -> RateLimitDecision:
        """Count ``cost`` requests on ``key`` if the limit allows them; a refused hit counts nothing."""
        if cost < 1:
            raise ValueError("cost must be at least 1")
        if cost > limit.limit:
            raise ValueError(f"cost {cost} exceeds the limit's burst of {limit.limit}")
        allowed, remaining, retry_ms, reset_ms = await self._script(
            keys=[self._key(key)], args=[repr(float(limit.period_seconds)), limit.limit, cost]
        )
        return RateLimitDecision(
            allowed=bool(allowed),
            remaining=int(remaining),
            retry_after_seconds=int(retry_ms) / 1000,
            reset_after_seconds=int(reset_ms) / 1000,
        )

    async def enforce(
        self,
        key: str,
        limit: RateLimit,
        *,
        cost: int = 1,
        message: str | None = None,
        code: str = "rate_limited",
    ) -> RateLimitDecision:
        """Like :meth:`hit`, but a refusal raises :class:`RateLimitedError` (429 with ``Retry-After``)."""
        decision = await self.hit(key, limit, cost=cost)
        if not decision.allowed:
            raise RateLimitedError(
                message or f"Rate limit of {limit.describe()} exceeded; retry in {decision.retry_after_header} s.",
                retry_after_seconds=decision.retry_after_header,
                code=code,
            )
        return decision

    async def reset(self, key: str) -> None:
        """Forget ``key``'s history (an operator lifting a limit)."""
        await self.redis.delete(self._key(key))
