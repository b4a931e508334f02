"""Settings of the catalog service (env prefix ``CATALOG_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CATALOG_", env_file=".env", extra="ignore")

    service_name: str = "catalog"
    port: int = 8400
