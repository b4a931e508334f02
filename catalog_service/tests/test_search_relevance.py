"""Recall@5 of the search on the labelled relevance set (target: at least 0.9)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .conftest import PREFIX, CatalogClient
from .relevance_set import RELEVANCE_SET, Labelled

TARGET_RECALL_AT_5 = 0.9


def _params(item: Labelled) -> dict[str, Any]:
    params: dict[str, Any] = {"q": item.query, "limit": 5}
    if item.types:
        params["types"] = ",".join(item.types)
    for key, value in item.filters.items():
        params[key] = str(value).lower() if isinstance(value, bool) else value
    return params


async def test_recall_at_5_on_the_relevance_set(catalog: CatalogClient) -> None:
    assert len(RELEVANCE_SET) >= 60
    hits_by_kind: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for item in RELEVANCE_SET:
        response = await catalog.http.get(f"{PREFIX}/search", params=_params(item))
        assert response.status_code == 200, (item.query, response.text)
        names = [hit["entry"]["name"] for hit in response.json()["hits"]]
        found = any(name in item.accept for name in names[:5])
        hits_by_kind[item.kind].append(found)
        if not found:
            misses.append((item.query, names[:5]))
    total = [hit for hits in hits_by_kind.values() for hit in hits]
    recall = sum(total) / len(total)
    report = ", ".join(f"{kind} {sum(h)}/{len(h)}" for kind, h in sorted(hits_by_kind.items()))
    print(f"\nrecall@5 = {recall:.3f} over {len(total)} queries ({report})")
    for query, names in misses:
        print(f"  miss: {query!r} -> {names}")
    assert recall >= TARGET_RECALL_AT_5, (recall, misses)
