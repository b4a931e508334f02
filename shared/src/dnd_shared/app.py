"""``create_service_app``: the one shape of every service's FastAPI app.

Middlewares (outermost first): request id -> metrics -> the app. Error handlers render the one
envelope. Lifespan opens the database and Redis, runs the service's own hooks, and closes them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager

from fastapi import APIRouter, FastAPI

from dnd_shared.db.engine import Database
from dnd_shared.errors import install_error_handlers
from dnd_shared.health import infra_health_router, public_health_router
from dnd_shared.hub.lifespan import hub_lifespan
from dnd_shared.hub.router import HubRouter
from dnd_shared.internal_token import install_internal_token_verifier
from dnd_shared.logging import configure_logging
from dnd_shared.metrics import MetricsMiddleware, metrics_router
from dnd_shared.redis_client import create_redis
from dnd_shared.request_id import RequestIdMiddleware
from dnd_shared.settings import ServiceSettings

LifespanHook = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def create_service_app(
    settings: ServiceSettings,
    *,
    title: str,
    prefix: str,
    version: str = "0.1.0",
    description: str = "",
    routers: Sequence[APIRouter] = (),
    lifespan_hooks: Sequence[LifespanHook] = (),
    hub: HubRouter | None = None,
) -> FastAPI:
    """Build a service app mounted under ``prefix`` (e.g. ``/api/v1/characters``).

    With ``hub`` (the service's ``rpc.router``) the instance joins the message hub after the other
    lifespan hooks have run: registered, serving its handlers, ``app.state.hub`` set.
    """
    if hub is not None:
        lifespan_hooks = [*lifespan_hooks, hub_lifespan(hub)]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        configure_logging(settings.service_name, settings.log_level, settings.log_json)
        async with AsyncExitStack() as stack:
            if getattr(app.state, "database", None) is None:
                app.state.database = Database(
                    settings.database_url, settings.schema_name, pool_size=settings.database_pool_size
                )
                stack.push_async_callback(app.state.database.dispose)
            if getattr(app.state, "redis", None) is None:
                app.state.redis = create_redis(settings.redis_url)
                stack.push_async_callback(app.state.redis.aclose)
            for hook in lifespan_hooks:
                await stack.enter_async_context(hook(app))
            yield

    app = FastAPI(
        title=title,
        version=version,
        description=description,
        lifespan=lifespan,
        openapi_url=f"{prefix}/openapi.json",
        docs_url=f"{prefix}/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.database = None
    app.state.redis = None
    app.state.hub = None  # the instance's dnd_shared.hub.Hub once the lifespan started it
    # Identity headers are trusted only with an X-Internal-Token signed by auth (refused in production
    # without DND_AUTH_PUBLIC_KEY_FILE).
    install_internal_token_verifier(app, settings)
    install_error_handlers(app)
    app.include_router(infra_health_router())
    app.include_router(metrics_router)
    app.include_router(public_health_router(prefix))
    for router in routers:
        app.include_router(router)
    app.add_middleware(MetricsMiddleware, service=settings.service_name)
    app.add_middleware(RequestIdMiddleware)
    return app
