"""``POST /api/v1/hub/diagnostics/trace`` (admin): prove a path through the fleet works, and find
every log line of it by the one request id the response carries."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from dnd_shared.hub.dependencies import HubDep
from dnd_shared.identity import AdminUser
from message_hub.diagnostics.service import TraceReport, run_trace

router = APIRouter(prefix="/api/v1/hub/diagnostics", tags=["diagnostics"])


class TraceCommand(BaseModel):
    model_config = ConfigDict(extra="forbid")

    target: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", description="The service that publishes the event")
    timeout: float = Field(default=5.0, gt=0, le=30, description="Seconds to wait for the RPC and every hop")


@router.post("/trace", summary="Trace RPC -> event -> subscribers through the hub")
async def trace(request: Request, body: TraceCommand, hub: HubDep, _: AdminUser) -> TraceReport:
    return await run_trace(hub, request.app.state.redis, body.target, body.timeout)
