"""The forward-auth decision, kept fast: every request of the fleet passes through it.

Per replica, what was learnt about a credential is remembered in memory:
- a bearer token's verified claims until it expires; every ``revocation_check_seconds`` (5 s) the
  replica asks Redis (one MGET) whether the user's token generation moved on or the session
  (refresh-token family) was revoked;
- an API key's record (looked up by its HMAC in Redis, filled from PostgreSQL on a miss) for the
  same 5 s; revocation writes a tombstone in Redis, so every replica refuses the key within 5 s;
- the signed ``X-Internal-Token`` per credential, re-signed when half of its life has passed.
So the steady state costs two dictionary look-ups; signatures and Redis are paid once per 5 s.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import structlog
from redis.asyncio import Redis

from auth_service.accounts.repository import UserRepository
from auth_service.api_keys.format import is_well_formed, key_digest
from auth_service.api_keys.models import ApiKey
from auth_service.api_keys.repository import ApiKeyRepository
from auth_service.revocation import API_KEY_CACHE_KEY, FAMILY_KEY, GENERATION_KEY
from auth_service.tokens.signing import BEARER_CHALLENGE, TokenSigner, unauthorized
from dnd_shared.db.base import utcnow
from dnd_shared.db.engine import Database
from dnd_shared.errors import UnauthorizedError
from dnd_shared.identity import Principal
from dnd_shared.internal_token import ALL_SCOPES

log = structlog.get_logger("auth_service.forward_auth")

API_KEY_TOUCH_KEY = "auth:apikey:touch:{key_id}"
#: ``last_used_at`` is written at most this often per key (seconds).
LAST_USED_RESOLUTION_SECONDS = 60
MAX_CACHED_CREDENTIALS = 50_000
TOMBSTONE = "revoked"
UNKNOWN = "unknown"


@dataclass
class Vouched:
    """What forward-auth answers for one credential."""

    principal: Principal
    valid_until: float  # wall clock: token exp / key expiry
    generation: int
    family_id: uuid.UUID | None = None  # bearer only
    digest: str | None = None  # API key only
    checked_at: float = float("-inf")  # monotonic: last revocation check
    internal_token: str = ""
    internal_refresh_at: float = 0.0  # wall clock
    headers: dict[str, str] = field(default_factory=dict)


def _api_key_unauthorized(message: str, code: str) -> UnauthorizedError:
    return UnauthorizedError(message, code=code, headers={"WWW-Authenticate": 'ApiKey realm="dnd"'})


class ForwardAuthenticator:
    def __init__(self, *, signer: TokenSigner, redis: Redis, database: Database, hmac_secret: bytes,
                 revocation_check_seconds: float, api_key_cache_seconds: int) -> None:
        self.signer = signer
        self.redis = redis
        self.database = database
        self.hmac_secret = hmac_secret
        self.revocation_check_seconds = revocation_check_seconds
        self.api_key_cache_seconds = api_key_cache_seconds
        self._bearer: dict[str, Vouched] = {}
        self._api_keys: dict[str, Vouched] = {}

    # --- entry point -------------------------------------------------------------------------------
    async def authenticate(self, authorization: str | None, api_key: str | None) -> Vouched:
        """The vouched identity for the request's credential (bearer token first, else API key), with
        a fresh enough internal token; :class:`UnauthorizedError` when there is none or it is invalid."""
        if authorization:
            scheme, _, token = authorization.partition(" ")
            token = token.strip()
            if scheme.lower() != "bearer" or not token:
                raise unauthorized("The Authorization header must be 'Bearer <access token>'.", "invalid_token",
                                   error="invalid_request")
            vouched = await self._bearer_identity(token)
        elif api_key:
            vouched = await self._api_key_identity(api_key.strip())
        else:
            raise UnauthorizedError("Authentication is required: send a bearer token or an API key.",
                                    code="not_authenticated", headers={"WWW-Authenticate": BEARER_CHALLENGE})
        now = time.time()
        if now >= vouched.internal_refresh_at:
            vouched.internal_token = self.signer.internal_token(vouched.principal)
            vouched.internal_refresh_at = now + self.signer.internal_ttl / 2
            vouched.headers = _identity_headers(vouched)
        return vouched

    # --- bearer tokens -----------------------------------------------------------------------------
    async def _bearer_identity(self, token: str) -> Vouched:
        vouched = self._bearer.get(token)
        if vouched is None:
            claims = self.signer.decode_access_token(token)
            vouched = Vouched(
                principal=Principal(user_id=claims.user_id, roles=claims.roles, scopes=frozenset({ALL_SCOPES}),
                                    auth_method="bearer"),
                valid_until=float(claims.expires_at), generation=claims.generation, family_id=claims.family_id,
            )
            _remember(self._bearer, token, vouched)
        if time.time() >= vouched.valid_until:
            self._bearer.pop(token, None)
            raise unauthorized("The access token has expired; refresh it.", "token_expired")
        if time.monotonic() - vouched.checked_at >= self.revocation_check_seconds:
            generation, family_revoked = await self.redis.mget(
                GENERATION_KEY.format(user_id=vouched.principal.user_id),
                FAMILY_KEY.format(family_id=vouched.family_id),
            )
            if family_revoked is not None:
                self._bearer.pop(token, None)
                raise unauthorized("This session was ended; log in again.", "session_revoked")
            if generation is not None and int(generation) > vouched.generation:
                self._bearer.pop(token, None)
                raise unauthorized("This access token was revoked; refresh it or log in again.", "token_revoked")
            vouched.checked_at = time.monotonic()
        return vouched

    # --- API keys ----------------------------------------------------------------------------------
    async def _api_key_identity(self, key: str) -> Vouched:
        vouched = self._api_keys.get(key)
        if vouched is None or time.monotonic() - vouched.checked_at >= self.revocation_check_seconds:
            self._api_keys.pop(key, None)
            if not is_well_formed(key):
                raise _api_key_unauthorized("The API key is malformed.", "invalid_api_key")
            vouched = await self._load_api_key(key)
            vouched.checked_at = time.monotonic()
            _remember(self._api_keys, key, vouched)
        if time.time() >= vouched.valid_until:
            self._api_keys.pop(key, None)
            raise _api_key_unauthorized("The API key has expired.", "api_key_expired")
        return vouched

    async def _load_api_key(self, key: str) -> Vouched:
        digest = key_digest(key, self.hmac_secret)
        cache_key = API_KEY_CACHE_KEY.format(digest=digest)
        raw = await self.redis.get(cache_key)
        record = json.loads(raw) if raw is not None and raw not in (TOMBSTONE.encode(), UNKNOWN.encode()) else None
        if raw is not None and record is None:
            raise _api_key_unauthorized("The API key is not valid (unknown or revoked).", "invalid_api_key")
        if record is not None:
            generation = await self.redis.get(GENERATION_KEY.format(user_id=record["user_id"]))
            if generation is not None and int(generation) > record["generation"]:
                record = None  # the user changed (disabled, roles): read the database again
        if record is None:
            record = await self._record_from_database(digest)
            if record is None:
                await self.redis.set(cache_key, UNKNOWN, ex=self.api_key_cache_seconds, nx=True)
                raise _api_key_unauthorized("The API key is not valid (unknown or revoked).", "invalid_api_key")
            await self.redis.set(cache_key, json.dumps(record), ex=self.api_key_cache_seconds)
        if record["revoked"] or record["disabled"]:
            raise _api_key_unauthorized("The API key is not valid (unknown or revoked).", "invalid_api_key")
        await self._touch(record["id"])
        return Vouched(
            principal=Principal(user_id=uuid.UUID(record["user_id"]), roles=frozenset(record["roles"]),
                                scopes=frozenset(record["scopes"]), auth_method="api_key"),
            valid_until=record["expires_at"] if record["expires_at"] is not None else float("inf"),
            generation=record["generation"], digest=digest,
        )

    async def _record_from_database(self, digest: str) -> dict[str, Any] | None:
        async with self.database.session() as session:
            api_key: ApiKey | None = await ApiKeyRepository(session).get_by_digest(digest)
            if api_key is None:
                return None
            user = await UserRepository(session).get(api_key.user_id)
            if user is None:
                return None
            return {
                "id": str(api_key.id), "user_id": str(user.id), "scopes": list(api_key.scopes),
                "roles": list(user.roles), "generation": user.token_generation,
                "expires_at": api_key.expires_at.timestamp() if api_key.expires_at else None,
                "revoked": api_key.revoked_at is not None,
                "disabled": user.disabled_at is not None or user.deleted_at is not None,
            }

    async def _touch(self, key_id: str) -> None:
        """Record ``last_used_at`` at most once a minute per key (across replicas)."""
        if await self.redis.set(API_KEY_TOUCH_KEY.format(key_id=key_id), 1, ex=LAST_USED_RESOLUTION_SECONDS,
                                nx=True):
            async with self.database.session() as session:
                await ApiKeyRepository(session).touch(uuid.UUID(key_id), utcnow())


def _remember(cache: dict[str, Vouched], credential: str, vouched: Vouched) -> None:
    if len(cache) >= MAX_CACHED_CREDENTIALS:
        now = time.time()
        for stale in [c for c, v in cache.items() if v.valid_until <= now]:
            del cache[stale]
        if len(cache) >= MAX_CACHED_CREDENTIALS:
            cache.clear()
    cache[credential] = vouched


def _identity_headers(vouched: Vouched) -> dict[str, str]:
    principal = vouched.principal
    return {
        "X-User-Id": str(principal.user_id),
        "X-User-Roles": ",".join(sorted(principal.roles)),
        "X-Auth-Method": principal.auth_method,
        "X-Auth-Scopes": ",".join(sorted(principal.scopes)),
        "X-Internal-Token": vouched.internal_token,
    }
