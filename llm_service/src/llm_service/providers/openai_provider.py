"""OpenAI and every server that speaks its chat completions (Ollama, vLLM, llama.cpp), through the
official ``openai`` SDK, imported on first use (it costs ~0.6 s of start-up).

Structured outputs: ``response_format={"type": "json_schema", ...}`` with the task's schema (not
``strict``: pydantic schemas have optional fields, which strict mode refuses). The reply is still
validated by the generation service, which repairs what a server did not enforce.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from llm_service.providers.base import (
    Completion,
    FailureReason,
    GenerationRequest,
    ProviderError,
    estimate_tokens,
    prompt_text,
)


class OpenAIProvider:
    """Chat completions with a primary model and an optional fallback model on the same endpoint."""

    def __init__(self, *, name: str, api_key: str, base_url: str | None, model: str,
                 fallback_model: str | None = None, timeout_seconds: float = 60.0,
                 structured_outputs: bool = True, token_limit_parameter: str = "max_tokens") -> None:
        self.name = name
        self._api_key = api_key
        self._base_url = base_url
        self._model = model
        self.fallback_model = fallback_model if fallback_model and fallback_model != model else None
        self.timeout_seconds = timeout_seconds
        self.structured_outputs = structured_outputs
        #: OpenAI's own API wants ``max_completion_tokens`` (newer models refuse ``max_tokens``); the
        #: compatible servers (Ollama, vLLM, llama.cpp) read ``max_tokens``.
        self.token_limit_parameter = token_limit_parameter
        self._client: Any = None

    @property
    def model(self) -> str:
        return self._model

    def _sdk_client(self) -> Any:
        if self._client is None:
            import openai  # lazily: ~0.6 s

            self._client = openai.AsyncOpenAI(api_key=self._api_key, base_url=self._base_url,
                                              timeout=self.timeout_seconds, max_retries=0)
        return self._client

    def _arguments(self, request: GenerationRequest, model: str) -> dict[str, Any]:
        prompt = request.prompt
        messages = [{"role": "system", "content": prompt.system}]
        messages += [{"role": m.role, "content": m.content} for m in prompt.messages]
        arguments: dict[str, Any] = {
            "model": model,
            "messages": messages,
            "temperature": request.temperature,
            self.token_limit_parameter: request.max_output_tokens,
        }
        if request.seed is not None:
            arguments["seed"] = request.seed
        if self.structured_outputs and prompt.json_schema:
            arguments["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": prompt.schema_name, "schema": prompt.json_schema, "strict": False},
            }
        return arguments

    def _models(self) -> list[str]:
        return [self._model, *([self.fallback_model] if self.fallback_model else [])]

    async def complete(self, request: GenerationRequest) -> Completion:
        """Ask the primary model; on failure ask the fallback model; then raise the last failure."""
        failure: ProviderError | None = None
        for model in self._models():
            try:
                return await self._complete_with(model, request)
            except ProviderError as exc:
                failure = exc
        assert failure is not None
        raise failure

    async def _complete_with(self, model: str, request: GenerationRequest) -> Completion:
        client = self._sdk_client()
        try:
            async with asyncio.timeout(self.timeout_seconds):
                response = await client.chat.completions.create(**self._arguments(request, model))
        except Exception as exc:
            raise self._failure(exc) from exc
        if not response.choices:
            raise ProviderError(self.name, "bad_reply", "the reply has no choices")
        text = response.choices[0].message.content or ""
        usage = response.usage
        return Completion(
            text=text,
            model=response.model or model,
            input_tokens=usage.prompt_tokens if usage else estimate_tokens(prompt_text(request.prompt)),
            output_tokens=usage.completion_tokens if usage else estimate_tokens(text),
        )

    async def stream(self, request: GenerationRequest) -> AsyncIterator[str | Completion]:
        """Deltas of the primary model's answer (no model fallback once text has been sent)."""
        client = self._sdk_client()
        arguments = self._arguments(request, self._model) | {"stream": True, "stream_options": {"include_usage": True}}
        parts: list[str] = []
        usage: Any = None
        model = self._model
        try:
            async with asyncio.timeout(self.timeout_seconds):
                chunks = await client.chat.completions.create(**arguments)
                async for chunk in chunks:
                    model = chunk.model or model
                    if chunk.usage is not None:
                        usage = chunk.usage
                    for choice in chunk.choices:
                        delta = choice.delta.content if choice.delta else None
                        if delta:
                            parts.append(delta)
                            yield delta
        except ProviderError:
            raise
        except Exception as exc:
            raise self._failure(exc) from exc
        text = "".join(parts)
        yield Completion(
            text=text,
            model=model,
            input_tokens=usage.prompt_tokens if usage else estimate_tokens(prompt_text(request.prompt)),
            output_tokens=usage.completion_tokens if usage else estimate_tokens(text),
        )

    def _failure(self, exc: BaseException) -> ProviderError:
        import openai

        if isinstance(exc, TimeoutError | openai.APITimeoutError):
            return ProviderError(self.name, "timeout", f"no answer within {self.timeout_seconds:g} s")
        if isinstance(exc, openai.RateLimitError):
            return ProviderError(self.name, "rate_limited", "429 from the provider",
                                 retry_after_seconds=_retry_after(exc.response.headers.get("retry-after")))
        if isinstance(exc, openai.APIStatusError):
            reason: FailureReason = "server_error" if exc.status_code >= 500 else "bad_request"
            return ProviderError(self.name, reason, f"HTTP {exc.status_code}")
        if isinstance(exc, openai.APIConnectionError):
            return ProviderError(self.name, "connection", "could not reach the provider")
        return ProviderError(self.name, "bad_reply", type(exc).__name__)

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.close()
            self._client = None


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None
