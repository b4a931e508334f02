"""The hub seen from a route: ``hub: HubDep`` carries the request id and the verified principal
into the message, and typed errors surface as the fleet's HTTP envelope (404 stays 404, no
instance is a 503)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel

from dnd_shared.app import create_service_app
from dnd_shared.contracts.rpc import RpcContract
from dnd_shared.errors import NotFoundError
from dnd_shared.hub import HubDep, HubRouter, MessageContext
from dnd_shared.identity import CurrentUser
from dnd_shared.settings import ServiceSettings
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.hub_fixtures import HubFactory, fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity


class SpellQuery(BaseModel):
    name: str


class SpellCard(BaseModel):
    name: str
    asked_by: str | None
    request_id: str | None


GET_SPELL = RpcContract("catalog.spell", SpellQuery, SpellCard)

routes = APIRouter(prefix="/api/v1/things")


@routes.get("/spells/{name}")
async def spell(name: str, hub: HubDep, user: CurrentUser) -> SpellCard:
    return await hub.call(GET_SPELL, SpellQuery(name=name), timeout=2.0)


class ThingSettings(ServiceSettings):
    service_name: str = "things"


def catalog_router() -> HubRouter:
    router = HubRouter()

    @router.rpc(GET_SPELL)
    async def get_spell(request: SpellQuery, ctx: MessageContext) -> SpellCard:
        if request.name == "nothing":
            raise NotFoundError("No spell named 'nothing'.", code="spell_not_found")
        return SpellCard(name=request.name, asked_by=str(ctx.principal.user_id) if ctx.principal else None,
                         request_id=ctx.correlation_id)

    return router


async def test_route_calls_carry_request_id_and_principal_and_errors_keep_their_status(
    service_client: ClientFactory, hub_instance: HubFactory
) -> None:
    identity = SignedIdentity()

    def factory() -> FastAPI:
        app = create_service_app(ThingSettings(), title="Things", prefix="/api/v1/things", routers=[routes],
                                 hub=HubRouter())
        identity.install(app)
        app.state.hub_settings = fast_hub_settings()
        return app

    user_id = uuid.uuid4()
    headers = {**identity.headers(user_id), "X-Request-ID": "req-hub-1"}
    async with service_client(factory) as client:
        unavailable = await client.get("/api/v1/things/spells/Light", headers=headers)
        assert unavailable.status_code == 503
        assert unavailable.json()["error"]["code"] == "service_unavailable"
        assert unavailable.json()["error"]["request_id"] == "req-hub-1"

        async with hub_instance("catalog", catalog_router()):
            ok = await client.get("/api/v1/things/spells/Light", headers=headers)
            assert ok.status_code == 200
            assert ok.json() == {"name": "Light", "asked_by": str(user_id), "request_id": "req-hub-1"}
            missing = await client.get("/api/v1/things/spells/nothing", headers=headers)
            assert missing.status_code == 404
            assert missing.json()["error"]["code"] == "spell_not_found"
            assert missing.json()["error"]["request_id"] == "req-hub-1"
