"""Who may see and change an image, map or job: the owner always; admins always; others what is
public, shared with them by id, or shared with a campaign they belong to (asked of the campaign
service through the hub, closed when it cannot answer). Nobody but the owner (or an admin) changes
anything. Invisible things are 404, not 403."""

from __future__ import annotations

import uuid
from typing import Protocol

from dnd_shared.errors import ErrorDetail, ForbiddenError, NotFoundError, PreconditionFailedError
from dnd_shared.identity import Principal

VISIBILITIES = ("private", "shared", "campaign", "public")


class Shareable(Protocol):
    id: uuid.UUID
    owner_id: uuid.UUID
    visibility: str
    shared_with: list[uuid.UUID]
    campaign_id: uuid.UUID | None
    version: int


class CampaignMembership(Protocol):
    async def is_member(self, campaign_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        """Whether ``user_id`` plays in or runs campaign ``campaign_id``."""


class NoCampaigns:
    """Where no campaign service is reachable (the job worker): nobody is a member of anything."""

    async def is_member(self, campaign_id: uuid.UUID, user_id: uuid.UUID) -> bool:
        return False


NO_CAMPAIGNS = NoCampaigns()


def can_see_directly(principal: Principal, item: Shareable) -> bool:
    """Owner, admin, public, or explicitly shared with the caller (no campaign lookup needed)."""
    return (
        item.owner_id == principal.user_id
        or principal.is_admin
        or item.visibility == "public"
        or (item.visibility == "shared" and principal.user_id in item.shared_with)
    )


async def can_see(principal: Principal, item: Shareable, campaigns: CampaignMembership) -> bool:
    """:func:`can_see_directly`, or shared with a campaign the caller belongs to."""
    if can_see_directly(principal, item):
        return True
    return (
        item.visibility == "campaign"
        and item.campaign_id is not None
        and await campaigns.is_member(item.campaign_id, principal.user_id)
    )


def not_found(noun: str) -> NotFoundError:
    return NotFoundError(f"No {noun} with that id.", code=f"{noun.replace(' ', '_')}_not_found")


def check_owner(principal: Principal, item: Shareable, noun: str) -> None:
    """Only the owner (or an admin) changes or deletes; call it on an item the caller can see (a
    viewer gets 403 here; a stranger already got 404)."""
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
