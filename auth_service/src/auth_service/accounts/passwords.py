"""Password hashing (Argon2id through pwdlib) and the password policy.

The common-password list is Django's ``common-passwords.txt.gz`` (20,000 most common passwords,
compiled by Royce Williams; shipped with Django under the BSD 3-Clause licence), used as is.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

MIN_PASSWORD_LENGTH = 12
#: Argon2 takes any length, but hashing megabytes per request is a denial of service.
MAX_PASSWORD_LENGTH = 128
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common-passwords.txt.gz")
_TRAILING_NOISE = re.compile(r"[\d\W_]+$")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The lower-cased common passwords (loaded once)."""
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as handle:
        return frozenset(line.strip().lower() for line in handle if line.strip())


def _is_repetition(password: str) -> bool:
    """``aaaaaaaaaaaa``, ``abcabcabcabc``: a short unit repeated."""
    length = len(password)
    return any(length % size == 0 and password[:size] * (length // size) == password
               for size in range(1, min(4, length // 2) + 1))


def password_problems(password: str, *, email: str = "", display_name: str = "") -> list[str]:
    """Why ``password`` is refused, empty when it is acceptable.

    A password is refused when it is shorter than 12 characters, is a common password (also when
    only digits or symbols were appended to one, ``Password123!``), repeats a short unit, or contains
    the account's email name or display name.
    """
    problems = []
    if len(password) < MIN_PASSWORD_LENGTH:
        problems.append(f"must be at least {MIN_PASSWORD_LENGTH} characters long")
    if len(password) > MAX_PASSWORD_LENGTH:
        problems.append(f"must be at most {MAX_PASSWORD_LENGTH} characters long")
    lowered = password.lower()
    stem = _TRAILING_NOISE.sub("", lowered)
    common = common_passwords()
    if lowered in common or (len(stem) >= 4 and stem in common) or _is_repetition(lowered):
        problems.append("is too common; choose a longer passphrase")
    local_part = email.split("@", 1)[0].lower()
    if len(local_part) >= 4 and local_part in lowered:
        problems.append("must not contain your email address")
    elif len(display_name) >= 4 and display_name.lower() in lowered:
        problems.append("must not contain your display name")
    return problems


class PasswordHasher:
    """Argon2id with this deployment's parameters; knows when a stored hash needs a rehash."""

    def __init__(self, *, time_cost: int, memory_cost_kib: int, parallelism: int) -> None:
        self._hash = PasswordHash((Argon2Hasher(time_cost=time_cost, memory_cost=memory_cost_kib,
                                                parallelism=parallelism),))
        # Verified against when the email is unknown, so both cases cost the same time.
        self._dummy_hash = self._hash.hash("not-a-real-password-just-for-timing")

    def hash(self, password: str) -> str:
        return self._hash.hash(password)

    def verify_and_update(self, password: str, stored_hash: str | None) -> tuple[bool, str | None]:
        """``(valid, new_hash)``; ``new_hash`` is set when the stored hash used older parameters.
        With ``stored_hash`` None (no such account) the dummy hash is verified: same work, False."""
        if stored_hash is None:
            self._hash.verify_and_update(password, self._dummy_hash)
            return False, None
        return self._hash.verify_and_update(password, stored_hash)
