"""Signing and checking access tokens, and signing internal tokens (PyJWT, EdDSA or ES256).

Access token claims: ``iss``, ``aud`` (``dnd-api``), ``sub`` (user id), ``roles``, ``exp``, ``iat``,
``jti``, ``sid`` (the refresh-token family: one login session) and ``gen`` (the user's token
generation; see :mod:`auth_service.revocation`).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

import jwt

from auth_service.config import Settings
from auth_service.tokens.keys import SigningKeys
from dnd_shared.errors import UnauthorizedError
from dnd_shared.identity import Principal
from dnd_shared.internal_token import CLOCK_LEEWAY_SECONDS, internal_token_claims

BEARER_CHALLENGE = 'Bearer realm="dnd"'


def unauthorized(message: str, code: str, *, error: str = "invalid_token") -> UnauthorizedError:
    """A 401 with the RFC 6750 challenge."""
    return UnauthorizedError(message, code=code,
                             headers={"WWW-Authenticate": f'{BEARER_CHALLENGE}, error="{error}"'})


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    roles: frozenset[str]
    family_id: uuid.UUID
    generation: int
    jti: str
    issued_at: int
    expires_at: int


class TokenSigner:
    def __init__(self, keys: SigningKeys, settings: Settings) -> None:
        self.keys = keys
        self.issuer = settings.auth_issuer
        self.audience = settings.jwt_audience
        self.access_ttl = settings.access_token_ttl_seconds
        self.internal_ttl = settings.internal_token_ttl_seconds
        self._headers = {"kid": keys.kid}

    def access_token(self, *, user_id: uuid.UUID, roles: list[str], family_id: uuid.UUID, generation: int,
                     now: float | None = None) -> tuple[str, int]:
        """A signed access token and its ``exp``."""
        issued = int(now if now is not None else time.time())
        claims = {
            "iss": self.issuer, "aud": self.audience, "sub": str(user_id), "roles": sorted(roles),
            "iat": issued, "exp": issued + self.access_ttl, "jti": uuid.uuid4().hex,
            "sid": str(family_id), "gen": generation,
        }
        token = jwt.encode(claims, self.keys.private_key, algorithm=self.keys.algorithm, headers=self._headers)
        return token, issued + self.access_ttl

    def decode_access_token(self, token: str) -> AccessClaims:
        """Check signature (our algorithm only: never ``none`` or HS*), ``iss``, ``aud``, ``exp``."""
        try:
            claims = jwt.decode(
                token, self.keys.public_key, algorithms=[self.keys.algorithm], audience=self.audience,
                issuer=self.issuer, leeway=CLOCK_LEEWAY_SECONDS,
                options={"require": ["exp", "iat", "sub", "iss", "aud", "jti", "sid"]},
            )
            return AccessClaims(
                user_id=uuid.UUID(claims["sub"]),
                roles=frozenset(str(role) for role in claims.get("roles", [])),
                family_id=uuid.UUID(claims["sid"]),
                generation=int(claims.get("gen", 0)),
                jti=str(claims["jti"]),
                issued_at=int(claims["iat"]),
                expires_at=int(claims["exp"]),
            )
        except jwt.ExpiredSignatureError as exc:
            raise unauthorized("The access token has expired; refresh it.", "token_expired") from exc
        except (jwt.PyJWTError, ValueError, TypeError) as exc:
            raise unauthorized("The access token is not valid.", "invalid_token") from exc

    def internal_token(self, principal: Principal) -> str:
        """The ``X-Internal-Token`` vouching for ``principal`` (see :mod:`dnd_shared.internal_token`)."""
        claims = internal_token_claims(principal, issuer=self.issuer, ttl_seconds=self.internal_ttl)
        return jwt.encode(claims, self.keys.private_key, algorithm=self.keys.algorithm, headers=self._headers)
