"""Settings of the llm service (env prefix ``LLM_``, fleet-wide fallbacks ``DND_``).

Lists and tables come from the environment as JSON: ``LLM_PROVIDER_ORDER='["openai","offline"]'``,
``LLM_CACHE_TTL_SECONDS='{"campaign_outline": 86400}'``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings

ProviderName = Literal["openai", "anthropic", "openai_compatible", "local", "offline"]


class ModelPrice(BaseModel):
    """US dollars per one million tokens."""

    input_per_million: float = Field(ge=0)
    output_per_million: float = Field(ge=0)


#: List prices at the time of writing; operators override the whole table with ``LLM_PRICES``.
DEFAULT_PRICES: dict[str, ModelPrice] = {
    "gpt-4o-mini": ModelPrice(input_per_million=0.15, output_per_million=0.60),
    "gpt-4o": ModelPrice(input_per_million=2.50, output_per_million=10.00),
    "gpt-4.1-mini": ModelPrice(input_per_million=0.40, output_per_million=1.60),
    "claude-haiku-4-5": ModelPrice(input_per_million=1.00, output_per_million=5.00),
    "claude-sonnet-4-5": ModelPrice(input_per_million=3.00, output_per_million=15.00),
}


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="LLM_", env_file=".env", extra="ignore")

    service_name: str = "llm"
    port: int = 8100

    # --- providers -------------------------------------------------------------------------
    #: Tried in this order; a provider without its key/URL configured is skipped.
    provider_order: list[ProviderName] = ["openai", "anthropic", "openai_compatible", "offline"]
    #: Seconds one provider call may take before it counts as failed and the next is tried.
    provider_timeout_seconds: float = Field(default=60.0, gt=0)
    openai_api_key: SecretStr | None = None
    openai_base_url: str | None = None
    openai_model: str = "gpt-4o-mini"
    #: Tried on the same provider when the primary model fails.
    openai_fallback_model: str | None = "gpt-4.1-mini"
    anthropic_api_key: SecretStr | None = None
    anthropic_base_url: str | None = None
    anthropic_model: str = "claude-haiku-4-5"
    #: Any server speaking OpenAI's chat completions: Ollama, vLLM, llama.cpp.
    compatible_base_url: str | None = None
    compatible_api_key: SecretStr | None = None
    compatible_model: str = "default"
    #: Opt-in small local model (GGUF) served in-process by llama.cpp (``xllamacpp``); add ``local``
    #: to ``provider_order`` to use it. Unset: the SmolLM2 file fetched by
    #: ``python -m llm_service.providers.local_model fetch`` into ``<var_dir>/models``.
    local_model_path: Path | None = None
    local_context_size: int = Field(default=4096, ge=512)

    # --- generation ------------------------------------------------------------------------
    #: Re-asks after an output fails its schema, before the typed error.
    max_repair_attempts: int = Field(default=2, ge=0, le=5)
    default_max_output_tokens: int = Field(default=1200, ge=16, le=16000)

    # --- circuit breaker per provider -------------------------------------------------------
    breaker_failure_threshold: int = Field(default=3, ge=1)
    breaker_reset_seconds: float = Field(default=30.0, gt=0)

    # --- cache -----------------------------------------------------------------------------
    cache_default_ttl_seconds: int = Field(default=3600, ge=0)
    #: Per-task TTL overrides (0 disables caching for that task).
    cache_ttl_seconds: dict[str, int] = Field(default_factory=lambda: {"campaign_outline": 6 * 3600})

    # --- rate limits (per minute) ----------------------------------------------------------
    text_requests_per_minute: int = Field(default=100, ge=1)
    image_requests_per_minute: int = Field(default=10, ge=1)
    #: Per calling service over the hub (``llm.generate`` from character, campaign, ...).
    rpc_requests_per_minute: int = Field(default=600, ge=1)
    rpc_service_limits: dict[str, int] = Field(default_factory=dict)

    # --- usage and quotas ------------------------------------------------------------------
    daily_token_quota: int = Field(default=200_000, ge=0)
    monthly_token_quota: int = Field(default=3_000_000, ge=0)
    prices: dict[str, ModelPrice] = Field(default_factory=lambda: dict(DEFAULT_PRICES))

    # --- catalog over the hub (offline provider) --------------------------------------------
    catalog_timeout_seconds: float = Field(default=0.5, gt=0)

    def cache_ttl_for(self, task: str) -> int:
        """Seconds a result of ``task`` stays cached (0: not cached)."""
        return self.cache_ttl_seconds.get(task, self.cache_default_ttl_seconds)

    def rpc_limit_for(self, service: str) -> int:
        """Requests per minute the calling ``service`` may send over the hub."""
        return self.rpc_service_limits.get(service, self.rpc_requests_per_minute)
