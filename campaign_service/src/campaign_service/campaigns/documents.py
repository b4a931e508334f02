"""Campaign rows as documents for the filtering layer (:mod:`campaign_service.secrets.view`)."""

from __future__ import annotations

from typing import Any

from campaign_service.campaigns.models import Campaign, Invite, Membership, PartyCharacter


def campaign_document(campaign: Campaign) -> dict[str, Any]:
    """Every field of a campaign; ``dm_notes`` and ``invite_code`` are for the DM."""
    return {
        "id": str(campaign.id), "name": campaign.name, "description": campaign.description,
        "theme": campaign.theme, "rules_version": campaign.rules_version, "type": campaign.type,
        "advancement": campaign.advancement, "merges_need_approval": campaign.merges_need_approval,
        "dm_id": str(campaign.dm_id), "invite_code": campaign.invite_code, "dm_notes": campaign.dm_notes,
        "version": campaign.version, "created_at": campaign.created_at.isoformat(),
        "updated_at": campaign.updated_at.isoformat(),
        "deleted_at": campaign.deleted_at.isoformat() if campaign.deleted_at else None,
        "visibility": "party", "dm_only_fields": ["invite_code"],
    }


def member_document(membership: Membership) -> dict[str, Any]:
    """A member of the campaign."""
    return {"user_id": str(membership.user_id), "role": membership.role,
            "joined_at": membership.created_at.isoformat()}


def invite_document(invite: Invite) -> dict[str, Any]:
    """An invitation."""
    return {"id": str(invite.id), "campaign_id": str(invite.campaign_id), "user_id": str(invite.user_id),
            "status": invite.status, "created_at": invite.created_at.isoformat()}


def party_character_document(character: PartyCharacter) -> dict[str, Any]:
    """A character attached to the campaign."""
    return {"character_id": str(character.character_id), "owner_id": str(character.owner_id),
            "name": character.name, "level": character.level, "classes": character.classes,
            "species": character.species, "attached_at": character.created_at.isoformat()}
