"""A circuit breaker per RPC target (in process): closed -> open after N consecutive failures ->
half-open after a cool-down (one trial call) -> closed on success, open again on failure."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import IntEnum

from dnd_shared.hub import metrics


class BreakerState(IntEnum):
    """Exported as the gauge ``hub_circuit_state`` (0 closed, 1 open, 2 half-open)."""

    CLOSED = 0
    OPEN = 1
    HALF_OPEN = 2


@dataclass
class CircuitBreaker:
    """State of the calls from this instance to one target service."""

    target: str
    failure_threshold: int
    reset_after: float
    state: BreakerState = BreakerState.CLOSED
    failures: int = 0
    opened_at: float = 0.0
    _trial_in_flight: bool = field(default=False, repr=False)

    def _set(self, state: BreakerState) -> None:
        self.state = state
        metrics.CIRCUIT_STATE.labels(self.target).set(int(state))

    def allow(self, now: float | None = None) -> bool:
        """May a call go out now? In half-open state only one trial at a time."""
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
        """Seconds until the breaker will let a trial through."""
        now = time.monotonic() if now is None else now
        return max(0.0, self.reset_after - (now - self.opened_at))

    def record_success(self) -> None:
        """A healthy answer (typed business errors included) closes the circuit."""
        self.failures = 0
        self._trial_in_flight = False
        if self.state is not BreakerState.CLOSED:
            self._set(BreakerState.CLOSED)

    def record_failure(self, now: float | None = None) -> None:
        """A timeout, crash or unavailability; the N-th in a row (or a failed trial) opens it."""
        now = time.monotonic() if now is None else now
        self._trial_in_flight = False
        self.failures += 1
        if self.state is BreakerState.HALF_OPEN or self.failures >= self.failure_threshold:
            self.opened_at = now
            self._set(BreakerState.OPEN)


class BreakerBoard:
    """One breaker per target, created on first use."""

    def __init__(self, failure_threshold: int, reset_after: float) -> None:
        self._threshold = failure_threshold
        self._reset_after = reset_after
        self._breakers: dict[str, CircuitBreaker] = {}

    def get(self, target: str) -> CircuitBreaker:
        """The breaker guarding calls to ``target``."""
        breaker = self._breakers.get(target)
        if breaker is None:
            breaker = CircuitBreaker(target, self._threshold, self._reset_after)
            self._breakers[target] = breaker
            metrics.CIRCUIT_STATE.labels(target).set(0)
        return breaker

    def states(self) -> dict[str, str]:
        """``{"catalog": "closed", ...}`` for status pages."""
        return {name: b.state.name.lower() for name, b in self._breakers.items()}
