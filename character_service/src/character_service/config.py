"""Settings of the character service (env prefix ``CHARACTER_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CHARACTER_", env_file=".env", extra="ignore")

    service_name: str = "character"
    port: int = 8000
