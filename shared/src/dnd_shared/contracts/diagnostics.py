"""Fleet diagnostics: a trace that crosses the hub the way real traffic does.

The hub's ``POST /api/v1/hub/diagnostics/trace`` sends ``<target>.diagnostics.trace`` (an RPC
command); the target publishes :class:`DiagnosticsTraceV1`; every subscribing service logs it and
answers with :class:`DiagnosticsTraceHopV1`, which the hub collects into the trace report. All of
it carries the operator's request id, so one id finds every log line of the path.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.rpc import RpcContract


class TraceRequest(BaseModel):
    """Ask a service to publish a diagnostics event for ``trace_id``."""

    model_config = ConfigDict(extra="forbid")

    trace_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:\-]+$")


class TraceAccepted(BaseModel):
    """The target's answer: which instance took the call and which event it published."""

    service: str
    instance_id: str
    event_id: str
    via_outbox: bool


def trace_contract(service: str) -> RpcContract[TraceRequest, TraceAccepted]:
    """The contract of ``<service>.diagnostics.trace`` (a command: it publishes an event)."""
    return RpcContract(f"{service}.diagnostics.trace", TraceRequest, TraceAccepted, "command")


class DiagnosticsTraceV1(EventModel):
    """Published by the trace's target; every service subscribes."""

    event_type: ClassVar[str] = "diagnostics.trace.v1"

    trace_id: str
    origin_service: str
    origin_instance: str


class DiagnosticsTraceHopV1(EventModel):
    """A subscriber received :class:`DiagnosticsTraceV1`; the hub collects these."""

    event_type: ClassVar[str] = "diagnostics.trace_hop.v1"

    trace_id: str
    service: str
    instance_id: str
    received_at: datetime
