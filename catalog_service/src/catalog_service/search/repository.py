"""The four search channels as SQL: exact name, fuzzy name (pg_trgm), full text, semantic (pgvector)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from sqlalchemy import Float, Text, cast, func, literal_column, select, text
from sqlalchemy.dialects.postgresql import TSQUERY
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from catalog_service.content.models import CatalogEntry
from catalog_service.search.fusion import ChannelHit

#: pg_trgm similarity a fuzzy name match needs ("firebal" vs "fireball" is 0.7).
FUZZY_THRESHOLD = 0.3


class SearchRepository:
    """Each method returns ranked candidates that satisfy ``where`` (visibility, types, filters)."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def exact(self, query: str, where: Sequence[ColumnElement[bool]], limit: int) -> list[ChannelHit]:
        """Name or slug equal to the query (case-insensitive)."""
        statement = (
            select(CatalogEntry.id)
            .where(CatalogEntry.deleted_at.is_(None), *where)
            .where((func.lower(CatalogEntry.name) == query) | (CatalogEntry.slug == query.replace(" ", "-")))
            .order_by(CatalogEntry.source != "srd-5.2", CatalogEntry.id)
            .limit(limit)
        )
        rows = (await self.session.execute(statement)).scalars().all()
        return [ChannelHit(row, rank, 1.0) for rank, row in enumerate(rows, start=1)]

    async def fuzzy(self, query: str, where: Sequence[ColumnElement[bool]], limit: int) -> list[ChannelHit]:
        """Trigram similarity of the whole name (typo-tolerant), through the GIN trigram index."""
        similarity = func.similarity(func.lower(CatalogEntry.name), query)
        statement = (
            select(CatalogEntry.id, similarity.label("score"))
            .where(CatalogEntry.deleted_at.is_(None), *where)
            .where(func.lower(CatalogEntry.name).op("%")(query))
            .order_by(similarity.desc(), CatalogEntry.id)
            .limit(limit)
        )
        rows = (await self.session.execute(statement)).all()
        return [ChannelHit(row.id, rank, float(row.score)) for rank, row in enumerate(rows, start=1)]

    async def fulltext(self, query: str, where: Sequence[ColumnElement[bool]], limit: int) -> list[ChannelHit]:
        """Any of the query's words (stemmed, stop words dropped), ranked with name > tags > description."""
        words = cast(func.plainto_tsquery(literal_column("'english'::regconfig"), query), Text)
        tsquery = cast(func.replace(words, "&", "|"), TSQUERY)
        rank = func.ts_rank(CatalogEntry.search_vector, tsquery, 1)
        statement = (
            select(CatalogEntry.id, rank.label("score"))
            .where(CatalogEntry.deleted_at.is_(None), *where)
            .where(CatalogEntry.search_vector.op("@@")(tsquery))
            .order_by(rank.desc(), CatalogEntry.id)
            .limit(limit)
        )
        rows = (await self.session.execute(statement)).all()
        return [ChannelHit(row.id, rank_, float(row.score)) for rank_, row in enumerate(rows, start=1)]

    async def semantic(
        self, vector: npt.NDArray[np.float32], where: Sequence[ColumnElement[bool]], limit: int
    ) -> list[ChannelHit]:
        """Nearest embeddings by cosine distance through the HNSW index; iterative scans keep filtered
        searches complete (pgvector 0.8), so visibility filters do not starve the result."""
        await self.session.execute(text("SET LOCAL hnsw.iterative_scan = relaxed_order"))
        await self.session.execute(text("SET LOCAL hnsw.ef_search = 80"))
        distance = CatalogEntry.embedding.cosine_distance(vector.tolist())
        inner = (
            select(CatalogEntry.id, distance.label("distance"))
            .where(CatalogEntry.deleted_at.is_(None), CatalogEntry.embedding.is_not(None), *where)
            .order_by(distance)
            .limit(limit)
            .subquery()
        )
        statement = select(inner.c.id, cast(1 - inner.c.distance, Float).label("score")).order_by(inner.c.distance)
        rows = (await self.session.execute(statement)).all()
        return [ChannelHit(row.id, rank, float(row.score)) for rank, row in enumerate(rows, start=1)]

