"""``X-Internal-Token``: the short-lived JWT that vouches for the identity headers on a request.

The auth service's forward-auth signs it with its private key (EdDSA, or ES256) after checking the
caller's bearer token or API key; Traefik copies it to the service with ``X-User-Id``,
``X-User-Roles``, ``X-Auth-Method`` and ``X-Auth-Scopes``. Every service verifies it here with
auth's PUBLIC key, so identity headers typed by a client, or sent straight to a service port, are
worthless. Only the auth service can mint one.

The public key is read from a PEM file (``DND_AUTH_PUBLIC_KEY_FILE``; in development/test
``<DND_VAR_DIR>/keys/auth_public.pem``, which auth writes on its first start). It is read lazily on
the first verification and re-read when the file changes, so services may start before auth.

Claims: ``iss`` (``DND_AUTH_ISSUER``), ``aud`` = ``dnd-internal`` (an access token, ``aud`` =
``dnd-api``, is therefore never accepted here), ``sub`` (user id), ``roles``, ``scp`` (API-key
scopes, ``*`` for a bearer token), ``amr`` (``bearer`` | ``api_key``), ``iat``, ``exp``.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
import structlog
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePublicKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from dnd_shared.errors import UnauthorizedError
from dnd_shared.identity import Principal
from dnd_shared.settings import ServiceSettings

log = structlog.get_logger("dnd_shared.internal_token")

INTERNAL_TOKEN_AUDIENCE = "dnd-internal"
#: Default lifetime the auth service gives an internal token (seconds).
INTERNAL_TOKEN_TTL_SECONDS = 60
#: Leeway for clock differences between auth and a service (seconds).
CLOCK_LEEWAY_SECONDS = 5
#: A bearer token carries all of its user's rights; this is its ``scp``/``X-Auth-Scopes`` value.
ALL_SCOPES = "*"

PublicKey = Ed25519PublicKey | EllipticCurvePublicKey


def algorithm_for_key(key: Any) -> str:
    """The one JWS algorithm a key may be used with: ``EdDSA`` for Ed25519, ``ES256`` for P-256.

    Pinning the algorithm to the key type is what defeats ``alg: none`` and the HS256-with-the-
    public-key confusion: any other ``alg`` in a token header is refused before a signature check.
    """
    from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if isinstance(key, Ed25519PublicKey | Ed25519PrivateKey):
        return "EdDSA"
    if isinstance(key, EllipticCurvePublicKey | EllipticCurvePrivateKey) and key.curve.name == "secp256r1":
        return "ES256"
    raise ValueError("the auth key must be Ed25519 or EC P-256")


def internal_token_claims(principal: Principal, *, issuer: str, ttl_seconds: int, now: float | None = None
                          ) -> dict[str, Any]:
    """The claims of an internal token vouching for ``principal`` (used by the auth service to sign)."""
    issued = int(now if now is not None else time.time())
    return {
        "iss": issuer,
        "aud": INTERNAL_TOKEN_AUDIENCE,
        "sub": str(principal.user_id),
        "roles": sorted(principal.roles),
        "scp": sorted(principal.scopes),
        "amr": principal.auth_method,
        "iat": issued,
        "exp": issued + ttl_seconds,
    }


class PublicKeyFile:
    """A PEM public key read lazily from ``path`` and re-read when the file's mtime changes (checked at
    most once a second), so a service may start before auth has written the key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._key: PublicKey | None = None
        self._mtime_ns: int | None = None
        self._checked_at = 0.0
        self._lock = threading.Lock()

    def get(self) -> PublicKey:
        """The current key; :class:`UnauthorizedError` if it cannot be read (nothing can be verified)."""
        now = time.monotonic()
        if self._key is not None and now - self._checked_at < 1.0:
            return self._key
        with self._lock:
            self._checked_at = now
            try:
                mtime_ns = os.stat(self.path).st_mtime_ns
                if self._key is None or mtime_ns != self._mtime_ns:
                    key = load_pem_public_key(self.path.read_bytes())
                    if not isinstance(key, Ed25519PublicKey | EllipticCurvePublicKey):
                        raise ValueError("not an Ed25519 or EC public key")
                    algorithm_for_key(key)
                    self._key, self._mtime_ns = key, mtime_ns
            except (OSError, ValueError) as exc:
                if self._key is None:
                    log.error("auth_public_key_unavailable", path=str(self.path), error=type(exc).__name__)
                    raise UnauthorizedError(
                        "The caller's identity could not be verified.", code="identity_unverified"
                    ) from exc
            return self._key


@dataclass(frozen=True)
class _Vouched:
    expires_at: float
    user_id: str
    roles: frozenset[str]
    scopes: frozenset[str]
    auth_method: str


