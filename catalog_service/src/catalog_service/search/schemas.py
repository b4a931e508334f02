"""HTTP shapes of search results."""

from __future__ import annotations

from pydantic import BaseModel

from catalog_service.content.schemas import EntryOut
from catalog_service.search.service import SearchHit


class ChannelMatch(BaseModel):
    """How one channel matched: its rank among its candidates and its own score."""

    channel: str
    rank: int
    score: float


class SearchHitOut(BaseModel):
    entry: EntryOut
    #: Reciprocal-rank-fusion score (higher is better; comparable within one result list).
    score: float
    #: The best channel's closeness to the query, 0..1 (exact name = 1).
    similarity: float
    matched_by: list[ChannelMatch]

    @classmethod
    def of(cls, hit: SearchHit) -> SearchHitOut:
        """Build from a fused hit."""
        matches = [ChannelMatch(channel=c, rank=m.rank, score=round(m.score, 4)) for c, m in hit.matched_by.items()]
        return cls(entry=EntryOut.of(hit.entry), score=hit.score, similarity=hit.similarity, matched_by=matches)


class SearchResultOut(BaseModel):
    query: str
    types: list[str]
    hits: list[SearchHitOut]
