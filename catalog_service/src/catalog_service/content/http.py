"""HTTP helpers of the content routes: ETags, ``If-Match``, the embedder and the write rate limit."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import Depends, Header, Request, Response

from catalog_service.content.models import CatalogEntry
from catalog_service.events import ContentEvents, events_from_state
from catalog_service.search.embedder import Embedder
from dnd_shared.errors import ErrorDetail, PreconditionFailedError, RateLimitedError, UnprocessableError
from dnd_shared.identity import CurrentUser


def etag(entry: CatalogEntry) -> str:
    """The entry's version as a strong ETag."""
    return f'"{entry.version}"'


def set_etag(response: Response, entry: CatalogEntry) -> None:
    """Put the entry's ETag on the response."""
    response.headers["ETag"] = etag(entry)


def expected_version(if_match: str | None) -> int | None:
    """``If-Match: "3"`` -> 3; absent or ``*`` -> None; anything else is a 422."""
    if if_match is None or if_match.strip() == "*":
        return None
    value = if_match.strip().removeprefix("W/").strip('"')
    if not value.isdigit():
        raise UnprocessableError(
            "If-Match must be an ETag this API returned.",
            code="invalid_if_match",
            details=[ErrorDetail("If-Match", 'expected a quoted version such as "3"')],
        )
    return int(value)


def check_if_match(entry: CatalogEntry, if_match: str | None) -> int | None:
    """412 when the client's version is stale."""
    version = expected_version(if_match)
    if version is not None and version != entry.version:
        raise PreconditionFailedError(
            f"The entry is at version {entry.version}, not {version}; reload and retry.",
            details=[ErrorDetail("If-Match", f"current ETag is {etag(entry)}")],
        )
    return version


IfMatch = Annotated[str | None, Header(alias="If-Match")]


def get_embedder(request: Request) -> Embedder:
    """The app's embedder (loaded at start-up)."""
    embedder: Embedder = request.app.state.embedder
    return embedder


EmbedderDep = Annotated[Embedder, Depends(get_embedder)]


def get_events(request: Request) -> ContentEvents:
    """Content events bound to the app's outbox relay."""
    return events_from_state(request.app.state)


EventsDep = Annotated[ContentEvents, Depends(get_events)]


async def limit_writes(request: Request, principal: CurrentUser) -> None:
    """Fixed one-minute window per user in Redis: ``homebrew_writes_per_minute`` writes, then 429."""
    limit: int = request.app.state.settings.homebrew_writes_per_minute
    window = int(time.time() // 60)
    key = f"catalog:writes:{principal.user_id}:{window}"
    redis = request.app.state.redis
    count = await redis.incr(key)
    if count == 1:
        await redis.expire(key, 70)
    if count > limit:
        raise RateLimitedError(
            f"At most {limit} homebrew writes per minute.", retry_after_seconds=60 - int(time.time() % 60)
        )


WriteLimit = Depends(limit_writes)
