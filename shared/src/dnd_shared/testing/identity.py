"""Signed identity for service tests: what Traefik's forward-auth would put on a request.

    identity = SignedIdentity()
    app = create_app(); identity.install(app)            # the app now trusts this test key only
    await client.get("/api/v1/characters", headers=identity.headers(user_id, roles={"player"}))

The key is a fresh Ed25519 pair per :class:`SignedIdentity`; tokens are real internal tokens
(:mod:`dnd_shared.internal_token`), so services are tested through their real verification.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dnd_shared.identity import (
    AUTH_METHOD_HEADER,
    INTERNAL_TOKEN_HEADER,
    ROLES_HEADER,
    SCOPES_HEADER,
    USER_ID_HEADER,
    Principal,
)
from dnd_shared.internal_token import (
    ALL_SCOPES,
    INTERNAL_TOKEN_TTL_SECONDS,
    JwtInternalTokenVerifier,
    internal_token_claims,
)


class SignedIdentity:
    """A test stand-in for the auth service's signing key."""

    def __init__(self, issuer: str = "dnd-auth") -> None:
        self.issuer = issuer
        self.private_key = Ed25519PrivateKey.generate()
        self.public_key = self.private_key.public_key()

    def public_pem(self) -> bytes:
        """The public key as PEM (what ``DND_AUTH_PUBLIC_KEY_FILE`` points at)."""
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def write_public_key(self, path: Path) -> Path:
        """Write the public key PEM to ``path`` and return it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.public_pem())
        return path

    def verifier(self) -> JwtInternalTokenVerifier:
        """A verifier that trusts this key only."""
        return JwtInternalTokenVerifier(self.public_key, issuer=self.issuer)

    def install(self, app: Any) -> None:
        """Make ``app`` trust internal tokens signed by this key (and no other)."""
        app.state.internal_token_verifier = self.verifier()

    def token(self, principal: Principal, *, ttl_seconds: int = INTERNAL_TOKEN_TTL_SECONDS,
              now: float | None = None) -> str:
        """An internal token vouching for ``principal``."""
        claims = internal_token_claims(principal, issuer=self.issuer, ttl_seconds=ttl_seconds, now=now)
        return jwt.encode(claims, self.private_key, algorithm="EdDSA")

    def headers(
        self,
        user_id: uuid.UUID | None = None,
        *,
        roles: Iterable[str] = ("player",),
        scopes: Iterable[str] = (ALL_SCOPES,),
        auth_method: str = "bearer",
    ) -> dict[str, str]:
        """The identity headers plus a matching ``X-Internal-Token``, as the edge would send them."""
        principal = Principal(
            user_id=user_id or uuid.uuid4(),
            roles=frozenset(roles),
            scopes=frozenset(scopes),
            auth_method=auth_method,
        )
        return {
            USER_ID_HEADER: str(principal.user_id),
            ROLES_HEADER: ",".join(sorted(principal.roles)),
            SCOPES_HEADER: ",".join(sorted(principal.scopes)),
            AUTH_METHOD_HEADER: principal.auth_method,
            INTERNAL_TOKEN_HEADER: self.token(principal),
        }
