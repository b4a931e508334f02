"""Running a service's hub inside its FastAPI app: ``create_service_app(..., hub=router)`` adds
:func:`hub_lifespan` to the app's lifespan, so each ``main.py`` changes by one argument."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI

from dnd_shared.hub.client import Hub, create_hub_redis
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.outbox import OutboxRelay
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.system import with_system_handlers


def advertised_base_url(host: str, port: int) -> str:
    """The URL the hub's prober uses for this instance (the hostname when bound to all interfaces)."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    return f"http://{host}:{port}"


def hub_lifespan(router: HubRouter) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan hook that starts the instance's hub after the database and Redis are up (with the
    standard handlers added, see :func:`with_system_handlers`), puts it on ``app.state.hub``, and
    stops it (deregistering first) at shutdown. ``app.state.hub_settings``,
    if a test sets it, replaces the ``DND_HUB_*`` settings."""

    @asynccontextmanager
    async def run_hub(app: FastAPI) -> AsyncIterator[None]:
        settings = app.state.settings
        hub_settings: HubSettings = getattr(app.state, "hub_settings", None) or HubSettings()
        redis = create_hub_redis(settings.redis_url)
        full_router = with_system_handlers(router, settings.service_name)
        hub = Hub(service=settings.service_name, redis=redis, router=full_router, version=app.version,
                  base_url=advertised_base_url(settings.host, settings.port), settings=hub_settings)
        hub.app_state = app.state
        if router.outbox is not None:
            relay = OutboxRelay(app.state.database, router.outbox, redis, maxlen=hub_settings.event_stream_maxlen)
            hub.outbox_relay = relay
            hub.workers.append(relay.run)
        app.state.hub = hub
        try:
            await hub.start()
            yield
        finally:
            await hub.stop()
            await redis.aclose()

    return run_hub
