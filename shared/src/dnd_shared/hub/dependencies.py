"""The hub in a route: ``hub: HubDep`` — calls and events carry the request's id and verified
principal without the route passing them."""

from __future__ import annotations

from typing import Annotated, Any, TypeVar, overload

from fastapi import Depends, Request
from pydantic import BaseModel

from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.rpc import RpcContract, RpcKind
from dnd_shared.errors import ServiceUnavailableError
from dnd_shared.hub.client import Hub
from dnd_shared.identity import Principal

ResponseT = TypeVar("ResponseT", bound=BaseModel)


class RequestHub:
    """The instance's :class:`Hub` seen from one HTTP request."""

    def __init__(self, hub: Hub, request: Request) -> None:
        self.hub = hub
        self.request = request

    def _principal(self, explicit: PrincipalClaims | None) -> PrincipalClaims | None:
        if explicit is not None:
            return explicit
        # Read when the call is made: the identity dependency may have run after this one.
        principal = getattr(self.request.state, "principal", None)
        return PrincipalClaims.from_principal(principal) if isinstance(principal, Principal) else None

    @overload
    async def call(self, target: RpcContract[Any, ResponseT], payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> ResponseT: ...

    @overload
    async def call(self, target: str, payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> dict[str, Any]: ...

    async def call(self, target: Any, payload: BaseModel | dict[str, Any] | None = None, *,
                   timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> Any:
        """:meth:`Hub.call` with the request's principal (a contract gives its typed response)."""
        return await self.hub.call(target, payload, timeout=timeout, principal=self._principal(principal),
                                   idempotency_key=idempotency_key, kind=kind)

    async def publish(self, event: EventModel, *, subject: str | None = None) -> str:
        """:meth:`Hub.publish` with the request's principal (call it after the commit)."""
        return await self.hub.publish(event, subject=subject, principal=self._principal(None))


def get_hub(request: Request) -> RequestHub:
    """The request's hub; 503 when this app runs without one."""
    hub = getattr(request.app.state, "hub", None)
    if not isinstance(hub, Hub) or not hub.running:
        raise ServiceUnavailableError("The message hub client is not running.", code="hub_not_running")
    return RequestHub(hub, request)


HubDep = Annotated[RequestHub, Depends(get_hub)]
