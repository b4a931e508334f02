"""RPC contracts: a message type with its request and response models and whether it is idempotent.

Idempotent queries may be retried by the caller within its deadline; commands are never retried by
the hub and are de-duplicated by the handler side (see ``dnd_shared.hub.rpc_server``).
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel

RequestT = TypeVar("RequestT", bound=BaseModel)
ResponseT = TypeVar("ResponseT", bound=BaseModel)

RpcKind = Literal["query", "command"]


@dataclass(frozen=True)
class RpcContract(Generic[RequestT, ResponseT]):
    """``catalog.search``: the target service is the first segment of ``type``."""

    type: str
    request: builtins.type[RequestT]
    response: builtins.type[ResponseT]
    kind: RpcKind = "query"

    @property
    def service(self) -> str:
        """The service that handles this type."""
        return self.type.split(".", 1)[0]

    @property
    def idempotent(self) -> bool:
        """Queries are safe to retry; commands are not."""
        return self.kind == "query"
