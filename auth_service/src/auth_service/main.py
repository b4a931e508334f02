"""The auth service's ASGI app: ``uvicorn auth_service.main:create_app --factory``."""

from __future__ import annotations

from fastapi import FastAPI

from auth_service import rpc
from auth_service.accounts.router import router as accounts_router
from auth_service.api_keys.router import router as api_keys_router
from auth_service.audit.router import router as audit_router
from auth_service.config import Settings
from auth_service.forward_auth.endpoint import ForwardAuthEndpoint
from auth_service.runtime import auth_runtime
from auth_service.tokens.router import router as tokens_router
from dnd_shared.app import create_service_app

API_PREFIX = "/api/v1/auth"


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: accounts, tokens, API keys, audit, and the forward-auth endpoint (``/auth/verify``)."""
    settings = settings or Settings()
    app = create_service_app(
        settings,
        title="Auth service",
        prefix=API_PREFIX,
        description="Accounts, tokens, API keys and Traefik forward-auth.",
        routers=[tokens_router, accounts_router, api_keys_router, audit_router],
        lifespan_hooks=[auth_runtime],
        hub=rpc.router,
    )
    # Outermost: forward-auth answers before the request-id/metrics/framework stack (it does both itself).
    app.add_middleware(ForwardAuthEndpoint, service=settings.service_name)
    return app


__all__ = ["API_PREFIX", "create_app"]
