"""``GET /auth/verify`` (and ``/auth/verify/admin``): Traefik's forward-auth, on the service root.

Not a public route (Traefik's routers only match ``/api/v1/...``); Traefik calls it with the client's
``Authorization`` / ``X-API-Key`` and ``X-Forwarded-Method`` / ``X-Forwarded-Uri``. 200 carries the
identity headers Traefik copies to the service (``authResponseHeaders``); 401 carries
``WWW-Authenticate``; 403 means a valid identity without the right (API-key scope, admin role).
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from auth_service.api_keys.scopes import required_scope
from auth_service.forward_auth.service import Vouched
from auth_service.runtime import AuthRuntime
from dnd_shared.errors import ForbiddenError

router = APIRouter(tags=["forward-auth"], include_in_schema=False)


async def _vouch(request: Request) -> Vouched:
    runtime: AuthRuntime = request.app.state.auth
    headers = request.headers
    return await runtime.forward_auth.authenticate(headers.get("authorization"), headers.get("x-api-key"))


@router.get("/auth/verify")
async def verify(request: Request) -> Response:
    vouched = await _vouch(request)
    principal = vouched.principal
    if principal.auth_method == "api_key":
        method = request.headers.get("x-forwarded-method", "GET")
        uri = request.headers.get("x-forwarded-uri", "/")
        scope = required_scope(method, uri)
        if scope is None:
            raise ForbiddenError("API keys cannot call this route; use a logged-in user's bearer token.",
                                 code="api_key_not_allowed")
        if scope not in principal.scopes:
            raise ForbiddenError(f"This API key lacks the {scope} scope.", code="insufficient_scope")
    return Response(status_code=200, headers=vouched.headers)


@router.get("/auth/verify/admin")
async def verify_admin(request: Request) -> Response:
    """For operator routes (the Traefik dashboard): a bearer token of an admin only."""
    vouched = await _vouch(request)
    if vouched.principal.auth_method != "bearer" or not vouched.principal.is_admin:
        raise ForbiddenError("This needs an admin's bearer token.", code="admin_required")
    return Response(status_code=200, headers=vouched.headers)
