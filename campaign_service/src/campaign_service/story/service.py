"""Story logic: entities of every kind, their history, search, NPCs from catalog creatures, world
effects, and the relationship graph. Every document leaves through the filtering layer."""

from __future__ import annotations

import json
import uuid
from typing import Any

from pydantic import ValidationError

from campaign_service.campaigns.access import CampaignAccess
from campaign_service.catalog_creatures import fetch_creature
from campaign_service.preconditions import check_if_match
from campaign_service.secrets.view import view, view_all
from campaign_service.secrets.viewer import Viewer
from campaign_service.story.documents import entity_document, relationship_document, revision_document
from campaign_service.story.history import document_digest
from campaign_service.story.kinds import KINDS, Kind
from campaign_service.story.models import Relationship, StoryEntity
from campaign_service.story.repository import RelationshipRepository, RevisionRepository, StoryEntityRepository
from campaign_service.story.schemas import (
    EntityIn,
    EntityPatch,
    NpcFromCreatureIn,
    RelationshipIn,
    StandingChangeIn,
)
from dnd_shared.errors import ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.hub import RequestHub
from dnd_shared.identity import Principal

Document = dict[str, Any]


#: ``data`` fields that name another entity of the campaign, and the kinds they may name.
REFERENCES: dict[str, tuple[str, ...]] = {
    "identity_id": ("identity",),
    "location_id": ("location",),
    "faction_id": ("faction",),
    "points_to": ("npc", "identity", "facade", "location", "faction", "plot_layer", "clue"),
}


def kind_of(name: str) -> Kind:
    """The kind called ``name``; 422 on ``kind`` otherwise."""
    kind = KINDS.get(name)
    if kind is None:
        raise UnprocessableError(f"Unknown kind {name!r}.", code="unknown_kind",
                                 details=[ErrorDetail("kind", f"must be one of: {', '.join(sorted(KINDS))}")])
    return kind


