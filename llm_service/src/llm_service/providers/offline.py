"""The offline provider: no key, no network, the same output for the same input.

It does not read the prompt: it writes the task's output directly from the validated input with the
seeded phrase-table writer (:mod:`llm_service.offline.generator`), enriched by catalog hints fetched
through the hub when the catalog answers. Its responses say ``provider: offline``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from llm_service.offline.catalog import CatalogLookup
from llm_service.offline.generator import CatalogHints, generate
from llm_service.providers.base import Completion, GenerationRequest, estimate_tokens, prompt_text

OFFLINE_MODEL = "offline-phrases-v1"
STREAM_CHUNK_CHARACTERS = 48


class OfflineProvider:
    """Deterministic, seeded generation from phrase tables (and the catalog when reachable)."""

    name = "offline"

    def __init__(self, catalog: CatalogLookup | None = None) -> None:
        self.catalog = catalog

    @property
    def model(self) -> str:
        return OFFLINE_MODEL

    async def _hints(self, request: GenerationRequest) -> CatalogHints:
        if self.catalog is None:
            return CatalogHints()
        return await self.catalog.hints(request.task, request.task_input)

    async def complete(self, request: GenerationRequest) -> Completion:
        """The task's output as JSON text."""
        hints = await self._hints(request)
        output = generate(request.task, request.task_input, seed=request.seed, hints=hints)
        text = json.dumps(output, ensure_ascii=False)
        return Completion(
            text=text,
            model=OFFLINE_MODEL if hints.empty else f"{OFFLINE_MODEL}+catalog",
            input_tokens=estimate_tokens(prompt_text(request.prompt)),
            output_tokens=estimate_tokens(text),
        )

    async def stream(self, request: GenerationRequest) -> AsyncIterator[str | Completion]:
        """The same text in small pieces, then the completion."""
        completion = await self.complete(request)
        for start in range(0, len(completion.text), STREAM_CHUNK_CHARACTERS):
            yield completion.text[start : start + STREAM_CHUNK_CHARACTERS]
        yield completion

    async def aclose(self) -> None:
        return None
