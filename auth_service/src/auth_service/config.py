"""Settings of the auth service (env prefix ``AUTH_``, fleet-wide fallbacks ``DND_``).

Key material (see README "Keys"): ``AUTH_JWT_PRIVATE_KEY_FILE`` is the PEM private key (Ed25519 or
EC P-256) only this service holds; ``DND_AUTH_PUBLIC_KEY_FILE`` its public half, which every
service reads. In development/test, unset, both default to ``<DND_VAR_DIR>/keys/`` and the pair is
generated on first start (mode 0600 for the private key). In production both must be set and the
files must exist: a missing key is refused at start-up.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import DEVELOPMENT_SECRET, ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="AUTH_", env_file=".env", extra="ignore")

    service_name: str = "auth"
    port: int = 8300

    # --- keys and tokens ----------------------------------------------------------------------
    #: PEM private key that signs access and internal tokens (``AUTH_JWT_PRIVATE_KEY_FILE``).
    jwt_private_key_file: Path | None = None
    #: ``aud`` of access tokens (the public API); internal tokens use ``dnd-internal``.
    jwt_audience: str = "dnd-api"
    access_token_ttl_seconds: int = Field(default=15 * 60, ge=60, le=3600)
    refresh_token_ttl_seconds: int = Field(default=30 * 24 * 3600, ge=3600)
    internal_token_ttl_seconds: int = Field(default=60, ge=10, le=600)

    # --- API keys and lockout bookkeeping ------------------------------------------------------
    #: HMAC key for stored API-key digests and login-failure counters (``AUTH_HMAC_SECRET``).
    hmac_secret: SecretStr = SecretStr(DEVELOPMENT_SECRET)

    # --- passwords ------------------------------------------------------------------------------
    #: Argon2id cost: OWASP's recommendation m=19 MiB, t=2, p=1 (≈ 45 ms here). Raising them makes
    #: every stored hash rehash on its owner's next login.
    argon2_time_cost: int = Field(default=2, ge=1)
    argon2_memory_cost_kib: int = Field(default=19456, ge=1024)
    argon2_parallelism: int = Field(default=1, ge=1)
    #: Consecutive failures before an email is locked, and the first lock's length (it doubles).
    login_failures_before_lock: int = Field(default=5, ge=1)
    login_lock_seconds: int = Field(default=30, ge=1)
    login_lock_max_seconds: int = Field(default=15 * 60, ge=1)

    # --- forward-auth caches --------------------------------------------------------------------
    #: How long a replica trusts what it learnt about a credential (revocation delay, seconds).
    revocation_check_seconds: float = Field(default=5.0, ge=0.0, le=60.0)
    #: How long an API key's record stays in Redis (revocation deletes it at once).
    api_key_cache_seconds: int = Field(default=300, ge=1)

    def private_key_path(self) -> Path | None:
        """The configured private key, else the development default (None in production)."""
        if self.jwt_private_key_file is not None:
            return self.jwt_private_key_file
        if self.env == "production":
            return None
        return self.var_dir / "keys" / "auth_private.pem"