class JwtInternalTokenVerifier:
    """Verifies ``X-Internal-Token`` with auth's public key and checks it vouches for exactly the
    identity in the headers. Verified tokens are remembered until they expire (the forward-auth reuses
    one token per credential for a while), so the signature check is paid once per token."""

    def __init__(self, key: PublicKeyFile | PublicKey, *, issuer: str, cache_size: int = 10_000) -> None:
        self._key = key
        self._issuer = issuer
        self._cache: dict[str, _Vouched] = {}
        self._cache_size = cache_size

    def _public_key(self) -> PublicKey:
        return self._key.get() if isinstance(self._key, PublicKeyFile) else self._key

    def _decode(self, token: str) -> _Vouched:
        key = self._public_key()
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=[algorithm_for_key(key)],
                audience=INTERNAL_TOKEN_AUDIENCE,
                issuer=self._issuer,
                leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "sub", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise UnauthorizedError("The internal token has expired.", code="invalid_internal_token") from exc
        except jwt.PyJWTError as exc:
            raise UnauthorizedError("The internal token is not valid.", code="invalid_internal_token") from exc
        roles, scopes = claims.get("roles", []), claims.get("scp", [])
        if not (isinstance(roles, list) and isinstance(scopes, list) and isinstance(claims.get("amr"), str)):
            raise UnauthorizedError("The internal token is not valid.", code="invalid_internal_token")
        return _Vouched(
            expires_at=float(claims["exp"]) + CLOCK_LEEWAY_SECONDS,
            user_id=str(claims["sub"]),
            roles=frozenset(map(str, roles)),
            scopes=frozenset(map(str, scopes)),
            auth_method=claims["amr"],
        )

    def _remember(self, token: str, vouched: _Vouched, now: float) -> None:
        if len(self._cache) >= self._cache_size:
            self._cache = {t: v for t, v in self._cache.items() if v.expires_at > now}
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
        self._cache[token] = vouched

    def verify(self, token: str, principal: Principal) -> None:
        """Raise :class:`UnauthorizedError` unless ``token`` is a valid internal token for exactly
        ``principal`` (same user id, roles, scopes and authentication method)."""
        now = time.time()
        vouched = self._cache.get(token)
        if vouched is None or vouched.expires_at <= now:
            vouched = self._decode(token)
            self._remember(token, vouched, now)
        if (
            vouched.user_id != str(principal.user_id)
            or vouched.roles != principal.roles
            or vouched.scopes != principal.scopes
            or vouched.auth_method != principal.auth_method
        ):
            raise UnauthorizedError(
                "The identity headers do not match the internal token.", code="invalid_internal_token"
            )


def verifier_from_settings(settings: ServiceSettings) -> JwtInternalTokenVerifier:
    """The verifier every service installs at start-up (``create_service_app`` does it).

    In production a missing ``DND_AUTH_PUBLIC_KEY_FILE`` is refused here, so a misconfigured service
    fails to start instead of answering 401 to everyone.
    """
    path = settings.resolved_auth_public_key_file()
    if path is None:
        raise RuntimeError("DND_AUTH_PUBLIC_KEY_FILE must be set in production (the auth service's public key)")
    return JwtInternalTokenVerifier(PublicKeyFile(path), issuer=settings.auth_issuer)


class SettingsKeyVerifier:
    """Resolves the key file from the app's settings at the first verification, so settings changed
    after the app was built (tests, ``service_client`` overrides) are honoured."""

    def __init__(self, settings: ServiceSettings) -> None:
        self._settings = settings
        self._verifier: JwtInternalTokenVerifier | None = None
        self._resolved: tuple[Path | None, str] | None = None

    def verify(self, token: str, principal: Principal) -> None:
        """See :meth:`JwtInternalTokenVerifier.verify`."""
        resolved = (self._settings.resolved_auth_public_key_file(), self._settings.auth_issuer)
        if self._verifier is None or resolved != self._resolved:
            self._verifier = verifier_from_settings(self._settings)
            self._resolved = resolved
        self._verifier.verify(token, principal)


def install_internal_token_verifier(app: Any, settings: ServiceSettings) -> None:
    """Set ``app.state.internal_token_verifier``; refuses (``RuntimeError``) a production service
    without a configured public key."""
    if settings.env == "production":
        path = settings.resolved_auth_public_key_file()
        if path is None:
            raise RuntimeError(
                "DND_AUTH_PUBLIC_KEY_FILE must be set in production (the auth service's public key)"
            )
    app.state.internal_token_verifier = SettingsKeyVerifier(settings)
