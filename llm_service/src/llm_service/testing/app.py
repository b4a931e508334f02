"""The llm app under test: a client, a signed identity, and settings that point the model providers at
the scripted fake server (used by the llm service's tests)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

import httpx
from fastapi import FastAPI
from pydantic import SecretStr

from dnd_shared.testing.identity import SignedIdentity
from llm_service.generation.service import GenerationService
from llm_service.testing.fake_llm_server import FakeLLMServer


@dataclass
class LlmApp:
    """The app with its lifespan running, an HTTP client on it, and the identity it trusts."""

    app: FastAPI
    client: httpx.AsyncClient
    identity: SignedIdentity

    def headers(self, user_id: uuid.UUID, *, roles: tuple[str, ...] = ("player",)) -> dict[str, str]:
        """Identity headers as the edge would send them."""
        return self.identity.headers(user_id, roles=roles)

    @property
    def generation(self) -> GenerationService:
        service: GenerationService = self.app.state.generation
        return service

    async def generate(self, user_id: uuid.UUID, task: str, task_input: dict[str, Any],
                       **options: Any) -> httpx.Response:
        """``POST /generate`` as ``user_id``."""
        return await self.client.post("/api/v1/llm/generate", headers=self.headers(user_id),
                                      json={"task": task, "input": task_input, "options": options})


LlmAppFactory = Callable[..., AbstractAsyncContextManager[LlmApp]]


def fake_provider_settings(server: FakeLLMServer, order: list[str]) -> dict[str, Any]:
    """Settings that point openai, anthropic and openai_compatible at the fake server."""
    return {
        "provider_order": order,
        "openai_api_key": SecretStr("sk-test"),
        "openai_base_url": server.url + "/v1",
        "openai_fallback_model": None,
        "anthropic_api_key": SecretStr("sk-ant-test"),
        "anthropic_base_url": server.url,
        "compatible_base_url": server.url + "/v1",
        "compatible_model": "compatible-model",
        "provider_timeout_seconds": 5.0,
    }


