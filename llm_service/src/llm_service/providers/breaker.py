"""A circuit breaker per provider: closed -> open after N failures in a row -> half-open after a
cool-down (one trial call) -> closed on success, open again on failure.

The hub's breaker (``dnd_shared.hub.breaker``) has the same states but reports them as the hub's
per-target gauge; providers get their own gauge, ``llm_provider_breaker_state``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import IntEnum

from llm_service import metrics


class BreakerState(IntEnum):
    """Gauge values: 0 closed, 1 open, 2 half-open."""

    CLOSED = 0
    OPEN = 1
    HALF_OPEN = 2


@dataclass
class ProviderBreaker:
    """State of the calls from this instance to one provider."""

    provider: str
    failure_threshold: int
    reset_after: float
    state: BreakerState = BreakerState.CLOSED
    failures: int = 0
    opened_at: float = 0.0
    _trial_in_flight: bool = field(default=False, repr=False)

    def __post_init__(self) -> None:
        metrics.BREAKER_STATE.labels(self.provider).set(int(self.state))

    def _set(self, state: BreakerState) -> None:
        self.state = state
        metrics.BREAKER_STATE.labels(self.provider).set(int(state))

    def allow(self, now: float | None = None) -> bool:
        """May a call go out now? While half-open, one trial at a time."""
        now = time.monotonic() if now is None else now
        if self.state is BreakerState.OPEN:
            if now - self.opened_at < self.reset_after:
                return False
            self._set(BreakerState.HALF_OPEN)
        if self.state is BreakerState.HALF_OPEN:
            if self._trial_in_flight:
                return False
            self._trial_in_flight = True
        return True

    def retry_after(self, now: float | None = None) -> float:
        """Seconds until a trial call is let through."""
        now = time.monotonic() if now is None else now
        return max(0.0, self.reset_after - (now - self.opened_at)) if self.state is BreakerState.OPEN else 0.0

    def record_success(self) -> None:
        """The provider answered: close."""
        self.failures = 0
        self._trial_in_flight = False
        if self.state is not BreakerState.CLOSED:
            self._set(BreakerState.CLOSED)

    def record_failure(self, now: float | None = None) -> None:
        """A timeout, 429, 5xx or connection failure; the N-th in a row (or a failed trial) opens it."""
        now = time.monotonic() if now is None else now
        self._trial_in_flight = False
        self.failures += 1
        if self.state is BreakerState.HALF_OPEN or self.failures >= self.failure_threshold:
            self.opened_at = now
            self._set(BreakerState.OPEN)
