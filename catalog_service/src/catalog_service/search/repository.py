"""The four search channels as SQL: exact name, fuzzy name (pg_trgm), full text, semantic (pgvector).

Each channel runs once per *scope* (the public rows, the caller's own rows, campaign rows the caller
may see) and the scopes are glued with ``UNION ALL``: the public scope spells out
``visibility = 'public' AND deleted_at IS NULL`` literally so PostgreSQL uses the partial search
indexes (migration 0004); the owner and campaign scopes go through ``owner_id`` / the campaign id
and stay small. All channels travel in one statement.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Float, Select, String, Text, and_, cast, func, literal, literal_column, select, union_all
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
    order: Sequence[ColumnElement[Any]] | None = None,
) -> Select[tuple[str, uuid.UUID, str, float]]:
    """``limit`` best rows of one channel (highest ``score`` first, or ``order`` within each scope),
    the best of each scope, then the best overall (ties by id)."""
    ordering = list(order) if order is not None else [score.desc(), CatalogEntry.id]
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
    return select(combined.c.channel, combined.c.id, combined.c.type, combined.c.score).order_by(
        combined.c.score.desc(), combined.c.id
    ).limit(limit)


class SearchRepository:
    """Ranked candidates per channel that satisfy the viewer's scopes and ``where`` (types, filters)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def candidates(
        self,
        query: str,
        vector: npt.NDArray[np.float32] | None,
        viewer: Viewer,
        where: Sequence[ColumnElement[bool]],
        limit: int,
        channels: frozenset[str],
    ) -> dict[str, list[ChannelHit]]:
        """The requested channels in one round trip (``semantic`` only when ``vector`` is given):

        - exact: the name equals the query (case-insensitive; ``ix_entries_lower_name``);
        - fuzzy: trigram similarity of the name (typo-tolerant, threshold 0.3);
        - fulltext: any of the query's stemmed words, ranked name > tags > description;
        - semantic: cosine similarity of the embeddings. Unfiltered, the public scope walks the
          partial HNSW index; with type or mechanics filters it is computed exactly (the public rows
          are few, and an approximate index scan followed by a selective filter could come back empty).
        """
        scopes = visibility_scopes(viewer)
        statements = []
        if "exact" in channels:
            exact_match = func.lower(CatalogEntry.name) == query
            statements.append(_per_scope(
                "exact", literal(1.0, Float), exact_match, scopes, where, limit,
                order=[CatalogEntry.source != "srd-5.2", CatalogEntry.id],
            ))
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
        if "semantic" in channels and vector is not None:
            distance = CatalogEntry.embedding.cosine_distance(vector.tolist())
            # "+ 0" hides the distance from the index: an exact scan when filters narrow the rows.
            order_key = distance + 0 if where else distance
            statements.append(_per_scope(
                "semantic", 1 - distance, CatalogEntry.embedding.is_not(None), scopes, where, limit,
                order=[order_key.asc(), CatalogEntry.id],
            ))
        if not statements:
            return {}
        combined = union_all(*[s.subquery().select() for s in statements])
        rows = (await self.session.execute(combined)).all()
        return _ranked(rows)


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
