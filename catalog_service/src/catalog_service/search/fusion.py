"""Reciprocal-rank fusion: each channel ranks candidates; a hit's score is the weighted sum of
``1 / (k + rank)`` over the channels that found it, so agreement between channels wins."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

#: RRF's damping constant (the usual 60).
RRF_K = 60
#: Channel weights: an exact name match should beat anything else; the rest weigh the same.
CHANNEL_WEIGHTS = {"exact": 3.0, "fuzzy": 1.0, "fulltext": 1.0, "semantic": 1.0}


@dataclass(frozen=True)
class ChannelHit:
    """One candidate from one channel, with its rank (1-based), the channel's own score and the
    entry's type (for type boosts before the entries are loaded)."""

    entry_id: uuid.UUID
    rank: int
    score: float
    type: str = ""


@dataclass
class FusedHit:
    entry_id: uuid.UUID
    score: float = 0.0
    matched_by: dict[str, ChannelHit] = field(default_factory=dict)


def fuse(channels: dict[str, list[ChannelHit]], boosts: dict[uuid.UUID, float] | None = None) -> list[FusedHit]:
    """Fused hits, best first; ``boosts`` adds a flat bonus per entry (e.g. the type a query names)."""
    fused: dict[uuid.UUID, FusedHit] = {}
    for channel, hits in channels.items():
        weight = CHANNEL_WEIGHTS.get(channel, 1.0)
        for hit in hits:
            item = fused.setdefault(hit.entry_id, FusedHit(hit.entry_id))
            item.score += weight / (RRF_K + hit.rank)
            item.matched_by[channel] = hit
    for entry_id, bonus in (boosts or {}).items():
        if entry_id in fused:
            fused[entry_id].score += bonus
    return sorted(fused.values(), key=lambda h: (-h.score, str(h.entry_id)))
