"""Prometheus metrics of the llm service (served on ``/metrics`` with the fleet's HTTP metrics)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

PROVIDER_LATENCY = Histogram(
    "llm_provider_latency_seconds",
    "Time of one provider call, by provider and task.",
    ["provider", "task"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
PROVIDER_CALLS = Counter(
    "llm_provider_calls_total", "Provider calls by provider and outcome (ok or the failure reason).",
    ["provider", "outcome"],
)
TOKENS = Counter("llm_tokens_total", "Tokens by provider and direction (input/output).", ["provider", "direction"])
CACHE = Counter("llm_cache_total", "Cache lookups by task and result (hit, miss, bypass).", ["task", "result"])
FALLBACKS = Counter("llm_fallbacks_total", "Times a provider was passed over for the next one.", ["provider", "reason"])
REPAIRS = Counter("llm_repairs_total", "Re-asks after an output failed its schema, by task.", ["task"])
GENERATIONS = Counter(
    "llm_generations_total", "Generate requests by task and outcome (ok, cached, invalid_output, unavailable).",
    ["task", "outcome"],
)
BREAKER_STATE = Gauge("llm_provider_breaker_state", "Circuit breaker per provider: 0 closed, 1 open, 2 half-open.",
                      ["provider"])
REFUSALS = Counter("llm_refusals_total", "Requests refused by rate limits or quotas, by kind.", ["kind"])
