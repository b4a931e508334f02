"""Settings of the auth service (env prefix ``AUTH_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="AUTH_", env_file=".env", extra="ignore")

    service_name: str = "auth"
    port: int = 8300
