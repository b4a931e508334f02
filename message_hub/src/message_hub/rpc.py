"""The hub's own hub handlers: the standard ones, and the collector of diagnostics trace hops."""

from __future__ import annotations

from dnd_shared.contracts.diagnostics import DiagnosticsTraceHopV1
from dnd_shared.hub import HubRouter, MessageContext, system_router
from message_hub.diagnostics.service import record_hop

router = HubRouter()
router.include(system_router("hub"))


@router.subscribe(DiagnosticsTraceHopV1)
async def on_trace_hop(event: DiagnosticsTraceHopV1, ctx: MessageContext) -> None:
    """A service received a trace event: keep the hop for the waiting trace request."""
    await record_hop(ctx.require_hub().redis, event)
