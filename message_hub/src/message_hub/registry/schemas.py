"""Responses of ``GET /api/v1/hub/services`` and ``GET /api/v1/hub/routes``."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

ServiceState = Literal["up", "degraded", "down"]


class Probe(BaseModel):
    """The hub's last active probe of an instance's ``/health/ready``."""

    ok: bool
    status_code: int | None
    latency_ms: float | None
    error: str | None
    checked_at: datetime


class InstanceView(BaseModel):
    instance_id: str
    base_url: str
    version: str
    started_at: datetime
    heartbeat_at: datetime
    rpc_types: list[str]
    event_types: list[str]
    probe: Probe | None


class ServiceView(BaseModel):
    name: str
    status: ServiceState
    instances: list[InstanceView]


class ServicesPage(BaseModel):
    services: list[ServiceView]


class RpcRoute(BaseModel):
    type: str
    service: str
    instances: int


class EventRoute(BaseModel):
    type: str
    stream: str
    subscribers: list[str]


class RoutingTable(BaseModel):
    rpc: list[RpcRoute]
    events: list[EventRoute]
