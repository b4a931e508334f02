"""``GET /search``: exact, fuzzy, full-text and semantic matches fused by reciprocal rank."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from catalog_service.config import API_PREFIX
from catalog_service.content.filters import ContentFilters
from catalog_service.content.http import EmbedderDep
from catalog_service.content.identity import ViewerDep
from catalog_service.content.service import resolve_type
from catalog_service.search import service
from catalog_service.search.schemas import SearchHitOut, SearchResultOut
from dnd_shared.db.engine import SessionDep

router = APIRouter(prefix=API_PREFIX)


@router.get("/search", response_model=SearchResultOut, summary="Search all content")
async def search(
    request: Request,
    session: SessionDep,
    viewer: ViewerDep,
    embedder: EmbedderDep,
    filters: Annotated[ContentFilters, Query()],
    q: Annotated[str, Query(min_length=1, max_length=300)],
    types: Annotated[str | None, Query(max_length=300, description="comma-separated, e.g. spell,magic_item")] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SearchResultOut:
    """Names (exact or misspelt), words and meaning; each hit says which channels matched it."""
    resolved = sorted({resolve_type(t.strip()) for t in (types or "").split(",") if t.strip()})
    hits = await service.search(
        session, embedder, viewer, service.SearchQuery(q, resolved, filters, limit),
        candidates=request.app.state.settings.search_candidates,
    )
    return SearchResultOut(query=q, types=resolved, hits=[SearchHitOut.of(hit) for hit in hits])

