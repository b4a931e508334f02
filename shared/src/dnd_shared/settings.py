"""Settings base: pydantic-settings with a per-service env prefix and fleet-wide ``DND_`` fallbacks.

Lookup order for a field ``database_url`` of the character service: init kwargs, then
``CHARACTER_DATABASE_URL``, then ``DND_DATABASE_URL``, then a ``.env`` file, then the default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

#: Secrets shipped in the repository for local development only. Refused anywhere else.
DEVELOPMENT_SECRET = "dev-only-insecure-secret-change-me"

Environment = Literal["development", "test", "production"]


class ServiceSettings(BaseSettings):
    """Base settings of every service; subclasses set ``model_config`` with their env prefix."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    service_name: str = "service"
    env: Environment = "development"
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5433/dnd"
    database_pool_size: int = Field(default=5, ge=1, le=100)
    redis_url: str = "redis://127.0.0.1:6380/0"
    log_level: str = "INFO"
    log_json: bool = True
    #: Symmetric secret used only where a service signs local data; real keys come with the auth issue.
    secret_key: SecretStr = SecretStr(DEVELOPMENT_SECRET)
    #: Local runtime data (``DND_VAR_DIR``, set by the local stack); development keys live in ``keys/``.
    var_dir: Path = Path("var")
    #: PEM public key of the auth service that verifies ``X-Internal-Token`` (``DND_AUTH_PUBLIC_KEY_FILE``).
    #: Unset in development/test: ``<var_dir>/keys/auth_public.pem`` (auth writes it on first start).
    #: Required in production: a service refuses to start without it.
    auth_public_key_file: Path | None = None
    #: ``iss`` of every token the auth service signs (``DND_AUTH_ISSUER``).
    auth_issuer: str = "dnd-auth"

    @property
    def schema_name(self) -> str:
        """The PostgreSQL schema this service owns (its Alembic version table lives there too)."""
        return self.service_name

    def resolved_auth_public_key_file(self) -> Path | None:
        """The public key file to verify internal tokens with: the configured one, else the development
        default under ``var_dir`` (never in production, where it must be configured)."""
        if self.auth_public_key_file is not None:
            return self.auth_public_key_file
        if self.env == "production":
            return None
        return self.var_dir / "keys" / "auth_public.pem"

    @model_validator(mode="after")
    def _refuse_default_secrets_outside_development(self) -> ServiceSettings:
        if self.env == "production":
            for name, field in type(self).model_fields.items():
                value = getattr(self, name)
                is_secret = field.annotation is SecretStr or isinstance(value, SecretStr)
                if is_secret and (value is None or value.get_secret_value() in ("", DEVELOPMENT_SECRET)):
                    raise ValueError(f"{name} must be set to a real secret when env is production")
        return self

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        fleet_env = EnvSettingsSource(settings_cls, env_prefix="DND_", case_sensitive=False)
        return (init_settings, env_settings, fleet_env, dotenv_settings, file_secret_settings)
