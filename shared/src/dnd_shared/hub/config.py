"""Tuning of the hub client, the same for every service (env prefix ``DND_HUB_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class HubSettings(BaseSettings):
    """Timings are in seconds unless the name says otherwise."""

    model_config = SettingsConfigDict(env_prefix="DND_HUB_", extra="ignore")

    #: An instance that has not heartbeated for this long is gone from discovery.
    registry_ttl: float = Field(default=10.0, gt=0)
    #: Heartbeat period; keep it well under the TTL so one slow beat does not drop the instance.
    heartbeat_interval: float = Field(default=3.0, gt=0)
    #: A pending entry idle this long is reclaimed (XAUTOCLAIM) by a live consumer. Longer than the
    #: slowest legitimate handler, or a live handler's message is taken from it.
    claim_idle: float = Field(default=15.0, gt=0)
    #: How often each consumer looks for reclaimable entries.
    reclaim_interval: float = Field(default=1.0, gt=0)
    #: After a failed delivery the event becomes claimable again after this delay.
    retry_delay: float = Field(default=0.5, ge=0)
    #: A message that failed this many times goes to the dead-letter stream.
    max_deliveries: int = Field(default=3, ge=1)
    #: Default RPC timeout when the caller gives none.
    default_timeout: float = Field(default=5.0, gt=0)
    #: Attempts of an idempotent query (the timeout is split between them).
    query_attempts: int = Field(default=2, ge=1, le=5)
    #: Consecutive failures that open a target's circuit, and how long it stays open.
    breaker_failure_threshold: int = Field(default=5, ge=1)
    breaker_reset_after: float = Field(default=5.0, gt=0)
    #: How long a positive "target has a live instance" answer is trusted before asking again.
    liveness_cache: float = Field(default=0.5, ge=0)
    #: Handler concurrency per instance.
    max_concurrency: int = Field(default=64, ge=1)
    #: Event ids handled by a service are remembered this long (duplicate suppression).
    dedupe_ttl: float = Field(default=86_400.0, gt=0)
    #: Completed command replies are kept this long for duplicate suppression.
    command_result_ttl: float = Field(default=600.0, gt=0)
    #: Approximate cap of each event stream (XADD MAXLEN ~).
    event_stream_maxlen: int = Field(default=100_000, ge=1000)
    #: Blocking read period (ms); bounds how long shutdown waits for a reader.
    block_ms: int = Field(default=1000, ge=10, le=4000)
