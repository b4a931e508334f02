"""``/api/v1/auth``: login, refresh, logout (public: the body carries the credential) and JWKS.

Login and refresh run their own unit of work: a failed attempt's bookkeeping (backoff counters,
audit events, a revoked family) is committed before the 401/429 is raised.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from auth_service.accounts.service import AccountService
from auth_service.runtime import RuntimeDep, client_ip
from auth_service.tokens.schemas import LoginIn, RefreshIn, TokenPairOut
from auth_service.tokens.service import TokenService
from dnd_shared.errors import AppError

API_PREFIX = "/api/v1/auth"
router = APIRouter(prefix=API_PREFIX, tags=["tokens"])


@router.post("/login", response_model=TokenPairOut, summary="Exchange email and password for a token pair")
async def login(body: LoginIn, request: Request, runtime: RuntimeDep) -> TokenPairOut:
    async with runtime.database.session() as session:
        outcome = await AccountService(session, runtime).authenticate(body.email, body.password,
                                                                      client_ip(request))
        pair = None if isinstance(outcome, AppError) else await TokenService(session, runtime).issue_pair(outcome)
    if isinstance(outcome, AppError):
        raise outcome
    assert pair is not None
    return pair


@router.post("/refresh", response_model=TokenPairOut,
             summary="Rotate a refresh token; reusing a rotated one revokes its whole session")
async def refresh(body: RefreshIn, request: Request, runtime: RuntimeDep) -> TokenPairOut:
    async with runtime.database.session() as session:
        outcome = await TokenService(session, runtime).rotate(body.refresh_token, client_ip(request))
    if isinstance(outcome, AppError):
        raise outcome
    return outcome


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT,
             summary="End the session of a refresh token (idempotent)")
async def logout(body: RefreshIn, request: Request, runtime: RuntimeDep) -> Response:
    async with runtime.database.session() as session:
        await TokenService(session, runtime).logout(body.refresh_token, client_ip(request))
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/.well-known/jwks.json", summary="The public signing key (JWKS)")
async def jwks(runtime: RuntimeDep, response: Response) -> dict[str, list[dict[str, str]]]:
    response.headers["Cache-Control"] = "public, max-age=300"
    return runtime.keys.jwks()
