"""``GET /api/v1/status``: public, per-service up/down/degraded and an overall state. Nothing
internal (no instance ids, addresses or versions)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel

from dnd_shared.hub.registry import Registry
from message_hub.registry.schemas import ServiceState
from message_hub.registry.service import list_services

router = APIRouter(prefix="/api/v1/status", tags=["status"])


class ServiceStatus(BaseModel):
    name: str
    status: ServiceState


class FleetStatus(BaseModel):
    status: Literal["ok", "degraded", "down"]
    services: list[ServiceStatus]


@router.get("", summary="Public fleet status")
async def fleet_status(request: Request) -> FleetStatus:
    views = await list_services(request.app.state.redis, Registry(request.app.state.redis, ttl=0))
    services = [ServiceStatus(name=v.name, status=v.status) for v in views]
    states = {s.status for s in services}
    overall: Literal["ok", "degraded", "down"] = (
        "ok" if states == {"up"} else "down" if states == {"down"} else "degraded"
    )
    return FleetStatus(status=overall, services=services)
