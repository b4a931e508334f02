"""Handlers every service includes in its ``rpc.py``:

- ``<service>.system.info`` (query): name, version, instance, uptime, handled types;
- ``<service>.diagnostics.trace`` (command): publish :class:`DiagnosticsTraceV1` — through the
  service's outbox when it has one, so the trace also proves the outbox relay;
- subscription to ``diagnostics.trace.v1``: log it and answer with ``diagnostics.trace_hop.v1``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import structlog
from sqlalchemy import Table

from dnd_shared.contracts.diagnostics import (
    DiagnosticsTraceHopV1,
    DiagnosticsTraceV1,
    TraceAccepted,
    TraceRequest,
    trace_contract,
)
from dnd_shared.contracts.system import SystemInfo, SystemInfoRequest, system_info_contract
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.outbox import stage_event
from dnd_shared.hub.router import HubRouter

log = structlog.get_logger("dnd_shared.hub.diagnostics")


def system_router(service: str, *, outbox: Table | None = None) -> HubRouter:
    """The standard handlers of ``service``; with ``outbox`` the trace event goes through it."""
    router = HubRouter()
    if outbox is not None:
        router.use_outbox(outbox)

    @router.rpc(system_info_contract(service))
    async def system_info(request: SystemInfoRequest, ctx: MessageContext) -> SystemInfo:
        hub = ctx.require_hub()
        return SystemInfo(service=hub.service, version=hub.version, instance_id=hub.instance_id,
                          uptime_seconds=round(hub.uptime_seconds, 3), rpc_types=hub.router.rpc_types,
                          event_types=hub.router.event_types)

    @router.rpc(trace_contract(service))
    async def trace(request: TraceRequest, ctx: MessageContext) -> TraceAccepted:
        hub = ctx.require_hub()
        event = hub.event(DiagnosticsTraceV1(trace_id=request.trace_id, origin_service=hub.service,
                                             origin_instance=hub.instance_id), subject=request.trace_id)
        if outbox is not None and hub.app_state is not None:
            async with hub.app_state.database.session() as session:
                await stage_event(session, outbox, event, hub.outbox_relay)
        else:
            await hub.publish(event)
        log.info("diagnostics_trace_published", trace_id=request.trace_id, event_id=event.id,
                 via_outbox=outbox is not None)
        return TraceAccepted(service=hub.service, instance_id=hub.instance_id, event_id=event.id,
                             via_outbox=outbox is not None)

    @router.subscribe(DiagnosticsTraceV1)
    async def on_trace(event: DiagnosticsTraceV1, ctx: MessageContext) -> None:
        hub = ctx.require_hub()
        log.info("diagnostics_trace_received", trace_id=event.trace_id, origin_service=event.origin_service)
        await hub.publish(DiagnosticsTraceHopV1(trace_id=event.trace_id, service=hub.service,
                                                instance_id=hub.instance_id, received_at=datetime.now(UTC)),
                          subject=event.trace_id)

    return router


def with_system_handlers(router: HubRouter, service: str) -> HubRouter:
    """``router`` plus every standard handler it does not define itself (the app factory applies
    this, so every service answers ``<service>.system.info`` and takes part in traces). When the
    router declares an outbox, the trace event goes through it."""
    combined = HubRouter()
    combined.include(router)
    standard = system_router(service, outbox=router.outbox)
    for name, handler in standard.rpc_handlers.items():
        combined.rpc_handlers.setdefault(name, handler)
    for name, event_handler in standard.event_handlers.items():
        combined.event_handlers.setdefault(name, event_handler)
    return combined
