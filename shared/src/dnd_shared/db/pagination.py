"""Opaque keyset cursors over ``(created_at, id)``: stable under inserts, no OFFSET scans."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from dnd_shared.errors import ErrorDetail, UnprocessableError

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


@dataclass(frozen=True)
class Cursor:
    created_at: datetime
    id: uuid.UUID

    def encode(self) -> str:
        raw = json.dumps([self.created_at.isoformat(), str(self.id)]).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        """Parse a client-supplied cursor; a malformed one is a 422 on the ``cursor`` field."""
        try:
            padded = token + "=" * (-len(token) % 4)
            created_at, id_ = json.loads(base64.urlsafe_b64decode(padded.encode()))
            return cls(datetime.fromisoformat(created_at), uuid.UUID(id_))
        except (ValueError, TypeError, json.JSONDecodeError) as exc:
            raise UnprocessableError(
                "The cursor is not valid.",
                code="invalid_cursor",
                details=[ErrorDetail("cursor", "not a cursor returned by this API")],
            ) from exc


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None
