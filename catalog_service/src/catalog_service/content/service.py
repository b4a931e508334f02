"""Catalog entries: reading with visibility, homebrew writes with balance checks, adaptations.

Never commits: the request scope (or the hub handler's unit of work) commits once.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from catalog_service.balance.checks import BalanceReport, check_balance
from catalog_service.content.filters import ContentFilters, check_applicable, filter_clauses
from catalog_service.content.mechanics import CONTENT_TYPES, validate_mechanics
from catalog_service.content.models import CatalogEntry
from catalog_service.content.repository import SORTS, EntryPage, EntryRepository
from catalog_service.content.schemas import AdaptRequest, EntryCreate, EntryUpdate, GenerationInfo
from catalog_service.content.visibility import Viewer
from catalog_service.events import ContentEvents
from catalog_service.search.embedder import Embedder
from catalog_service.srd.drafts import embedding_text, normalize_name, slugify
from dnd_shared.errors import ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.identity import Principal

#: URL spellings of each type: ``spells``, ``magic-items``, ``magic_item`` ...
_TYPE_ALIASES: dict[str, str] = {}
for _type in CONTENT_TYPES:
    for _form in (_type, _type.replace("_", "-")):
        _TYPE_ALIASES[_form] = _type
        _TYPE_ALIASES[_form + "s"] = _type
_TYPE_ALIASES.update({"species": "species", "classes": "class", "subclasses": "subclass", "magic-items": "magic_item"})


def resolve_type(raw: str) -> str:
    """``"magic-items"`` -> ``"magic_item"``; an unknown type is a 404 like an unknown route."""
    content_type = _TYPE_ALIASES.get(raw.lower())
    if content_type is None:
        raise NotFoundError(f"There is no content type {raw!r}.", code="content_type_not_found")
    return content_type


def _not_found(content_type: str, key: str) -> NotFoundError:
    return NotFoundError(f"No {content_type.replace('_', ' ')} {key!r}.", code="entry_not_found")


async def get_entry(session: AsyncSession, viewer: Viewer, content_type: str | None, key: str) -> CatalogEntry:
    """A visible entry by id or slug; others' private entries are 404 like missing ones."""
    entry = await EntryRepository(session).find_visible(key, viewer, content_type=content_type)
    if entry is None:
        raise _not_found(content_type or "entry", key)
    return entry


async def provenance(session: AsyncSession, entry: CatalogEntry) -> list[CatalogEntry]:
    """Ancestors of ``entry``, parent first."""
    return await EntryRepository(session).provenance_chain(entry)


async def browse(
    session: AsyncSession,
    viewer: Viewer,
    content_type: str,
    filters: ContentFilters,
    *,
    sort: str,
    limit: int,
    cursor: str | None,
) -> EntryPage:
    """One page of listed entries of a type."""
    check_applicable(filters, [content_type])
    key = sort.lstrip("-")
    if key not in SORTS or (SORTS[key] and content_type not in SORTS[key]):
        allowed = [s for s, types in SORTS.items() if not types or content_type in types]
        raise UnprocessableError(
            f"Cannot sort {content_type} by {key!r}.",
            code="invalid_sort",
            details=[ErrorDetail("sort", f"one of {', '.join(allowed)} (prefix - for descending)")],
        )
    return await EntryRepository(session).browse(
        content_type=content_type,
        viewer=viewer,
        where=filter_clauses(filters, viewer.user_id),
        sort=sort,
        limit=limit,
        cursor=cursor,
    )


def _balance_or_raise(report: BalanceReport) -> dict[str, Any]:
    if not report.ok:
        raise UnprocessableError(
            "The entry is out of balance: " + "; ".join(v.reason for v in report.errors) + ".",
            code="balance_check_failed",
            details=[ErrorDetail(v.field, f"{v.code}: {v.reason}") for v in report.errors],
        )
    return report.as_dict()


async def _embed(embedder: Embedder, content_type: str, name: str, tags: list[str], description: str) -> list[float]:
    matrix = await asyncio.to_thread(embedder.embed_passages, [embedding_text(content_type, name, tags, description)])
    vector: list[float] = matrix[0].tolist()
    return vector


def _clean_tags(tags: list[str]) -> list[str]:
    return sorted({" ".join(t.lower().split())[:60] for t in tags if t.strip()})


async def create_entry(
    session: AsyncSession,
    embedder: Embedder,
    events: ContentEvents,
    actor: Principal,
    content_type: str,
    data: EntryCreate,
    *,
    source: str = "homebrew",
    generation: GenerationInfo | None = None,
    parent: CatalogEntry | None = None,
    adaptation: dict[str, Any] | None = None,
) -> CatalogEntry:
    """Validate, balance-check (errors refuse, warnings are kept), embed and store a new entry."""
    mechanics = validate_mechanics(content_type, data.mechanics)
    balance = _balance_or_raise(check_balance(mechanics))
    name = normalize_name(data.name)
    tags = _clean_tags(data.tags)
    entry_id = uuid.uuid4()
    vector = await _embed(embedder, content_type, name, tags, data.description)
    entry = await EntryRepository(session).create(
        id=entry_id,
        type=content_type,
        slug=f"{slugify(name) or 'entry'}-{entry_id.hex[:8]}",
        name=name,
        rules_version="2024",
        source=source,
        description=data.description,
        mechanics=mechanics.model_dump(mode="json"),
        tags=tags,
        tags_text=" ".join(tags),
        owner_id=actor.user_id,
        visibility=data.visibility,
        campaign_id=data.campaign_id if data.visibility == "campaign" else None,
        root_id=(parent.root_id or parent.id) if parent is not None else None,
        parent_id=parent.id if parent is not None else None,
        adaptation=adaptation,
        generation=generation.model_dump() if generation is not None else None,
        balance=balance,
        embedding=vector,
        embedding_model=embedder.name,
    )
    await events.created(session, entry, actor)
    return entry


