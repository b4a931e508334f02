"""The shared GCRA rate limiter on the session's real Redis."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from dnd_shared.errors import RateLimitedError
from dnd_shared.rate_limit import KEY_PREFIX, RateLimit, RateLimiter


async def test_a_burst_up_to_the_limit_passes_then_the_next_is_refused(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit(5, 60)
    decisions = [await limiter.hit("user:a", limit) for _ in range(5)]
    assert [d.allowed for d in decisions] == [True] * 5
    assert [d.remaining for d in decisions] == [4, 3, 2, 1, 0]
    refused = await limiter.hit("user:a", limit)
    assert refused.allowed is False
    assert refused.remaining == 0
    # one request every 12 s: the next slot opens 12 s after the first request
    assert 11.0 < refused.retry_after_seconds <= 12.0
    assert refused.retry_after_header in (12, 11)
    assert 59.0 < refused.reset_after_seconds <= 60.0


async def test_a_refused_hit_consumes_nothing_and_keys_are_independent(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit(2, 60)
    assert (await limiter.hit("k1", limit)).allowed
    assert (await limiter.hit("k1", limit)).allowed
    first_refusal = await limiter.hit("k1", limit)
    second_refusal = await limiter.hit("k1", limit)
    assert not first_refusal.allowed and not second_refusal.allowed
    assert second_refusal.retry_after_seconds <= first_refusal.retry_after_seconds
    assert (await limiter.hit("k2", limit)).allowed


async def test_the_window_slides_one_interval_at_a_time(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit(2, 2.0)  # one request per second, burst of 2
    assert (await limiter.hit("slide", limit)).allowed
    assert (await limiter.hit("slide", limit)).allowed
    refused = await limiter.hit("slide", limit)
    assert not refused.allowed and 0.9 < refused.retry_after_seconds <= 1.0
    await asyncio.sleep(1.05)
    assert (await limiter.hit("slide", limit)).allowed
    assert not (await limiter.hit("slide", limit)).allowed


async def test_the_key_expires_once_the_burst_is_full_again(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    decision = await limiter.hit("ttl", RateLimit(3, 30))
    ttl_ms = await redis_client.pttl(KEY_PREFIX + "ttl")
    assert 9_000 < ttl_ms <= 10_000
    assert decision.reset_after_seconds == pytest.approx(10.0, abs=0.01)


async def test_cost_counts_several_requests_at_once(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit(10, 60)
    assert (await limiter.hit("cost", limit, cost=7)).remaining == 3
    assert not (await limiter.hit("cost", limit, cost=4)).allowed
    assert (await limiter.hit("cost", limit, cost=3)).remaining == 0
    with pytest.raises(ValueError):
        await limiter.hit("cost", limit, cost=11)


async def test_enforce_raises_rate_limited_with_retry_after(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit.per_minute(1)
    await limiter.enforce("images:u1", limit)
    with pytest.raises(RateLimitedError) as caught:
        await limiter.enforce("images:u1", limit, code="image_rate_limited")
    error = caught.value
    assert error.status_code == 429
    assert error.code == "image_rate_limited"
    assert error.headers == {"Retry-After": "60"}
    assert error.message == "Rate limit of 1/minute exceeded; retry in 60 s."


async def test_concurrent_hits_never_exceed_the_limit(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit(10, 60)
    decisions = await asyncio.gather(*(limiter.hit("race", limit) for _ in range(40)))
    assert sum(d.allowed for d in decisions) == 10


async def test_reset_restores_the_full_burst(redis_client: Redis) -> None:
    limiter = RateLimiter(redis_client)
    limit = RateLimit(1, 60)
    assert (await limiter.hit("reset", limit)).allowed
    assert not (await limiter.hit("reset", limit)).allowed
    await limiter.reset("reset")
    assert (await limiter.hit("reset", limit)).allowed


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        RateLimit(0, 60)
    with pytest.raises(ValueError):
        RateLimit(1, 0)
    assert RateLimit(100, 60).describe() == "100/minute"
    assert RateLimit(5, 1).describe() == "5/second"
