"""Search: four channels fused by reciprocal rank, and ``match`` (the reuse-first entry point)."""

from __future__ import annotations

import asyncio
import re
import uuid
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from catalog_service.content.filters import ContentFilters, check_applicable, filter_clauses
from catalog_service.content.models import CatalogEntry
from catalog_service.content.repository import EntryRepository
from catalog_service.content.visibility import Viewer
from catalog_service.search.embedder import Embedder
from catalog_service.search.fusion import RRF_K, ChannelHit, fuse
from catalog_service.search.query_hints import hinted_types
from catalog_service.search.repository import SearchRepository
from catalog_service.srd.drafts import normalize_name

#: Fusion bonus for an entry whose type the query names (half of a first place in one channel).
TYPE_HINT_BOOST = 0.5 / (RRF_K + 1)


@dataclass(frozen=True)
class SearchHit:
    entry: CatalogEntry
    score: float
    matched_by: dict[str, ChannelHit]

    @property
    def similarity(self) -> float:
        """How close the best channel says the entry is to the query, 0..1 (exact name = 1)."""
        if "exact" in self.matched_by:
            return 1.0
        scores = [self.matched_by[c].score for c in ("semantic", "fuzzy") if c in self.matched_by]
        return round(max(scores), 4) if scores else 0.0


ALL_CHANNELS = frozenset({"exact", "fuzzy", "fulltext", "semantic"})


@dataclass
class SearchQuery:
    q: str
    types: list[str] = field(default_factory=list)
    filters: ContentFilters = field(default_factory=ContentFilters)
    limit: int = 10
    #: Channels to run (all by default; the benchmark compares subsets).
    channels: frozenset[str] = ALL_CHANNELS


def normalize_query(q: str) -> str:
    """Lower case, ASCII apostrophes, single spaces."""
    return normalize_name(q).lower().strip()


async def search(
    session: AsyncSession, embedder: Embedder, viewer: Viewer, query: SearchQuery, *, candidates: int = 40
) -> list[SearchHit]:
    """The fused hits for ``query`` that ``viewer`` may see, best first."""
    check_applicable(query.filters, query.types)
    q = normalize_query(query.q)
    if not re.search(r"\w", q):
        return []
    where: list[ColumnElement[bool]] = filter_clauses(query.filters, viewer.user_id)
    if query.types:
        where.append(CatalogEntry.type.in_(query.types))
    wanted = query.channels
    repository = SearchRepository(session)
    vector = embedder.cached_query(q) if "semantic" in wanted else None
    if vector is not None or "semantic" not in wanted:
        results = await repository.candidates(q, vector, viewer, where, candidates, wanted)
    else:
        # The model runs in a thread while the lexical channels query the database.
        vector_task = asyncio.create_task(asyncio.to_thread(embedder.embed_query, q))
        results = await repository.candidates(q, None, viewer, where, candidates, wanted - {"semantic"})
        vector = await vector_task
        results.update(await repository.candidates(q, vector, viewer, where, candidates, frozenset({"semantic"})))
    hinted = hinted_types(q) if not query.types else set()
    boosts: dict[uuid.UUID, float] = {}
    if hinted:
        boosts = {hit.entry_id: TYPE_HINT_BOOST for hits in results.values() for hit in hits if hit.type in hinted}
    fused = fuse(results, boosts)[: query.limit]
    entries = {e.id: e for e in await EntryRepository(session).get_many_visible([f.entry_id for f in fused], viewer)}
    hits = [SearchHit(entries[f.entry_id], round(f.score, 6), f.matched_by) for f in fused if f.entry_id in entries]
    return hits[: query.limit]


@dataclass(frozen=True)
class MatchRequest:
    """A need in words, the type wanted, and constraints (class, max spell level, max CR...)."""

    need: str
    type: str
    spell_class: str | None = None
    max_level: int | None = None
    max_cr: float | None = None
    rarity: str | None = None
    limit: int = 5


async def match(session: AsyncSession, embedder: Embedder, viewer: Viewer, request: MatchRequest) -> list[SearchHit]:
    """Existing content that could fill ``request``: search restricted to the type and constraints."""
    filters = ContentFilters.model_validate(
        {
            "class": request.spell_class if request.type == "spell" else None,
            "level_max": request.max_level if request.type == "spell" else None,
            "cr_max": request.max_cr if request.type == "creature" else None,
            "rarity": request.rarity if request.type == "magic_item" else None,
        }
    )
    return await search(
        session, embedder, viewer, SearchQuery(request.need, [request.type], filters, request.limit)
    )
