"""Providers in the configured order, each behind its circuit breaker: the first that answers wins;
errors, timeouts and 429s pass the request to the next one."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

import structlog

from dnd_shared.errors import ServiceUnavailableError
from llm_service import metrics
from llm_service.providers.base import Completion, GenerationRequest, Provider, ProviderError
from llm_service.providers.breaker import BreakerState, ProviderBreaker

log = structlog.get_logger("llm_service.providers")


class ProvidersUnavailableError(ServiceUnavailableError):
    """Every provider failed or is suspended by its breaker."""

    code = "llm_unavailable"


@dataclass(frozen=True)
class ChainResult:
    """The answer and who gave it."""

    completion: Completion
    provider: str
    #: Providers passed over before this one (failed or breaker open).
    fallbacks: int


@dataclass(frozen=True)
class Fallback:
    """Streaming: a provider failed (or was skipped) and the next one takes over."""

    provider: str
    reason: str


@dataclass(frozen=True)
class StreamStart:
    """Streaming: this provider is answering now."""

    provider: str


class ProviderChain:
    """The ordered providers and their breakers (one breaker per provider, per instance)."""

    def __init__(self, providers: Sequence[Provider], *, failure_threshold: int, reset_seconds: float) -> None:
        if not providers:
            raise ValueError("at least one provider is needed")
        self.providers = list(providers)
        self.breakers = {p.name: ProviderBreaker(p.name, failure_threshold, reset_seconds) for p in self.providers}

    @property
    def signature(self) -> str:
        """``openai:gpt-4o-mini>offline:offline-phrases-v1``: the models that may answer, for cache keys."""
        return ">".join(f"{p.name}:{p.model}" for p in self.providers)

    def breaker_states(self) -> dict[str, str]:
        """``{"openai": "open", "offline": "closed"}``."""
        return {name: breaker.state.name.lower() for name, breaker in self.breakers.items()}

    def _unavailable(self, failures: list[str]) -> ProvidersUnavailableError:
        waits = [b.retry_after() for b in self.breakers.values() if b.state is BreakerState.OPEN]
        retry_after = max(1, round(min(waits))) if waits else 5
        return ProvidersUnavailableError(
            "No text provider could answer: " + "; ".join(failures) + ".",
            headers={"Retry-After": str(retry_after)},
        )

    def _skip(self, provider: Provider, reason: str, failures: list[str]) -> None:
        failures.append(f"{provider.name} {reason}")
        metrics.FALLBACKS.labels(provider.name, reason).inc()

    async def complete(self, request: GenerationRequest) -> ChainResult:
        """Ask each provider in turn."""
        failures: list[str] = []
        for provider in self.providers:
            breaker = self.breakers[provider.name]
            if not breaker.allow():
                self._skip(provider, "circuit_open", failures)
                continue
            started = time.perf_counter()
            try:
                completion = await provider.complete(request)
            except ProviderError as exc:
                breaker.record_failure()
                metrics.PROVIDER_CALLS.labels(provider.name, exc.reason).inc()
                log.warning("provider_failed", provider=provider.name, reason=exc.reason, task=request.task)
                self._skip(provider, exc.reason, failures)
                continue
            finally:
                metrics.PROVIDER_LATENCY.labels(provider.name, request.task).observe(time.perf_counter() - started)
            breaker.record_success()
            metrics.PROVIDER_CALLS.labels(provider.name, "ok").inc()
            return ChainResult(completion, provider.name, len(failures))
        raise self._unavailable(failures)

    async def stream(self, request: GenerationRequest) -> AsyncIterator[str | Completion | Fallback | StreamStart]:
        """Deltas from the first provider that answers. A provider that fails mid-answer hands over to the
        next (a :class:`Fallback` item tells the client to discard the partial text)."""
        failures: list[str] = []
        for provider in self.providers:
            breaker = self.breakers[provider.name]
            if not breaker.allow():
                self._skip(provider, "circuit_open", failures)
                yield Fallback(provider.name, "circuit_open")
                continue
            started = time.perf_counter()
            yield StreamStart(provider.name)
            try:
                async for item in provider.stream(request):
                    yield item
            except ProviderError as exc:
                breaker.record_failure()
                metrics.PROVIDER_CALLS.labels(provider.name, exc.reason).inc()
                self._skip(provider, exc.reason, failures)
                yield Fallback(provider.name, exc.reason)
                continue
            finally:
                metrics.PROVIDER_LATENCY.labels(provider.name, request.task).observe(time.perf_counter() - started)
            breaker.record_success()
            metrics.PROVIDER_CALLS.labels(provider.name, "ok").inc()
            return
        raise self._unavailable(failures)

    async def aclose(self) -> None:
        """Close every provider's client."""
        for provider in self.providers:
            await provider.aclose()
