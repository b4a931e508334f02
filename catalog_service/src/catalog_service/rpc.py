"""Hub handlers of the catalog service: what other services ask of it.

Queries (visibility as over HTTP, for the message's principal; ``campaign_ids`` lets the campaign
service, which checks membership, open campaign-shared homebrew):
- ``catalog.get``: one entry by id, or by type and slug;
- ``catalog.get_many``: several entries by id (invisible and missing ones are listed as missing);
- ``catalog.browse``: one type, filtered and paginated like the HTTP browse route;
- ``catalog.search``: the HTTP search (same channels, fusion and filters);
- ``catalog.match``: the reuse-first entry point: a need in words, a type and constraints -> ranked
  existing content with scores and a 0..1 similarity, so a generator can decide to reuse.
Command:
- ``catalog.create_generated``: store generated content (validated and balance-checked like
  homebrew), owned by the message's principal, with the model and prompt that produced it.
Events (through the outbox): ``catalog.content.created|updated|deleted.v1``; the standard system
handlers come from the app factory.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from catalog_service.content import service as content
from catalog_service.content.filters import ContentFilters
from catalog_service.content.repository import EntryRepository
from catalog_service.content.schemas import EntryCreate, EntryOut, GenerationInfo, HomebrewVisibility
from catalog_service.content.visibility import Viewer
from catalog_service.events import OUTBOX, events_from_state
from catalog_service.search import service as search_service
from catalog_service.search.schemas import SearchHitOut
from dnd_shared.errors import ErrorDetail, UnauthorizedError, UnprocessableError
from dnd_shared.hub import HubRouter
from dnd_shared.hub.context import MessageContext
from dnd_shared.identity import Principal

router = HubRouter()
router.use_outbox(OUTBOX)


class _Scoped(BaseModel):
    #: Campaigns the caller vouches the principal belongs to (campaign-shared homebrew).
    campaign_ids: list[uuid.UUID] = Field(default_factory=list, max_length=100)


class GetRequest(_Scoped):
    id: uuid.UUID | None = None
    type: str | None = None
    slug: str | None = Field(default=None, max_length=220)


class EntryResponse(BaseModel):
    entry: EntryOut


class GetManyRequest(_Scoped):
    ids: list[uuid.UUID] = Field(max_length=200)


class GetManyResponse(BaseModel):
    entries: list[EntryOut]
    missing: list[uuid.UUID]


class SearchRequest(_Scoped):
    q: str = Field(min_length=1, max_length=300)
    types: list[str] = Field(default_factory=list)
    filters: dict[str, Any] = Field(default_factory=dict)
    limit: int = Field(default=10, ge=1, le=50)


class SearchResponse(BaseModel):
    hits: list[SearchHitOut]


class BrowseRequest(_Scoped):
    """One content type, filtered (the HTTP browse filters), sorted, one page."""

    type: str
    filters: dict[str, Any] = Field(default_factory=dict)
    sort: str = Field(default="name", max_length=20)
    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, max_length=500)


class BrowseResponse(BaseModel):
    entries: list[EntryOut]
    next_cursor: str | None


class MatchRequest(_Scoped):
    model_config = ConfigDict(populate_by_name=True)

    need: str = Field(min_length=1, max_length=500)
    type: str
    spell_class: str | None = Field(default=None, alias="class", max_length=40)
    max_level: int | None = Field(default=None, ge=0, le=9)
    max_cr: float | None = Field(default=None, ge=0, le=30)
    rarity: str | None = None
    limit: int = Field(default=5, ge=1, le=20)


class MatchResponse(BaseModel):
    matches: list[SearchHitOut]
    #: The best match's similarity (0..1): callers reuse above their own threshold, else generate.
    best_similarity: float


class CreateGeneratedRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: str
    name: str = Field(min_length=1, max_length=200)
    description: str = Field(default="", max_length=20_000)
    mechanics: dict[str, Any]
    tags: list[str] = Field(default_factory=list, max_length=30)
    visibility: HomebrewVisibility = "private"
    campaign_id: uuid.UUID | None = None
    generation: GenerationInfo


def _viewer(ctx: MessageContext, scoped: _Scoped) -> Viewer:
    user = ctx.user
    return Viewer(user_id=user.user_id if user else None, campaign_ids=frozenset(scoped.campaign_ids))


def _state(ctx: MessageContext) -> Any:
    return ctx.require_hub().app_state


def _actor(ctx: MessageContext) -> Principal:
    user = ctx.user
    if user is None:
        raise UnauthorizedError("Generated content is owned by a user; the message carries none.",
                                code="principal_required")
    return user


@router.rpc("catalog.get")
async def get_entry(request: GetRequest, ctx: MessageContext) -> EntryResponse:
    """One visible entry with its provenance chain."""
    if request.id is None and (request.type is None or request.slug is None):
        raise UnprocessableError("Give an id, or a type and a slug.", code="validation_error",
                                 details=[ErrorDetail("id", "required without type and slug")])
    content_type = content.resolve_type(request.type) if request.type else None
    key = str(request.id) if request.id is not None else str(request.slug)
    viewer = _viewer(ctx, request)
    async with _state(ctx).database.session() as session:
        entry = await content.get_entry(session, viewer, content_type, key)
        chain = await content.provenance(session, entry)
        return EntryResponse(entry=EntryOut.of(entry, chain, viewer))


@router.rpc("catalog.browse")
async def browse(request: BrowseRequest, ctx: MessageContext) -> BrowseResponse:
    """A page of one type as the HTTP browse route gives it (e.g. the spells a class may prepare)."""
    content_type = content.resolve_type(request.type)
    filters = ContentFilters.model_validate(request.filters)
    async with _state(ctx).database.session() as session:
        page = await content.browse(session, _viewer(ctx, request), content_type, filters, sort=request.sort,
                                    limit=request.limit, cursor=request.cursor)
        return BrowseResponse(entries=[EntryOut.of(e) for e in page.items], next_cursor=page.next_cursor)


@router.rpc("catalog.get_many")
async def get_many(request: GetManyRequest, ctx: MessageContext) -> GetManyResponse:
    """The visible entries among ``ids``; the rest are ``missing`` (never told apart from private)."""
    async with _state(ctx).database.session() as session:
        entries = await EntryRepository(session).get_many_visible(request.ids, _viewer(ctx, request))
    by_id = {e.id: e for e in entries}
    return GetManyResponse(
        entries=[EntryOut.of(by_id[i]) for i in request.ids if i in by_id],
        missing=[i for i in request.ids if i not in by_id],
    )


@router.rpc("catalog.search")
async def search(request: SearchRequest, ctx: MessageContext) -> SearchResponse:
    """The four-channel fused search, as ``GET /search``."""
    state = _state(ctx)
    filters = ContentFilters.model_validate(request.filters)
    types = sorted({content.resolve_type(t) for t in request.types})
    query = search_service.SearchQuery(request.q, types, filters, request.limit)
    async with state.database.session() as session:
        hits = await search_service.search(
            session, state.embedder, _viewer(ctx, request), query, candidates=state.settings.search_candidates
        )
        return SearchResponse(hits=[SearchHitOut.of(h) for h in hits])


@router.rpc("catalog.match")
async def match(request: MatchRequest, ctx: MessageContext) -> MatchResponse:
    """Existing content for a need (reuse first): ranked, with scores and similarity."""
    state = _state(ctx)
    wanted = search_service.MatchRequest(
        need=request.need,
        type=content.resolve_type(request.type),
        spell_class=request.spell_class,
        max_level=request.max_level,
        max_cr=request.max_cr,
        rarity=request.rarity,
        limit=request.limit,
    )
    async with state.database.session() as session:
        hits = await search_service.match(session, state.embedder, _viewer(ctx, request), wanted)
        matches = [SearchHitOut.of(h) for h in hits]
    return MatchResponse(matches=matches, best_similarity=max((m.similarity for m in matches), default=0.0))


@router.rpc("catalog.create_generated", kind="command")
async def create_generated(request: CreateGeneratedRequest, ctx: MessageContext) -> EntryResponse:
    """Store generated content for the principal (same validation and balance checks as homebrew)."""
    actor = _actor(ctx)
    state = _state(ctx)
    draft = EntryCreate(
        name=request.name, description=request.description, mechanics=request.mechanics, tags=request.tags,
        visibility=request.visibility, campaign_id=request.campaign_id,
    )
    async with state.database.session() as session:
        entry = await content.create_entry(
            session, state.embedder, events_from_state(state), actor, content.resolve_type(request.type), draft,
            source="generated", generation=request.generation,
        )
        return EntryResponse(entry=EntryOut.of(entry, []))
