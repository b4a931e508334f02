"""Anthropic's Messages API through the official ``anthropic`` SDK, imported on first use (~1.4 s).

The task's JSON schema goes into the system text; the reply's JSON object is validated (and repaired
if needed) by the generation service. The current SDK (2.x) takes no sampling parameters, so
``temperature`` is not sent; the seed does not apply either.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from llm_service.providers.base import Completion, FailureReason, GenerationRequest, ProviderError
from llm_service.providers.openai_provider import _retry_after


class AnthropicProvider:
    """``messages.create`` / ``messages.stream`` with one model."""

    name = "anthropic"

    def __init__(self, *, api_key: str, base_url: str | None, model: str, timeout_seconds: float = 60.0) -> None:
        self._api_key = api_key
        self._base_url = base_url
        self._model = model
        self.timeout_seconds = timeout_seconds
        self._client: Any = None

    @property
    def model(self) -> str:
        return self._model

    def _sdk_client(self) -> Any:
        if self._client is None:
            import anthropic  # lazily: ~1.4 s

            self._client = anthropic.AsyncAnthropic(api_key=self._api_key, base_url=self._base_url,
                                                    timeout=self.timeout_seconds, max_retries=0)
        return self._client

    def _arguments(self, request: GenerationRequest) -> dict[str, Any]:
        arguments: dict[str, Any] = {
            "model": self._model,
            "system": request.prompt.system,
            "messages": [{"role": m.role, "content": m.content} for m in request.prompt.messages],
            "max_tokens": request.max_output_tokens,
        }
        return arguments

    async def complete(self, request: GenerationRequest) -> Completion:
        """One message; its text blocks joined."""
        client = self._sdk_client()
        try:
            async with asyncio.timeout(self.timeout_seconds):
                message = await client.messages.create(**self._arguments(request))
        except Exception as exc:
            raise self._failure(exc) from exc
        text = "".join(block.text for block in message.content if getattr(block, "type", "") == "text")
        return Completion(text=text, model=message.model or self._model,
                          input_tokens=message.usage.input_tokens, output_tokens=message.usage.output_tokens)

    async def stream(self, request: GenerationRequest) -> AsyncIterator[str | Completion]:
        """Text deltas, then the final message's usage."""
        client = self._sdk_client()
        parts: list[str] = []
        try:
            async with asyncio.timeout(self.timeout_seconds):
                async with client.messages.stream(**self._arguments(request)) as stream:
                    async for delta in stream.text_stream:
                        if delta:
                            parts.append(delta)
                            yield delta
                    message = await stream.get_final_message()
        except Exception as exc:
            raise self._failure(exc) from exc
        yield Completion(text="".join(parts), model=message.model or self._model,
                         input_tokens=message.usage.input_tokens, output_tokens=message.usage.output_tokens)

    def _failure(self, exc: BaseException) -> ProviderError:
        import anthropic

        if isinstance(exc, TimeoutError | anthropic.APITimeoutError):
            return ProviderError(self.name, "timeout", f"no answer within {self.timeout_seconds:g} s")
        if isinstance(exc, anthropic.RateLimitError):
            return ProviderError(self.name, "rate_limited", "429 from the provider",
                                 retry_after_seconds=_retry_after(exc.response.headers.get("retry-after")))
        if isinstance(exc, anthropic.APIStatusError):
            reason: FailureReason = "server_error" if exc.status_code >= 500 else "bad_request"
            return ProviderError(self.name, reason, f"HTTP {exc.status_code}")
        if isinstance(exc, anthropic.APIConnectionError):
            return ProviderError(self.name, "connection", "could not reach the provider")
        return ProviderError(self.name, "bad_reply", type(exc).__name__)

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None
