"""Per-user and per-service request limits on the shared GCRA limiter (:mod:`dnd_shared.rate_limit`).

Text generation: ``LLM_TEXT_REQUESTS_PER_MINUTE`` per user (100). Images: the image service asks
``llm.check_rate_limit`` with ``kind="image"`` (10 per user per minute). Hub callers: each calling
service has its own budget (``LLM_RPC_REQUESTS_PER_MINUTE``, per-service overrides in
``LLM_RPC_SERVICE_LIMITS``).
"""

from __future__ import annotations

import uuid
from typing import Literal

from dnd_shared.errors import RateLimitedError
from dnd_shared.rate_limit import RateLimit, RateLimitDecision, RateLimiter
from llm_service import metrics
from llm_service.config import Settings

LimitKind = Literal["text", "image"]


class Limits:
    """The service's limits over one Redis."""

    def __init__(self, limiter: RateLimiter, settings: Settings) -> None:
        self.limiter = limiter
        self.settings = settings

    def _user_limit(self, kind: LimitKind) -> RateLimit:
        if kind == "text":
            return RateLimit.per_minute(self.settings.text_requests_per_minute)
        return RateLimit.per_minute(self.settings.image_requests_per_minute)

    async def enforce_user(self, user_id: uuid.UUID, kind: LimitKind = "text") -> None:
        """429 ``rate_limited`` with ``Retry-After`` once the user exceeds the per-minute limit."""
        limit = self._user_limit(kind)
        decision = await self.limiter.hit(f"llm:{kind}:{user_id}", limit)
        if not decision.allowed:
            metrics.REFUSALS.labels(f"{kind}_rate").inc()
            raise RateLimitedError(
                f"Too many {kind} requests: the limit is {limit.describe()} per user; "
                f"retry in {decision.retry_after_header} s.",
                retry_after_seconds=decision.retry_after_header,
            )

    async def check_user(self, user_id: uuid.UUID, kind: LimitKind, cost: int = 1) -> RateLimitDecision:
        """Count and report (the image service decides what to do with a refusal)."""
        decision = await self.limiter.hit(f"llm:{kind}:{user_id}", self._user_limit(kind), cost=cost)
        if not decision.allowed:
            metrics.REFUSALS.labels(f"{kind}_rate").inc()
        return decision

    async def enforce_service(self, service: str) -> None:
        """429 ``rate_limited`` once a calling service exceeds its per-minute budget."""
        limit = RateLimit.per_minute(self.settings.rpc_limit_for(service))
        decision = await self.limiter.hit(f"llm:rpc:{service}", limit)
        if not decision.allowed:
            metrics.REFUSALS.labels("service_rate").inc()
            raise RateLimitedError(
                f"Service {service} exceeded its limit of {limit.describe()} llm requests.",
                retry_after_seconds=decision.retry_after_header,
            )
