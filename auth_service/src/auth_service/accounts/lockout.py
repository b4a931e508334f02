"""Per-account login backoff, keyed by an HMAC of the email so unknown and known addresses behave
identically (no enumeration through lockouts). After ``login_failures_before_lock`` consecutive
failures the address is locked for ``login_lock_seconds``, doubling with every further failure up to
``login_lock_max_seconds``; a successful login clears the count. The counters are short-lived
bookkeeping in Redis (failures are forgotten after a day without a new one)."""

from __future__ import annotations

import hashlib
import hmac

from redis.asyncio import Redis

FAILURES_KEY = "auth:login:fail:{digest}"
LOCK_KEY = "auth:login:lock:{digest}"
FAILURE_MEMORY_SECONDS = 24 * 3600


class LoginThrottle:
    def __init__(self, redis: Redis, secret: bytes, *, failures_before_lock: int, lock_seconds: int,
                 max_lock_seconds: int) -> None:
        self.redis = redis
        self.secret = secret
        self.failures_before_lock = failures_before_lock
        self.lock_seconds = lock_seconds
        self.max_lock_seconds = max_lock_seconds

    def _digest(self, email: str) -> str:
        return hmac.new(self.secret, email.encode(), hashlib.sha256).hexdigest()[:32]

    async def locked_for(self, email: str) -> int:
        """Seconds the address stays locked (0 when it may try)."""
        ttl = int(await self.redis.ttl(LOCK_KEY.format(digest=self._digest(email))))
        return max(ttl, 0)

    async def record_failure(self, email: str) -> tuple[int, int]:
        """Count a failure; ``(failures, lock_seconds)``, the latter 0 when this failure locks nothing."""
        digest = self._digest(email)
        key = FAILURES_KEY.format(digest=digest)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, FAILURE_MEMORY_SECONDS)
            failures = int((await pipe.execute())[0])
        if failures < self.failures_before_lock:
            return failures, 0
        doublings = min(failures - self.failures_before_lock, 20)
        lock = min(self.lock_seconds * 2**doublings, self.max_lock_seconds)
        await self.redis.set(LOCK_KEY.format(digest=digest), 1, ex=lock)
        return failures, lock

    async def clear(self, email: str) -> None:
        digest = self._digest(email)
        await self.redis.delete(FAILURES_KEY.format(digest=digest), LOCK_KEY.format(digest=digest))
