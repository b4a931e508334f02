"""The message being handled in this task: correlation id and principal, for logs and for the
messages a handler sends in turn (an RPC inside an event handler keeps the same request id)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import structlog

from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.identity import Principal
from dnd_shared.request_id import current_request_id

if TYPE_CHECKING:
    from dnd_shared.hub.client import Hub


@dataclass(frozen=True)
class MessageContext:
    """What a handler knows about the message besides its payload."""

    message_id: str
    type: str
    source: str
    correlation_id: str | None
    principal: PrincipalClaims | None
    delivery: int = 1
    #: The receiving instance's hub: publish follow-up events, call other services, reach
    #: ``hub.app_state`` (the FastAPI app's state: database, settings) from a handler.
    hub: Hub | None = field(default=None, repr=False, compare=False)

    def require_hub(self) -> Hub:
        """The receiving hub (always set when the hub runs the handler)."""
        if self.hub is None:
            raise RuntimeError("this message context is not bound to a hub")
        return self.hub

    @property
    def user(self) -> Principal | None:
        """The principal the message acts for, as the HTTP layer's type."""
        return self.principal.to_principal() if self.principal is not None else None


_current: ContextVar[MessageContext | None] = ContextVar("hub_message_context", default=None)


def current_message() -> MessageContext | None:
    """The message being handled by this task, if any."""
    return _current.get()


def outgoing_correlation_id() -> str | None:
    """The id to stamp on an outgoing message: the HTTP request's, else the handled message's."""
    request_id = current_request_id()
    if request_id is not None:
        return request_id
    message = _current.get()
    return message.correlation_id if message is not None else None


def outgoing_principal() -> PrincipalClaims | None:
    """Inside a handler, the handled message's principal travels on."""
    message = _current.get()
    return message.principal if message is not None else None


@contextmanager
def handling(context: MessageContext) -> Iterator[None]:
    """Bind a message for the duration of its handler: contextvar plus structlog's ``request_id``,
    ``user_id`` and ``message_type`` on every log line."""
    token = _current.set(context)
    bound: dict[str, str] = {"message_type": context.type, "message_id": context.message_id}
    if context.correlation_id:
        bound["request_id"] = context.correlation_id
    if context.principal is not None:
        bound["user_id"] = str(context.principal.user_id)
    with structlog.contextvars.bound_contextvars(**bound):
        try:
            yield
        finally:
            _current.reset(token)
