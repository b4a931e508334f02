"""Settings of the llm service (env prefix ``LLM_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LLM_", env_file=".env", extra="ignore")

    service_name: str = "llm"
    port: int = 8100
