"""The API key format: ``dndk_`` + 32 base62 characters (190 random bits) + 6 base62 characters of
CRC-32 checksum over the rest, e.g. ``dndk_3xZ...q9_1aB2cD``. The prefix makes a leaked key easy to
recognise (secret scanners), the checksum rejects typos and garbage without touching Redis or the
database. Only an HMAC-SHA256 of the whole key (keyed with ``AUTH_HMAC_SECRET``) is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import zlib

KEY_PREFIX = "dndk_"
RANDOM_LENGTH = 32
CHECKSUM_LENGTH = 6
KEY_LENGTH = len(KEY_PREFIX) + RANDOM_LENGTH + 1 + CHECKSUM_LENGTH
#: Characters of a key shown in lists (prefix + 8 random characters).
DISPLAY_PREFIX_LENGTH = len(KEY_PREFIX) + 8
_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, remainder = divmod(number, 62)
        digits.append(_ALPHABET[remainder])
    return "".join(reversed(digits))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode()), CHECKSUM_LENGTH)


def generate_api_key() -> str:
    """A fresh key (shown to its owner once)."""
    body = KEY_PREFIX + "".join(secrets.choice(_ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"{body}_{_checksum(body)}"


def is_well_formed(key: str) -> bool:
    """Prefix, length, alphabet and checksum are right (cheap; says nothing about validity)."""
    if len(key) != KEY_LENGTH or not key.startswith(KEY_PREFIX) or key[-CHECKSUM_LENGTH - 1] != "_":
        return False
    body, checksum = key[: -CHECKSUM_LENGTH - 1], key[-CHECKSUM_LENGTH:]
    random_part = body[len(KEY_PREFIX):]
    if any(ch not in _ALPHABET for ch in random_part):
        return False
    return hmac.compare_digest(checksum, _checksum(body))


def key_digest(key: str, secret: bytes) -> str:
    """What is stored and looked up: HMAC-SHA256(secret, key), hex."""
    return hmac.new(secret, key.encode(), hashlib.sha256).hexdigest()
