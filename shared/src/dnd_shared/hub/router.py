"""Declaring a service's hub handlers (its ``rpc.py``)::

    router = HubRouter()

    @router.rpc("catalog.search")
    async def search(request: SearchRequest, ctx: MessageContext) -> SearchResult: ...

    @router.subscribe(CharacterCreatedV1)
    async def on_character_created(event: CharacterCreatedV1, ctx: MessageContext) -> None: ...

Request models come from the handler's first parameter's annotation, responses from its return
annotation, so the declaration is the handler's signature.
"""

from __future__ import annotations

import builtins
import inspect
import typing
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import Table

from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.rpc import RpcContract, RpcKind
from dnd_shared.hub.context import MessageContext

RpcHandlerFn = Callable[[Any, MessageContext], Awaitable[BaseModel | None]]
EventHandlerFn = Callable[[Any, MessageContext], Awaitable[None]]
F = TypeVar("F", bound=Callable[..., Awaitable[Any]])


@dataclass(frozen=True)
class RpcHandler:
    """One RPC type served by this service."""

    type: str
    kind: RpcKind
    request_model: builtins.type[BaseModel]
    response_model: builtins.type[BaseModel] | None
    fn: RpcHandlerFn


@dataclass(frozen=True)
class EventHandler:
    """One event type this service subscribes to."""

    event_model: type[EventModel]
    fn: EventHandlerFn

    @property
    def type(self) -> str:
        return self.event_model.event_type


def _first_param_model(fn: Callable[..., Any]) -> type[BaseModel]:
    hints = typing.get_type_hints(fn)
    params = list(inspect.signature(fn).parameters)
    if not params or not isinstance(hints.get(params[0]), type) or not issubclass(hints[params[0]], BaseModel):
        raise TypeError(f"{fn.__qualname__}: the first parameter must be annotated with a pydantic model")
    model: type[BaseModel] = hints[params[0]]
    return model


def _return_model(fn: Callable[..., Any]) -> type[BaseModel] | None:
    returned = typing.get_type_hints(fn).get("return")
    if isinstance(returned, type) and issubclass(returned, BaseModel):
        return returned
    return None


class HubRouter:
    """RPC handlers and event subscriptions of one service; routers can include routers."""

    def __init__(self) -> None:
        self.rpc_handlers: dict[str, RpcHandler] = {}
        self.event_handlers: dict[str, EventHandler] = {}
        #: The service's outbox table, if it has one: the app then runs an outbox relay.
        self.outbox: Table | None = None

    def use_outbox(self, table: Table) -> None:
        """Declare the service's outbox table (see :mod:`dnd_shared.hub.outbox`)."""
        self.outbox = table

    def rpc(self, type_: str | RpcContract[Any, Any], *, kind: RpcKind | None = None) -> Callable[[F], F]:
        """Serve the RPC ``type_`` (``"<service>.<name>"`` or a contract). ``kind="command"``
        turns on duplicate suppression; a contract brings its own kind."""

        def decorator(fn: F) -> F:
            name = type_.type if isinstance(type_, RpcContract) else type_
            resolved: RpcKind = kind or (type_.kind if isinstance(type_, RpcContract) else "query")
            if name in self.rpc_handlers:
                raise ValueError(f"RPC {name!r} is already handled")
            self.rpc_handlers[name] = RpcHandler(name, resolved, _first_param_model(fn), _return_model(fn), fn)
            return fn

        return decorator

    def subscribe(self, event_model: type[EventModel]) -> Callable[[F], F]:
        """Handle every ``event_model.event_type`` event (at least once; duplicates are filtered)."""

        def decorator(fn: F) -> F:
            if not event_model.event_type:
                raise TypeError(f"{event_model.__name__} has no event_type")
            if event_model.event_type in self.event_handlers:
                raise ValueError(f"{event_model.event_type!r} already has a handler")
            self.event_handlers[event_model.event_type] = EventHandler(event_model, fn)
            return fn

        return decorator

    def include(self, other: HubRouter) -> None:
        """Merge another router's handlers (duplicates are an error)."""
        for name, handler in other.rpc_handlers.items():
            if name in self.rpc_handlers:
                raise ValueError(f"RPC {name!r} is already handled")
            self.rpc_handlers[name] = handler
        for name, event_handler in other.event_handlers.items():
            if name in self.event_handlers:
                raise ValueError(f"{name!r} already has a handler")
            self.event_handlers[name] = event_handler
        if other.outbox is not None:
            self.outbox = other.outbox

    @property
    def rpc_types(self) -> list[str]:
        """Sorted RPC types served."""
        return sorted(self.rpc_handlers)

    @property
    def event_types(self) -> list[str]:
        """Sorted event types subscribed to."""
        return sorted(self.event_handlers)

    @property
    def event_streams(self) -> list[str]:
        """The domains whose streams this service reads."""
        return sorted({h.event_model.domain() for h in self.event_handlers.values()})
