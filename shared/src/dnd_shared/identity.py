"""Who is calling: the identity Traefik's forward-auth puts in headers, trusted only when the
short-lived ``X-Internal-Token`` verifies.

The header names are fixed here for the whole fleet. Verification is an
:class:`InternalTokenVerifier` on ``app.state.internal_token_verifier``: ``create_service_app``
installs the real one (:mod:`dnd_shared.internal_token`, auth's public key from the settings); with
none installed every authenticated route answers 401, so a service is closed by default.

Dependencies: ``CurrentUser`` (any verified caller), ``AdminUser`` (global ``admin`` role),
``require_role("admin")`` and ``require_scope("characters:write")`` for finer checks.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Protocol

import structlog
from fastapi import Depends, Request

from dnd_shared.errors import ForbiddenError, UnauthorizedError

USER_ID_HEADER = "X-User-Id"
ROLES_HEADER = "X-User-Roles"
AUTH_METHOD_HEADER = "X-Auth-Method"
SCOPES_HEADER = "X-Auth-Scopes"
INTERNAL_TOKEN_HEADER = "X-Internal-Token"
IDENTITY_HEADERS = (USER_ID_HEADER, ROLES_HEADER, AUTH_METHOD_HEADER, SCOPES_HEADER, INTERNAL_TOKEN_HEADER)


@dataclass(frozen=True)
class Principal:
    """The caller: a user id, global roles, API-key scopes, and how they authenticated."""

    user_id: uuid.UUID
    roles: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    auth_method: str = "bearer"  # bearer | api_key | internal

    @property
    def is_admin(self) -> bool:
        """Whether the caller holds the global ``admin`` role."""
        return "admin" in self.roles

    def has_role(self, role: str) -> bool:
        """Whether the caller holds the global ``role``."""
        return role in self.roles

    def has_scope(self, scope: str) -> bool:
        """Bearer tokens carry every scope of the user; API keys only the ones granted."""
        return self.auth_method != "api_key" or scope in self.scopes


class InternalTokenVerifier(Protocol):
    def verify(self, token: str, principal: Principal) -> None:
        """Raise :class:`UnauthorizedError` unless ``token`` vouches for exactly ``principal``."""


def _split(value: str | None) -> frozenset[str]:
    return frozenset(part.strip() for part in (value or "").split(",") if part.strip())


def principal_from_headers(request: Request) -> Principal:
    """Parse the gateway headers; a missing or malformed identity is a 401."""
    raw_user_id = request.headers.get(USER_ID_HEADER)
    if not raw_user_id:
        raise UnauthorizedError("Authentication is required.", code="not_authenticated")
    try:
        user_id = uuid.UUID(raw_user_id)
    except ValueError as exc:
        raise UnauthorizedError("The identity headers are malformed.", code="invalid_identity") from exc
    return Principal(
        user_id=user_id,
        roles=_split(request.headers.get(ROLES_HEADER)),
        scopes=_split(request.headers.get(SCOPES_HEADER)),
        auth_method=request.headers.get(AUTH_METHOD_HEADER, "bearer"),
    )


async def get_current_user(request: Request) -> Principal:
    """The verified caller. Binds ``user_id`` to the request's log lines."""
    principal = principal_from_headers(request)
    verifier: InternalTokenVerifier | None = getattr(request.app.state, "internal_token_verifier", None)
    token = request.headers.get(INTERNAL_TOKEN_HEADER)
    if verifier is None or not token:
        raise UnauthorizedError("The caller's identity could not be verified.", code="identity_unverified")
    verifier.verify(token, principal)
    structlog.contextvars.bind_contextvars(user_id=str(principal.user_id))
    request.state.principal = principal
    return principal


async def get_admin_user(principal: Annotated[Principal, Depends(get_current_user)]) -> Principal:
    """The verified caller, who must hold the global ``admin`` role (403 ``admin_required`` otherwise)."""
    if not principal.is_admin:
        raise ForbiddenError("This action needs the admin role.", code="admin_required")
    return principal


def require_role(role: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency: the verified caller, who must hold ``role`` (403 ``role_required`` otherwise).

    ``user: Annotated[Principal, Depends(require_role("admin"))]`` or, when the principal itself is
    not needed, ``dependencies=[Depends(require_role("admin"))]`` on a route or router.
    """

    async def dependency(principal: Annotated[Principal, Depends(get_current_user)]) -> Principal:
        if not principal.has_role(role):
            raise ForbiddenError(f"This action needs the {role} role.", code="role_required")
        return principal

    return dependency


def require_scope(scope: str) -> Callable[[Principal], Awaitable[Principal]]:
    """A dependency: the verified caller, whose credential must grant ``scope`` (403 ``scope_required``).

    Bearer tokens carry all of their user's rights; an API key only the scopes it was created with
    (``characters:read``, ``characters:write``, ...). The edge checks method-level scopes already;
    this is the service's own, finer check.
    """

    async def dependency(principal: Annotated[Principal, Depends(get_current_user)]) -> Principal:
        if not principal.has_scope(scope):
            raise ForbiddenError(f"This API key lacks the {scope} scope.", code="scope_required")
        return principal

    return dependency


CurrentUser = Annotated[Principal, Depends(get_current_user)]
AdminUser = Annotated[Principal, Depends(get_admin_user)]
