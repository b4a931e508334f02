"""``If-Match`` / ``ETag`` on single resources: the ETag is the row's version."""

from __future__ import annotations

from typing import Annotated

from fastapi import Header, Response

from dnd_shared.errors import ErrorDetail, PreconditionFailedError

IfMatch = Annotated[str | None, Header(alias="If-Match")]


def check_if_match(version: int, if_match: str | None) -> None:
    """A present ``If-Match`` must name ``version`` (``*`` matches any); stale -> 412."""
    if if_match is None:
        return
    tags = {tag.strip().removeprefix("W/").strip('"') for tag in if_match.split(",")}
    if "*" not in tags and str(version) not in tags:
        raise PreconditionFailedError(
            "The resource changed since you read it; reload and retry.",
            details=[ErrorDetail("If-Match", f'current ETag is "{version}"')],
        )


def set_etag(response: Response, version: int) -> None:
    """Send the current version as the ETag."""
    response.headers["ETag"] = f'"{version}"'
