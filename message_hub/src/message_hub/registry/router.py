"""``GET /api/v1/hub/services`` and ``GET /api/v1/hub/routes`` (admin)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from dnd_shared.hub.registry import Registry
from dnd_shared.identity import AdminUser
from message_hub.registry.schemas import RoutingTable, ServicesPage
from message_hub.registry.service import list_services, routing_table

router = APIRouter(prefix="/api/v1/hub", tags=["registry"])


def registry_of(request: Request) -> Registry:
    return Registry(request.app.state.redis, ttl=0)


@router.get("/services", summary="Registered services, their live instances and health")
async def services(request: Request, _: AdminUser) -> ServicesPage:
    return ServicesPage(services=await list_services(request.app.state.redis, registry_of(request)))


@router.get("/routes", summary="Routing table: message type -> service, event type -> subscribers")
async def routes(request: Request, _: AdminUser) -> RoutingTable:
    return await routing_table(registry_of(request))
