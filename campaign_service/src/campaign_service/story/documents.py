"""Story rows as documents for the filtering layer."""

from __future__ import annotations

from typing import Any

from campaign_service.story.models import EntityRevision, Relationship, StoryEntity


def effective_stat_block(data: dict[str, Any]) -> dict[str, Any] | None:
    """An NPC's stat block: the catalog snapshot with the DM's overrides on top (derived, never stored)."""
    snapshot = data.get("stat_block")
    if snapshot is None:
        return None
    return {**snapshot, **(data.get("overrides") or {})}


def entity_document(entity: StoryEntity) -> dict[str, Any]:
    """Every field of a story entity, with its access rules."""
    data = dict(entity.data)
    if entity.kind == "npc" and data.get("stat_block") is not None:
        data["effective_stat_block"] = effective_stat_block(data)
    return {
        "id": str(entity.id), "campaign_id": str(entity.campaign_id), "kind": entity.kind, "name": entity.name,
        "summary": entity.summary, "status": entity.status, "position": entity.position,
        "parent_id": str(entity.parent_id) if entity.parent_id else None,
        "data": data, "linked_ids": list(entity.linked_ids), "tags": list(entity.tags),
        "generated": entity.generated, "generation": entity.generation, "version": entity.version,
        "created_at": entity.created_at.isoformat(), "updated_at": entity.updated_at.isoformat(),
        "deleted_at": entity.deleted_at.isoformat() if entity.deleted_at else None,
        "visibility": entity.visibility, "visible_to": list(entity.visible_to),
        "dm_only_fields": _secret_fields(entity),
    }


def _secret_fields(entity: StoryEntity) -> list[str]:
    fields = list(entity.dm_only_fields)
    if "stat_block" in fields or "overrides" in fields:
        # The merged block reveals both; it is as secret as either.
        fields.append("effective_stat_block")
    return fields


def revision_document(revision: EntityRevision) -> dict[str, Any]:
    """A revision: the entity's document at that point. The history route filters it with the rules of
    that point *and* the rules now in force (a secret stays secret in the past too)."""
    document = dict(revision.document)
    return {
        "number": revision.number, "action": revision.action, "author_id": str(revision.author_id),
        "recorded_at": revision.created_at.isoformat(), "digest": revision.digest,
        "entity": document,
        "visibility": document.get("visibility", "party"), "visible_to": document.get("visible_to", []),
    }


def relationship_document(edge: Relationship) -> dict[str, Any]:
    """An edge of the relationship graph."""
    return {
        "id": str(edge.id), "campaign_id": str(edge.campaign_id), "source_kind": edge.source_kind,
        "source_id": str(edge.source_id), "target_kind": edge.target_kind, "target_id": str(edge.target_id),
        "standing": edge.standing, "description": edge.description, "history": list(edge.history),
        "version": edge.version, "created_at": edge.created_at.isoformat(),
        "visibility": edge.visibility, "visible_to": list(edge.visible_to),
        "dm_only_fields": list(edge.dm_only_fields),
    }
