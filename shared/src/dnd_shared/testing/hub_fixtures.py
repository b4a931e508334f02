"""Hub fixtures: fast hub timings, and in-process hub instances on the session's Redis.

Enable with ``"dnd_shared.testing.hub_fixtures"`` in the root ``conftest.py``'s ``pytest_plugins``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import pytest
from redis.asyncio import Redis

from dnd_shared.hub.client import Hub, create_hub_redis
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.router import HubRouter
from dnd_shared.logging import configure_logging
from dnd_shared.testing.fixtures import TestInfra


def fast_hub_settings(**overrides: float | int) -> HubSettings:
    """Timings short enough for tests (TTL 2 s, reclaim after 1 s idle, retries after 0.1 s)."""
    values: dict[str, float | int] = {
        "registry_ttl": 2.0, "heartbeat_interval": 0.5, "claim_idle": 1.0, "reclaim_interval": 0.2,
        "retry_delay": 0.1, "max_deliveries": 3, "block_ms": 200, "default_timeout": 3.0,
        "breaker_failure_threshold": 3, "breaker_reset_after": 1.0, "liveness_cache": 0.2,
    }
    values.update(overrides)
    return HubSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def hub_settings() -> HubSettings:
    """Fast hub timings (see :func:`fast_hub_settings`). Logs are the production JSON lines: the
    development console renderer formats tracebacks slowly enough to stall the event loop."""
    configure_logging("test", "INFO", json=True)
    return fast_hub_settings()


HubFactory = Callable[..., AbstractAsyncContextManager[Hub]]


@pytest.fixture
def hub_instance(infra: TestInfra, redis_client: Redis, hub_settings: HubSettings) -> HubFactory:
    """``async with hub_instance("catalog", router) as hub:`` — a started hub instance with its own
    connection pool on the session's Redis (which ``redis_client`` empties after the test)."""

    @asynccontextmanager
    async def start(service: str, router: HubRouter | None = None, *, settings: HubSettings | None = None,
                    instance_id: str | None = None, version: str = "0.1.0",
                    base_url: str = "http://127.0.0.1:1") -> AsyncIterator[Hub]:
        redis = create_hub_redis(infra.redis_url)
        hub = Hub(service=service, redis=redis, router=router, version=version, base_url=base_url,
                  settings=settings or hub_settings, instance_id=instance_id)
        await hub.start()
        try:
            yield hub
        finally:
            await hub.stop()
            await redis.aclose()

    return start
