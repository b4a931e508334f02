"""The opt-in ``local`` provider: a small GGUF model served in-process by llama.cpp (``xllamacpp``) on
127.0.0.1, spoken to through the same OpenAI SDK code as any OpenAI-compatible server.

The server starts on the first request (loading the 98 MB SmolLM2 model takes about a second) and
stops with the app. Its prose is poor; it exists for people without keys who want generated text.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from llm_service.providers.base import Completion, GenerationRequest, ProviderError
from llm_service.providers.openai_provider import OpenAIProvider


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class LocalModelServer:
    """llama.cpp's HTTP server in this process (OpenAI ``/v1/chat/completions`` and Anthropic ``/v1/messages``)."""

    def __init__(self, model_path: Path, *, context_size: int = 4096, threads: int = 2,
                 port: int | None = None) -> None:
        self.model_path = model_path
        self.context_size = context_size
        self.threads = threads
        self.port = port
        self._server: Any = None

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` (once started)."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> str:
        """Load the model and listen; returns the base URL. Blocks for about a second."""
        if self._server is None:
            import xllamacpp

            params = xllamacpp.CommonParams()
            params.model.path = str(self.model_path)
            params.n_ctx = self.context_size
            params.n_parallel = 1
            params.cpuparams.n_threads = self.threads
            params.cpuparams_batch.n_threads = self.threads
            params.warmup = False
            params.verbosity = -1  # errors only: the server logs every slot and request otherwise
            params.port = self.port = self.port or free_port()
            self._server = xllamacpp.Server(params)
        return self.base_url

    def stop(self) -> None:
        """Stop serving and free the model."""
        self._server = None


class LocalProvider:
    """An :class:`OpenAIProvider` whose server is :class:`LocalModelServer`, started on first use."""

    name = "local"

    def __init__(self, model_path: Path, *, context_size: int = 4096, timeout_seconds: float = 120.0) -> None:
        self.server = LocalModelServer(model_path, context_size=context_size)
        self._timeout = timeout_seconds
        self._client: OpenAIProvider | None = None
        self._lock = asyncio.Lock()

    @property
    def model(self) -> str:
        return self.server.model_path.name

    async def _provider(self) -> OpenAIProvider:
        async with self._lock:
            if self._client is None:
                if not self.server.model_path.is_file():
                    raise ProviderError(self.name, "connection", f"model file {self.server.model_path} is missing")
                base_url = await asyncio.to_thread(self.server.start)
                self._client = OpenAIProvider(name=self.name, api_key="local", base_url=f"{base_url}/v1",
                                              model=self.model, timeout_seconds=self._timeout)
            return self._client

    async def complete(self, request: GenerationRequest) -> Completion:
        """Through the OpenAI SDK against the local server."""
        return await (await self._provider()).complete(request)

    async def stream(self, request: GenerationRequest) -> AsyncIterator[str | Completion]:
        """Streaming through the OpenAI SDK against the local server."""
        provider = await self._provider()
        async for item in provider.stream(request):
            yield item

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        await asyncio.to_thread(self.server.stop)
