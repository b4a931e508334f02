"""Settings of the image service (env prefix ``IMAGE_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="IMAGE_", env_file=".env", extra="ignore")

    service_name: str = "image"
    port: int = 8002
