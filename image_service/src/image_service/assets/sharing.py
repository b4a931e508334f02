"""Turning a sharing change (``visibility``, ``shared_with``, ``campaign_id``) into the values to
store, with its rules checked: a campaign share names a campaign its owner belongs to."""

from __future__ import annotations

from typing import Any

from dnd_shared.errors import ErrorDetail, UnprocessableError
from image_service.assets.access import CampaignMembership, Shareable


async def sharing_values(item: Shareable, changes: dict[str, Any], campaigns: CampaignMembership) -> dict[str, Any]:
    """The columns to update for ``changes`` (already validated field by field)."""
    values = dict(changes)
    if "shared_with" in values:
        values["shared_with"] = sorted(set(values["shared_with"]) - {item.owner_id}, key=str)
    visibility = values.get("visibility", item.visibility)
    campaign_id = values.get("campaign_id", item.campaign_id)
    if visibility == "campaign":
        if campaign_id is None:
            raise UnprocessableError(
                "Sharing with a campaign needs the campaign.",
                details=[ErrorDetail("campaign_id", "required when visibility is campaign")],
            )
        newly_shared = "campaign_id" in values or item.visibility != "campaign"
        if newly_shared and not await campaigns.is_member(campaign_id, item.owner_id):
            raise UnprocessableError(
                "You can only share with a campaign you play in or run.",
                code="not_a_campaign_member",
                details=[ErrorDetail("campaign_id", "the owner is not a member of this campaign")],
            )
    elif "visibility" in values:
        values["campaign_id"] = None
    return values
