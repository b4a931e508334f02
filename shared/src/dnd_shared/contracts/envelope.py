"""The wire format of the hub: the RPC envelope and reply, and the CloudEvents-shaped event.

Each is one JSON document in one stream-entry field (``m``), so one parse yields the whole message.
"""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dnd_shared.identity import Principal

ENVELOPE_SCHEMA_VERSION = 1


class PrincipalClaims(BaseModel):
    """The caller's identity as it travels in a message (see :class:`dnd_shared.identity.Principal`)."""

    model_config = ConfigDict(frozen=True)

    user_id: uuid.UUID
    roles: tuple[str, ...] = ()
    scopes: tuple[str, ...] = ()
    auth_method: str = "bearer"

    @classmethod
    def from_principal(cls, principal: Principal) -> PrincipalClaims:
        """Copy an HTTP request's verified principal into a message."""
        return cls(
            user_id=principal.user_id,
            roles=tuple(sorted(principal.roles)),
            scopes=tuple(sorted(principal.scopes)),
            auth_method=principal.auth_method,
        )

    def to_principal(self) -> Principal:
        """The principal a handler acts for."""
        return Principal(
            user_id=self.user_id,
            roles=frozenset(self.roles),
            scopes=frozenset(self.scopes),
            auth_method=self.auth_method,
        )


def new_message_id() -> str:
    """A fresh message id (32 hex characters)."""
    return uuid.uuid4().hex


class Envelope(BaseModel):
    """One RPC request on ``hub:rpc:<service>``.

    ``deadline`` is a Unix timestamp (seconds): a handler that receives the message later drops it
    without executing it, because the caller has already given up. ``reply_to`` names the calling
    instance's reply list; ``idempotency_key`` (defaults to ``id``) suppresses duplicate commands.
    """

    id: str = Field(default_factory=new_message_id)
    type: str
    source: str
    correlation_id: str | None = None
    deadline: float
    principal: PrincipalClaims | None = None
    schema_version: int = ENVELOPE_SCHEMA_VERSION
    payload: dict[str, Any] = Field(default_factory=dict)
    reply_to: str
    idempotency_key: str | None = None
    kind: Literal["query", "command"] = "query"

    def expired(self, now: float | None = None) -> bool:
        """True once the caller's deadline has passed."""
        return (now if now is not None else time.time()) >= self.deadline


class ReplyError(BaseModel):
    """A typed error travelling back to the caller: HTTP status, code, message, field details."""

    status: int
    code: str
    message: str
    details: list[dict[str, str]] = Field(default_factory=list)


class Reply(BaseModel):
    """The answer to one :class:`Envelope` (``request_id`` = the envelope's ``id``)."""

    request_id: str
    ok: bool
    result: dict[str, Any] | None = None
    error: ReplyError | None = None
    instance: str


class CloudEvent(BaseModel):
    """An event on ``hub:evt:<domain>``, shaped as a CloudEvents 1.0 JSON document.

    ``correlationid`` and ``principal`` are extension attributes; ``principal`` is an object (the
    CloudEvents spec wants primitive extension values: we keep the object for one parse, and say so).
    """

    specversion: Literal["1.0"] = "1.0"
    id: str = Field(default_factory=new_message_id)
    type: str
    source: str
    time: datetime = Field(default_factory=lambda: datetime.now(UTC))
    subject: str | None = None
    datacontenttype: Literal["application/json"] = "application/json"
    correlationid: str | None = None
    principal: PrincipalClaims | None = None
    data: dict[str, Any] = Field(default_factory=dict)

    @property
    def domain(self) -> str:
        """``character.created.v1`` -> ``character``: the event's stream."""
        return self.type.split(".", 1)[0]
