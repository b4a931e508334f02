"""The signing keypair: loaded from files, generated on first start in development/test, published
as JWKS. Only this service ever reads the private key."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ec import EllipticCurvePrivateKey
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from auth_service.config import Settings
from dnd_shared.internal_token import PublicKey, algorithm_for_key

log = structlog.get_logger("auth_service.keys")

PrivateKey = Ed25519PrivateKey | EllipticCurvePrivateKey


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


@dataclass(frozen=True)
class SigningKeys:
    private_key: PrivateKey
    public_key: PublicKey
    algorithm: str
    kid: str

    @classmethod
    def from_private_key(cls, private_key: PrivateKey) -> SigningKeys:
        public_key = private_key.public_key()
        jwk = _public_jwk_members(public_key)
        # RFC 7638 thumbprint: SHA-256 over the required members, sorted, no whitespace.
        thumbprint = hashlib.sha256(json.dumps(jwk, sort_keys=True, separators=(",", ":")).encode()).digest()
        return cls(private_key, public_key, algorithm_for_key(private_key), _b64url(thumbprint))

    def public_pem(self) -> bytes:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        """The JSON Web Key Set with the one public key."""
        return {"keys": [{**_public_jwk_members(self.public_key), "kid": self.kid, "alg": self.algorithm,
                          "use": "sig"}]}


def _public_jwk_members(public_key: Any) -> dict[str, str]:
    if algorithm_for_key(public_key) == "EdDSA":
        raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return {"crv": "Ed25519", "kty": "OKP", "x": _b64url(raw)}
    numbers = public_key.public_numbers()
    return {"crv": "P-256", "kty": "EC", "x": _b64url(numbers.x.to_bytes(32, "big")),
            "y": _b64url(numbers.y.to_bytes(32, "big"))}


def _write_exclusive(path: Path, data: bytes, mode: int) -> bool:
    """Write ``data`` to ``path`` atomically unless it exists (another starter won): True if written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _write_replace(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    os.fchmod(fd, mode)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)


def load_or_create_keys(settings: Settings) -> SigningKeys:
    """The service's keypair.

    Production: ``AUTH_JWT_PRIVATE_KEY_FILE`` must name an existing PEM key (Ed25519 or P-256), else
    ``RuntimeError``. Development/test: a missing key is generated (Ed25519, mode 0600) and its public
    half written to ``DND_AUTH_PUBLIC_KEY_FILE`` (default ``<var>/keys/auth_public.pem``, 0644), where
    every other service reads it.
    """
    private_path = settings.private_key_path()
    if private_path is None:
        raise RuntimeError("AUTH_JWT_PRIVATE_KEY_FILE must be set in production")
    if not private_path.exists():
        if settings.env == "production":
            raise RuntimeError(f"AUTH_JWT_PRIVATE_KEY_FILE {private_path} does not exist")
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        if _write_exclusive(private_path, pem, 0o600):
            log.info("dev_signing_key_generated", path=str(private_path))
    loaded = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey | EllipticCurvePrivateKey):
        raise RuntimeError("the auth private key must be Ed25519 or EC P-256")
    keys = SigningKeys.from_private_key(loaded)
    public_path = settings.resolved_auth_public_key_file()
    if public_path is not None and settings.env != "production":
        current = public_path.read_bytes() if public_path.exists() else b""
        if current != keys.public_pem():
            _write_replace(public_path, keys.public_pem(), 0o644)
            log.info("dev_public_key_written", path=str(public_path))
    return keys