def validated_data(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` checked against the kind's model, as JSON (422 with ``data.<field>`` paths)."""
    try:
        return kind.data_model.model_validate(data).model_dump(mode="json")
    except ValidationError as exc:
        details = [ErrorDetail("data." + ".".join(str(p) for p in e["loc"]), e["msg"]) for e in exc.errors()]
        raise UnprocessableError(f"The data of a {kind.name} is not valid.", details=details) from exc


def checked_status(kind: Kind, status: str | None) -> str:
    """The status, or the kind's first one; 422 when the kind has no such status."""
    if status is None:
        return kind.statuses[0]
    if status not in kind.statuses:
        raise UnprocessableError(f"A {kind.name} cannot be {status!r}.", code="invalid_status",
                                 details=[ErrorDetail("status", f"must be one of: {', '.join(kind.statuses)}")])
    return status


def checked_dm_only_fields(kind: Kind, fields: list[str]) -> list[str]:
    """Secret fields must name ``summary`` or keys of the kind's data."""
    allowed = {"summary", *kind.data_model.model_fields}
    unknown = [f for f in fields if f not in allowed]
    if unknown:
        raise UnprocessableError("Unknown fields in dm_only_fields.", code="invalid_dm_only_fields",
                                 details=[ErrorDetail("dm_only_fields", f"unknown: {', '.join(unknown)}")])
    return sorted(set(fields))


def matches(document: Document, text: str) -> bool:
    """Whether the text appears anywhere in what the viewer is shown (so a hit never betrays a secret)."""
    return text.lower() in json.dumps(document, ensure_ascii=False, default=str).lower()


class StoryService:
    """Story entities and relationships of a campaign."""

    def __init__(self, access: CampaignAccess, entities: StoryEntityRepository, revisions: RevisionRepository,
                 relationships: RelationshipRepository) -> None:
        self.access = access
        self.entities = entities
        self.revisions = revisions
        self.relationships = relationships

    # --- entities ----------------------------------------------------------------------------
    async def create(self, user: Principal, campaign_id: uuid.UUID, body: EntityIn, *,
                     generation: dict[str, Any] | None = None) -> StoryEntity:
        """A new entity (DM only)."""
        _, viewer = await self.access.dm(user, campaign_id)
        return await self.create_as_dm(viewer, body, generation=generation)

    async def create_as_dm(self, viewer: Viewer, body: EntityIn, *,
                           generation: dict[str, Any] | None = None) -> StoryEntity:
        """Create for a viewer already known to be the DM (assistants and Antitheticon use this)."""
        kind = kind_of(body.kind)
        data = validated_data(kind, body.data)
        visible_to = [str(c) for c in body.visible_to]
        if kind.name == "facade" and not visible_to:
            visible_to = [str(c) for c in data.get("presented_to", [])]
        if body.parent_id is not None:
            await self._get_in(viewer.campaign_id, body.parent_id, field="parent_id")
        for linked in body.linked_ids:
            await self._get_in(viewer.campaign_id, linked, field="linked_ids")
        await self._check_references(viewer, data)
        if kind.name == "world_effect":
            data = await self._apply_world_effect(viewer, data)
        position = body.position
        if position is None:
            position = await self.entities.next_position(viewer.campaign_id, kind.name) if kind.ordered else 0
        entity = await self.entities.create(
            campaign_id=viewer.campaign_id, kind=kind.name, name=body.name, summary=body.summary,
            status=checked_status(kind, body.status), position=position, parent_id=body.parent_id,
            visibility=body.visibility or kind.default_visibility, visible_to=visible_to, data=data,
            dm_only_fields=checked_dm_only_fields(
                kind, body.dm_only_fields if body.dm_only_fields is not None else list(kind.default_dm_only_fields)),
            linked_ids=[str(i) for i in body.linked_ids], tags=body.tags,
            generated=generation is not None, generation=generation,
        )
        await self.record_revision(viewer, entity, "created")
        return entity

    async def _check_references(self, viewer: Viewer, data: dict[str, Any]) -> None:
        """Every entity a ``data`` field names is in this campaign and of a fitting kind (422 otherwise)."""
        for field, kinds in REFERENCES.items():
            if data.get(field) is None:
                continue
            target = await self._get_in(viewer.campaign_id, uuid.UUID(str(data[field])), field=f"data.{field}")
            if target.kind not in kinds:
                raise UnprocessableError(f"data.{field} must name a {' or '.join(kinds)}.", code="kind_mismatch",
                                         details=[ErrorDetail(f"data.{field}", f"is a {target.kind}")])

    async def _apply_world_effect(self, viewer: Viewer, data: dict[str, Any]) -> dict[str, Any]:
        target = await self._get_in(viewer.campaign_id, uuid.UUID(data["target_id"]), field="data.target_id")
        if target.kind not in ("location", "faction"):
            raise UnprocessableError("A world effect changes a location or a faction.", code="invalid_target",
                                     details=[ErrorDetail("data.target_id", f"is a {target.kind}")])
        previous = str(target.data.get("theme", ""))
        await self.entities.update(target, {"data": {**target.data, "theme": data["theme"]}})
        await self.record_revision(viewer, target, "world_effect")
        return {**data, "previous_theme": previous}

    async def _get_in(self, campaign_id: uuid.UUID, entity_id: uuid.UUID, *, field: str) -> StoryEntity:
        entity = await self.entities.in_campaign_by_id(campaign_id, entity_id)
        if entity is None:
            raise UnprocessableError("That entity is not in this campaign.", code="unknown_entity",
                                     details=[ErrorDetail(field, f"no entity {entity_id} in this campaign")])
        return entity

    async def record_revision(self, viewer: Viewer, entity: StoryEntity, action: str) -> None:
        """Append the entity's current document to its history."""
        document = entity_document(entity)
        await self.revisions.record(campaign_id=entity.campaign_id, entity_id=entity.id, author_id=viewer.user_id,
                                    action=action, document=document, digest=document_digest(document))

    async def list_entities(self, user: Principal, campaign_id: uuid.UUID, *, kind: str | None = None,
                   status: str | None = None, deleted: bool = False) -> list[Document]:
        """The campaign's entities the caller may see (deleted ones: DM only)."""
        _, viewer = await self.access.viewer(user, campaign_id)
        if deleted and not viewer.is_dm:
            return []
        rows = await self.entities.in_campaign(campaign_id, kind=kind, status=status, deleted=deleted)
        return view_all(viewer, "entity", (entity_document(e) for e in rows))

    async def visible_entity(self, viewer: Viewer, entity_id: uuid.UUID, *,
                             include_deleted: bool = False) -> tuple[StoryEntity, Document]:
        """An entity and its view; 404 when absent or hidden from the viewer."""
        entity = await self.entities.in_campaign_by_id(viewer.campaign_id, entity_id,
                                                       include_deleted=include_deleted and viewer.is_dm)
        document = view(viewer, "entity", entity_document(entity)) if entity is not None else None
        if entity is None or document is None:
            raise NotFoundError(f"No story entity with id {entity_id}.", code="story_entity_not_found")
        return entity, document

    async def get(self, user: Principal, campaign_id: uuid.UUID, entity_id: uuid.UUID) -> tuple[StoryEntity, Document]:
        """One entity as the caller may see it."""
        _, viewer = await self.access.viewer(user, campaign_id)
        return await self.visible_entity(viewer, entity_id)

    async def update(self, user: Principal, campaign_id: uuid.UUID, entity_id: uuid.UUID, body: EntityPatch,
                     if_match: str | None) -> StoryEntity:
        """Edit an entity (DM; ``If-Match``)."""
        _, viewer = await self.access.dm(user, campaign_id)
        entity, _ = await self.visible_entity(viewer, entity_id)
        check_if_match(entity.version, if_match)
        return await self.update_as_dm(viewer, entity, body)

    async def update_as_dm(self, viewer: Viewer, entity: StoryEntity, body: EntityPatch) -> StoryEntity:
        """Apply a patch for the DM and record the revision."""
        kind = kind_of(entity.kind)
        values: dict[str, Any] = body.model_dump(exclude_unset=True, mode="json")
        if body.parent_id is not None:
            values["parent_id"] = body.parent_id
        if body.data is not None:
            merged = {k: v for k, v in {**entity.data, **body.data}.items() if v is not None}
            values["data"] = validated_data(kind, merged)
            await self._check_references(viewer, values["data"])
            if kind.name == "facade" and body.visible_to is None and entity.visibility == "characters":
                # A facade is seen by whom it is presented to, unless the DM says otherwise.
                values["visible_to"] = [str(c) for c in values["data"].get("presented_to", [])]
        if "status" in values:
            values["status"] = checked_status(kind, body.status)
        if body.dm_only_fields is not None:
            values["dm_only_fields"] = checked_dm_only_fields(kind, body.dm_only_fields)
        if body.parent_id is not None:
            await self._get_in(viewer.campaign_id, body.parent_id, field="parent_id")
        updated = await self.entities.update(entity, values)
        await self.record_revision(viewer, updated, "updated")
        return updated

    async def delete(self, user: Principal, campaign_id: uuid.UUID, entity_id: uuid.UUID,
                     if_match: str | None) -> StoryEntity:
        """Soft delete (DM)."""
        _, viewer = await self.access.dm(user, campaign_id)
        entity, _ = await self.visible_entity(viewer, entity_id)
        check_if_match(entity.version, if_match)
        deleted = await self.entities.soft_delete(entity)
        await self.record_revision(viewer, deleted, "deleted")
        return deleted

    async def restore(self, user: Principal, campaign_id: uuid.UUID, entity_id: uuid.UUID) -> StoryEntity:
        """Restore a deleted entity (DM)."""
        _, viewer = await self.access.dm(user, campaign_id)
        entity, _ = await self.visible_entity(viewer, entity_id, include_deleted=True)
        restored = await self.entities.restore(entity)
        await self.record_revision(viewer, restored, "restored")
        return restored

    async def history(self, user: Principal, campaign_id: uuid.UUID, entity_id: uuid.UUID) -> list[Document]:
        """The entity's revisions as the caller may see them: a revision is filtered by the access rules
        it had *and* the ones in force now, so making a field secret also hides its past values."""
        _, viewer = await self.access.viewer(user, campaign_id)
        entity, _ = await self.visible_entity(viewer, entity_id)
        shown = []
        for revision in await self.revisions.of_entity(entity.id):
            document = revision_document(revision)
            if viewer.is_dm:
                shown.append(document)
                continue
            past = document["entity"]
            rules = {**past, "dm_only_fields": sorted(set(past.get("dm_only_fields", [])) | set(entity.dm_only_fields))}
            past_view = view(viewer, "entity", rules)
            if past_view is None:
                continue
            shown.append({k: v for k, v in document.items() if k not in ("visibility", "visible_to")} |
                         {"entity": past_view})
        return shown

    async def search(self, user: Principal, campaign_id: uuid.UUID, text: str) -> list[Document]:
        """Entities matching ``text`` in what the caller may see."""
        _, viewer = await self.access.viewer(user, campaign_id)
        shown = view_all(viewer, "entity", (entity_document(e) for e in await self.entities.search(campaign_id, text)))
        return [d for d in shown if matches({k: d.get(k) for k in ("name", "summary", "data", "tags")}, text)]

    async def npc_from_creature(self, user: Principal, campaign_id: uuid.UUID, body: NpcFromCreatureIn,
                                hub: RequestHub) -> StoryEntity:
        """An NPC built on a catalog creature: the stat block is copied now, overrides go on top."""
        _, viewer = await self.access.dm(user, campaign_id)
        creature = await fetch_creature(hub, body.creature, campaign_id)
        snapshot = {"name": creature.name, "slug": creature.slug, **creature.mechanics}
        data = {"personality": body.personality, "motives": body.motives, "secret": body.secret,
                "creature_slug": creature.slug, "stat_block": snapshot, "overrides": body.overrides}
        return await self.create_as_dm(viewer, EntityIn(kind="npc", name=body.name, summary=body.summary,
                                                        visibility=body.visibility, data=data))

    # --- relationships ----------------------------------------------------------------------
    async def add_relationship(self, user: Principal, campaign_id: uuid.UUID, body: RelationshipIn) -> Relationship:
        """A new edge (DM)."""
        _, viewer = await self.access.dm(user, campaign_id)
        for kind, node, field in ((body.source_kind, body.source_id, "source_id"),
                                  (body.target_kind, body.target_id, "target_id")):
            await self._check_node(viewer, kind, node, field)
        return await self.relationships.create(
            campaign_id=campaign_id, source_kind=body.source_kind, source_id=body.source_id,
            target_kind=body.target_kind, target_id=body.target_id, standing=body.standing,
            description=body.description, history=[], visibility=body.visibility,
            visible_to=[str(c) for c in body.visible_to], dm_only_fields=list(body.dm_only_fields))

    async def _check_node(self, viewer: Viewer, kind: str, node: uuid.UUID, field: str) -> None:
        if kind == "pc":
            if await self.access.party.attached(viewer.campaign_id, node) is None:
                raise UnprocessableError("That character is not in this campaign.", code="unknown_character",
                                         details=[ErrorDetail(field, "not an attached character")])
            return
        entity = await self._get_in(viewer.campaign_id, node, field=field)
        if entity.kind != kind:
            raise UnprocessableError(f"That entity is a {entity.kind}, not a {kind}.", code="kind_mismatch",
                                     details=[ErrorDetail(field, f"is a {entity.kind}")])

    async def list_relationships(self, user: Principal, campaign_id: uuid.UUID,
                                 node_id: uuid.UUID | None = None) -> list[Document]:
        """The graph's edges the caller may see."""
        _, viewer = await self.access.viewer(user, campaign_id)
        edges = await self.relationships.in_campaign(campaign_id, node_id=node_id)
        return view_all(viewer, "relationship", (relationship_document(e) for e in edges))

    async def change_standing(self, user: Principal, campaign_id: uuid.UUID, relationship_id: uuid.UUID,
                              body: StandingChangeIn) -> Relationship:
        """Move the standing (clamped to -10..10) and append the change to the edge's history."""
        await self.access.dm(user, campaign_id)
        edge = await self.relationships.in_campaign_by_id(campaign_id, relationship_id)
        if edge is None:
            raise NotFoundError(f"No relationship with id {relationship_id}.", code="relationship_not_found")
        return await apply_standing_change(self.relationships, edge, body.change, body.note, body.session_id)

    async def restore_relationship(self, user: Principal, campaign_id: uuid.UUID,
                                   relationship_id: uuid.UUID) -> Relationship:
        """Bring a removed edge back (DM)."""
        await self.access.dm(user, campaign_id)
        edge = await self.relationships.in_campaign_by_id(campaign_id, relationship_id, include_deleted=True)
        if edge is None or edge.deleted_at is None:
            raise NotFoundError(f"No removed relationship with id {relationship_id}.", code="relationship_not_found")
        return await self.relationships.restore(edge)

    async def delete_relationship(self, user: Principal, campaign_id: uuid.UUID, relationship_id: uuid.UUID) -> None:
        """Soft delete an edge (DM)."""
        await self.access.dm(user, campaign_id)
        edge = await self.relationships.in_campaign_by_id(campaign_id, relationship_id)
        if edge is None:
            raise NotFoundError(f"No relationship with id {relationship_id}.", code="relationship_not_found")
        await self.relationships.soft_delete(edge)


async def apply_standing_change(relationships: RelationshipRepository, edge: Relationship, change: int, note: str,
                                session_id: uuid.UUID | None) -> Relationship:
    """Clamp the new standing to -10..10 and append ``{change, standing, note, session_id}`` to the history."""
    standing = max(-10, min(10, edge.standing + change))
    entry = {"change": change, "standing": standing, "note": note,
             "session_id": str(session_id) if session_id else None}
    return await relationships.update(edge, {"standing": standing, "history": [*edge.history, entry]})
