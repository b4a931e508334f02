"""Prometheus metrics of the hub client (every service exports them on ``/metrics``)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

RPC_LATENCY = Histogram(
    "hub_rpc_duration_seconds",
    "RPC round trip seen by the caller, by message type and outcome",
    ["type", "outcome"],
    buckets=(0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
RPC_ERRORS = Counter("hub_rpc_errors_total", "RPC calls that ended in an error, by type and code", ["type", "code"])
RPC_HANDLED = Counter(
    "hub_rpc_handled_total", "RPC requests handled by this instance, by type and outcome", ["type", "outcome"]
)
RPC_EXPIRED = Counter("hub_rpc_expired_total", "RPC requests dropped unexecuted: deadline passed", ["type"])
RPC_DUPLICATES = Counter("hub_rpc_duplicates_total", "Duplicate commands answered from the stored reply", ["type"])
CIRCUIT_STATE = Gauge("hub_circuit_state", "Circuit breaker per target: 0 closed, 1 open, 2 half-open", ["target"])
EVENTS_PUBLISHED = Counter("hub_events_published_total", "Events published, by type", ["type"])
EVENTS_DELIVERED = Counter("hub_events_delivered_total", "Events handled successfully, by type", ["type"])
EVENTS_FAILED = Counter("hub_events_failed_total", "Event deliveries whose handler failed, by type", ["type"])
EVENTS_DUPLICATES = Counter("hub_events_duplicates_total", "Events skipped as already handled, by type", ["type"])
DEAD_LETTERED = Counter("hub_dead_lettered_total", "Messages moved to the dead-letter stream, by type", ["type"])
RECLAIMED = Counter("hub_reclaimed_total", "Pending entries reclaimed from idle consumers, by stream", ["stream"])
OUTBOX_RELAYED = Counter("hub_outbox_relayed_total", "Outbox rows published after commit", ["type"])
