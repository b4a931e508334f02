"""The four search channels as SQL: exact name, fuzzy name (pg_trgm), full text, semantic (pgvector).

Each channel runs once per *scope* (the public rows, the caller's own rows, campaign rows the caller
may see) and the scopes are glued with ``UNION ALL``: the public scope spells out
``visibility = 'public' AND deleted_at IS NULL`` literally so PostgreSQL uses the partial search
indexes (migration 0004); the owner and campaign scopes go through ``owner_id`` / the campaign id
and stay small. The three lexical channels travel in one statement.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Float, Select, String, Text, and_, cast, func, literal, literal_column, select, text, union_all
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from catalog_service.content.models import CatalogEntry
from catalog_service.content.visibility import Viewer
from catalog_service.search.fusion import ChannelHit


@dataclass(frozen=True)
class ScoredRow:
    channel: str
    entry_id: uuid.UUID
    type: str
    score: float


def visibility_scopes(viewer: Viewer) -> list[ColumnElement[bool]]:
    """Disjoint-enough slices of what ``viewer`` may find in search (duplicates are dropped later)."""
    scopes: list[ColumnElement[bool]] = [
        and_(CatalogEntry.visibility == literal_column("'public'"), CatalogEntry.deleted_at.is_(None))
    ]
    if viewer.user_id is not None:
        scopes.append(and_(CatalogEntry.owner_id == viewer.user_id, CatalogEntry.deleted_at.is_(None)))
    if viewer.campaign_ids:
        scopes.append(
            and_(
                CatalogEntry.visibility == "campaign",
                CatalogEntry.campaign_id.in_(list(viewer.campaign_ids)),
                CatalogEntry.deleted_at.is_(None),
            )
        )
    return scopes


def _per_scope(
    channel: str,
    score: ColumnElement[float],
    match: ColumnElement[bool],
    scopes: Sequence[ColumnElement[bool]],
    where: Sequence[ColumnElement[bool]],
    limit: int,
    *,
    ascending: bool = False,
) -> Select[tuple[str, uuid.UUID, str, float]]:
    """``limit`` best rows of one channel: the best of each scope, then the best overall (ties by id)."""
    ordering = [score.asc() if ascending else score.desc(), CatalogEntry.id]
    if channel == "exact":  # every exact match scores 1: SRD first, then by id
        ordering = [CatalogEntry.source != "srd-5.2", CatalogEntry.id]
    parts = [
        select(
            literal(channel, String).label("channel"),
            CatalogEntry.id.label("id"),
            CatalogEntry.type.label("type"),
            cast(score, Float).label("score"),
        )
        .where(scope, match, *where)
        .order_by(*ordering)
        .limit(limit)
        for scope in scopes
    ]
    combined = union_all(*parts).subquery(f"{channel}_hits")
    order = combined.c.score.asc() if ascending else combined.c.score.desc()
    return select(combined.c.channel, combined.c.id, combined.c.type, combined.c.score).order_by(
        order, combined.c.id
    ).limit(limit)


class SearchRepository:
    """Ranked candidates per channel that satisfy the viewer's scopes and ``where`` (types, filters)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lexical(
        self, query: str, viewer: Viewer, where: Sequence[ColumnElement[bool]], limit: int,
        channels: frozenset[str],
    ) -> dict[str, list[ChannelHit]]:
        """Exact name, fuzzy name (trigram similarity, typo-tolerant) and full text (any of the
        query's stemmed words; name > tags > description), in one round trip."""
        scopes = visibility_scopes(viewer)
        statements = []
        if "exact" in channels:
            exact_match = func.lower(CatalogEntry.name) == query  # served by ix_entries_lower_name
            statements.append(_per_scope("exact", literal(1.0, Float), exact_match, scopes, where, limit))
        if "fuzzy" in channels:
            similarity = func.similarity(func.lower(CatalogEntry.name), query)
            fuzzy_match = func.lower(CatalogEntry.name).op("%")(query)
            statements.append(_per_scope("fuzzy", similarity, fuzzy_match, scopes, where, limit))
        if "fulltext" in channels:
            words = cast(func.plainto_tsquery(literal_column("'english'::regconfig"), query), Text)
            tsquery = cast(func.replace(words, "&", "|"), TSQUERY)
            rank = func.ts_rank(CatalogEntry.search_vector, tsquery, 1)
            statements.append(
                _per_scope("fulltext", rank, CatalogEntry.search_vector.op("@@")(tsquery), scopes, where, limit)
            )
        if not statements:
            return {}
        combined = union_all(*[s.subquery().select() for s in statements])
        rows = (await self.session.execute(combined)).all()
        return _ranked(rows)

    async def semantic(
        self, vector: npt.NDArray[np.float32], viewer: Viewer, where: Sequence[ColumnElement[bool]], limit: int
    ) -> dict[str, list[ChannelHit]]:
        """Nearest embeddings by cosine distance: the public rows through the partial HNSW index (with
        pgvector 0.8's iterative scan, so filters do not starve the result), the caller's own exactly."""
        await self.session.execute(
            text(
                "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), "
                "set_config('hnsw.ef_search', '80', true)"
            )
        )
        distance = CatalogEntry.embedding.cosine_distance(vector.tolist())
        statement = _per_scope(
            "semantic", distance, CatalogEntry.embedding.is_not(None), visibility_scopes(viewer), where, limit,
            ascending=True,
        )
        rows = (await self.session.execute(statement)).all()
        return _ranked([(r.channel, r.id, r.type, 1.0 - float(r.score)) for r in rows])


def _ranked(rows: Sequence[Any]) -> dict[str, list[ChannelHit]]:
    """Rows ``(channel, id, type, score)``, best first per channel -> de-duplicated, ranked hits."""
    result: dict[str, list[ChannelHit]] = {}
    seen: set[tuple[str, uuid.UUID]] = set()
    for row in rows:
        channel: str = row[0]
        entry_id: uuid.UUID = row[1]
        content_type: str = row[2]
        score = float(row[3])
        if (channel, entry_id) in seen:
            continue
        seen.add((channel, entry_id))
        hits = result.setdefault(channel, [])
        hits.append(ChannelHit(entry_id, len(hits) + 1, float(score), content_type))
    return result
