"""Who may see and change an image, map or job: the owner always; admins always; others only what
is public or shared with them, and never change it. Invisible things are 404, not 403."""

from __future__ import annotations

import uuid
from typing import Protocol

from dnd_shared.errors import ErrorDetail, ForbiddenError, NotFoundError, PreconditionFailedError
from dnd_shared.identity import Principal


class Shareable(Protocol):
    id: uuid.UUID
    owner_id: uuid.UUID
    visibility: str
    shared_with: list[uuid.UUID]
    version: int


def can_see(principal: Principal, item: Shareable) -> bool:
    """Owner, admin, public, or explicitly shared with the caller."""
    return (
        item.owner_id == principal.user_id
        or principal.is_admin
        or item.visibility == "public"
        or (item.visibility == "shared" and principal.user_id in item.shared_with)
    )


def check_visible(principal: Principal, item: Shareable | None, noun: str) -> Shareable:
    """``item`` if the caller may see it, else the same 404 as a missing one."""
    if item is None or not can_see(principal, item):
        raise NotFoundError(f"No {noun} with that id.", code=f"{noun.replace(' ', '_')}_not_found")
    return item


def check_owner(principal: Principal, item: Shareable, noun: str) -> None:
    """Only the owner (or an admin) changes or deletes; a viewer gets 403, a stranger 404."""
    check_visible(principal, item, noun)
    if item.owner_id != principal.user_id and not principal.is_admin:
        raise ForbiddenError(f"Only the owner can change this {noun}.", code=f"{noun.replace(' ', '_')}_not_owned")


def etag_of(item: Shareable) -> str:
    """The ETag of a resource's metadata: its row version, quoted."""
    return f'"{item.version}"'


def check_if_match(item: Shareable, if_match: str | None) -> None:
    """A stale ``If-Match`` is 412; ``*`` or no header passes."""
    if if_match is None:
        return
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" not in candidates and etag_of(item) not in candidates:
        raise PreconditionFailedError(
            f"It changed since you read it (now version {item.version}); reload and retry.",
            details=[ErrorDetail("If-Match", f"current ETag is {etag_of(item)}")],
        )
