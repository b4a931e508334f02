"""What the auth service builds once at start-up (keys, signer, hasher, throttle, caches) and keeps on
``app.state.auth``, and the request helpers every router uses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from redis.asyncio import Redis

from auth_service.accounts.lockout import LoginThrottle
from auth_service.accounts.passwords import PasswordHasher
from auth_service.config import Settings
from auth_service.forward_auth.service import ForwardAuthenticator
from auth_service.revocation import RevocationStore
from auth_service.tokens.keys import SigningKeys, load_or_create_keys
from auth_service.tokens.signing import TokenSigner
from dnd_shared.db.engine import Database
from dnd_shared.internal_token import JwtInternalTokenVerifier


@dataclass
class AuthRuntime:
    settings: Settings
    database: Database
    redis: Redis
    keys: SigningKeys
    signer: TokenSigner
    hasher: PasswordHasher
    throttle: LoginThrottle
    revocations: RevocationStore
    forward_auth: ForwardAuthenticator


def build_runtime(app: FastAPI) -> AuthRuntime:
    settings: Settings = app.state.settings
    keys = load_or_create_keys(settings)
    signer = TokenSigner(keys, settings)
    redis: Redis = app.state.redis
    database: Database = app.state.database
    secret = settings.hmac_secret.get_secret_value().encode()
    revocations = RevocationStore(redis, settings.access_token_ttl_seconds)
    return AuthRuntime(
        settings=settings,
        database=database,
        redis=redis,
        keys=keys,
        signer=signer,
        hasher=PasswordHasher(time_cost=settings.argon2_time_cost, memory_cost_kib=settings.argon2_memory_cost_kib,
                              parallelism=settings.argon2_parallelism),
        throttle=LoginThrottle(redis, secret, failures_before_lock=settings.login_failures_before_lock,
                               lock_seconds=settings.login_lock_seconds,
                               max_lock_seconds=settings.login_lock_max_seconds),
        revocations=revocations,
        forward_auth=ForwardAuthenticator(signer=signer, redis=redis, database=database, hmac_secret=secret,
                                          revocation_check_seconds=settings.revocation_check_seconds,
                                          api_key_cache_seconds=settings.api_key_cache_seconds),
    )


@asynccontextmanager
async def auth_runtime(app: FastAPI) -> AsyncIterator[None]:
    """Lifespan hook: load (or, in development, create) the keys; auth verifies its own internal
    tokens with the in-memory public key rather than the file."""
    runtime = build_runtime(app)
    app.state.auth = runtime
    app.state.internal_token_verifier = JwtInternalTokenVerifier(runtime.keys.public_key,
                                                                 issuer=runtime.settings.auth_issuer)
    yield


def get_runtime(request: Request) -> AuthRuntime:
    runtime: Any = request.app.state.auth
    assert isinstance(runtime, AuthRuntime)
    return runtime


RuntimeDep = Annotated[AuthRuntime, Depends(get_runtime)]


def client_ip(request: Request) -> str | None:
    """The client's address as Traefik saw it (``X-Real-Ip``), else the peer; for the audit log only."""
    return request.headers.get("x-real-ip") or (request.client.host if request.client else None)
