"""Build the provider chain from the settings: the configured order, minus providers that lack a key
or a URL. ``offline`` is always available, so a fleet without keys still answers."""

from __future__ import annotations

from llm_service.config import Settings
from llm_service.offline.catalog import CatalogLookup
from llm_service.providers.anthropic_provider import AnthropicProvider
from llm_service.providers.base import Provider
from llm_service.providers.chain import ProviderChain
from llm_service.providers.local import LocalProvider
from llm_service.providers.local_model import SMOLLM2_FILE
from llm_service.providers.offline import OfflineProvider
from llm_service.providers.openai_provider import OpenAIProvider


def build_providers(settings: Settings, catalog: CatalogLookup | None = None) -> list[Provider]:
    """The configured providers, in order, that can run with the settings given."""
    providers: list[Provider] = []
    timeout = settings.provider_timeout_seconds
    for name in dict.fromkeys(settings.provider_order):
        if name == "openai" and settings.openai_api_key is not None:
            providers.append(OpenAIProvider(
                name="openai", api_key=settings.openai_api_key.get_secret_value(), base_url=settings.openai_base_url,
                model=settings.openai_model, fallback_model=settings.openai_fallback_model, timeout_seconds=timeout,
                token_limit_parameter="max_completion_tokens"))
        elif name == "anthropic" and settings.anthropic_api_key is not None:
            providers.append(AnthropicProvider(
                api_key=settings.anthropic_api_key.get_secret_value(), base_url=settings.anthropic_base_url,
                model=settings.anthropic_model, timeout_seconds=timeout))
        elif name == "openai_compatible" and settings.compatible_base_url:
            key = settings.compatible_api_key.get_secret_value() if settings.compatible_api_key else "not-needed"
            providers.append(OpenAIProvider(
                name="openai_compatible", api_key=key, base_url=settings.compatible_base_url,
                model=settings.compatible_model, timeout_seconds=timeout))
        elif name == "local":
            model_path = settings.local_model_path or settings.var_dir / "models" / SMOLLM2_FILE
            providers.append(LocalProvider(model_path, context_size=settings.local_context_size,
                                           timeout_seconds=timeout))
        elif name == "offline":
            providers.append(OfflineProvider(catalog))
    if not providers:
        providers.append(OfflineProvider(catalog))
    return providers


def build_chain(settings: Settings, catalog: CatalogLookup | None = None) -> ProviderChain:
    """The chain with one breaker per provider."""
    return ProviderChain(build_providers(settings, catalog), failure_threshold=settings.breaker_failure_threshold,
                         reset_seconds=settings.breaker_reset_seconds)