async def get_owned(
    session: AsyncSession, viewer: Viewer, content_type: str, key: str, *, include_deleted: bool = False
) -> CatalogEntry:
    """An entry the caller owns; anything else (SRD, others', missing) is 404 for writes."""
    entry = await EntryRepository(session).find_visible(
        key, viewer, content_type=content_type, include_deleted=include_deleted
    )
    if entry is None or not viewer.can_edit(entry):
        raise _not_found(content_type, key)
    return entry


async def update_entry(
    session: AsyncSession,
    embedder: Embedder,
    events: ContentEvents,
    actor: Principal,
    entry: CatalogEntry,
    data: EntryUpdate,
    *,
    expected_version: int | None,
) -> CatalogEntry:
    """Apply changes; new mechanics are validated and balance-checked again; text changes re-embed."""
    values: dict[str, Any] = {}
    if data.mechanics is not None:
        mechanics = validate_mechanics(entry.type, data.mechanics)
        values["balance"] = _balance_or_raise(check_balance(mechanics))
        values["mechanics"] = mechanics.model_dump(mode="json")
    if data.name is not None:
        values["name"] = normalize_name(data.name)
    if data.description is not None:
        values["description"] = data.description
    if data.tags is not None:
        values["tags"] = _clean_tags(data.tags)
        values["tags_text"] = " ".join(values["tags"])
    visibility = data.visibility or entry.visibility
    campaign_id = data.campaign_id if data.campaign_id is not None else entry.campaign_id
    if visibility == "campaign" and campaign_id is None:
        raise UnprocessableError("A campaign entry needs a campaign.", code="validation_error",
                                 details=[ErrorDetail("campaign_id", "required when visibility is campaign")])
    values["visibility"] = visibility
    values["campaign_id"] = campaign_id if visibility == "campaign" else None
    if {"name", "description", "tags"} & values.keys():
        values["embedding"] = await _embed(
            embedder, entry.type, values.get("name", entry.name), values.get("tags", list(entry.tags)),
            values.get("description", entry.description),
        )
        values["embedding_model"] = embedder.name
    entry = await EntryRepository(session).update(entry, values, expected_version=expected_version)
    await events.updated(session, entry, actor)
    return entry


async def delete_entry(
    session: AsyncSession, events: ContentEvents, actor: Principal, entry: CatalogEntry, *,
    expected_version: int | None,
) -> CatalogEntry:
    """Soft delete (restorable)."""
    entry = await EntryRepository(session).soft_delete(entry, expected_version=expected_version)
    await events.deleted(session, entry, actor)
    return entry


async def restore_entry(
    session: AsyncSession, events: ContentEvents, actor: Principal, entry: CatalogEntry, *,
    expected_version: int | None,
) -> CatalogEntry:
    """Undo a soft delete (announced as an update)."""
    if entry.deleted_at is None:
        return entry
    entry = await EntryRepository(session).restore(entry, expected_version=expected_version)
    await events.updated(session, entry, actor)
    return entry


def merge_mechanics(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """Top-level replacement: each key of ``changes`` replaces the parent's value."""
    merged = dict(base)
    merged.update(changes)
    return merged


async def adapt_entry(
    session: AsyncSession,
    embedder: Embedder,
    events: ContentEvents,
    viewer: Viewer,
    actor: Principal,
    content_type: str,
    key: str,
    request: AdaptRequest,
) -> CatalogEntry:
    """A derived entry linked to its parent and root; its mechanics pass the same checks."""
    parent = await get_entry(session, viewer, content_type, key)
    mechanics = merge_mechanics(parent.mechanics, request.mechanical_changes)
    draft = EntryCreate(
        name=request.name,
        description=request.description if request.description is not None else parent.description,
        mechanics=mechanics,
        tags=request.tags if request.tags is not None else [*parent.tags, request.theme],
        visibility=request.visibility,
        campaign_id=request.campaign_id,
    )
    adaptation = {"theme": request.theme, "changes": request.mechanical_changes}
    try:
        return await create_entry(
            session, embedder, events, actor, content_type, draft, parent=parent, adaptation=adaptation
        )
    except UnprocessableError as exc:
        if exc.code == "invalid_mechanics":
            exc.details = [ErrorDetail(d.field.replace("mechanics", "mechanical_changes", 1), d.issue)
                           for d in exc.details]
        raise
