"""What every provider is: ``complete`` a prompt (and ``stream`` it), report tokens, fail typed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from llm_service.tasks.prompts import Prompt

FailureReason = Literal["timeout", "rate_limited", "server_error", "connection", "bad_request", "bad_reply"]


@dataclass(frozen=True)
class GenerationRequest:
    """One call to a provider. ``task`` and ``task_input`` let the offline provider build its answer
    without reading the prompt; the model providers read only ``prompt``."""

    task: str
    task_input: dict[str, Any]
    prompt: Prompt
    temperature: float
    max_output_tokens: int
    seed: int | None
    #: 0 for the first call, then 1, 2, ... for repair re-asks.
    attempt: int = 0


@dataclass(frozen=True)
class Completion:
    """A provider's raw answer (validated later by the generation service)."""

    text: str
    model: str
    input_tokens: int
    output_tokens: int


class ProviderError(Exception):
    """A provider failed; the chain falls back to the next one and the breaker counts it."""

    def __init__(self, provider: str, reason: FailureReason, message: str, *,
                 retry_after_seconds: float | None = None) -> None:
        super().__init__(f"{provider}: {reason}: {message}")
        self.provider = provider
        self.reason = reason
        self.message = message
        self.retry_after_seconds = retry_after_seconds


class Provider(Protocol):
    """A text generator behind one protocol."""

    #: ``openai``, ``anthropic``, ``openai_compatible``, ``local`` or ``offline``.
    name: str

    @property
    def model(self) -> str:
        """The primary model (part of the cache key)."""

    async def complete(self, request: GenerationRequest) -> Completion:
        """The whole answer, or :class:`ProviderError`."""

    def stream(self, request: GenerationRequest) -> AsyncIterator[str | Completion]:
        """Text deltas as they arrive, then the final :class:`Completion` (its ``text`` is the whole
        answer); :class:`ProviderError` on failure."""

    async def aclose(self) -> None:
        """Release connections and processes."""


def estimate_tokens(text: str) -> int:
    """Rough token count (4 characters a token) where a provider reports none."""
    return max(1, (len(text) + 3) // 4)


def prompt_text(prompt: Prompt) -> str:
    """Every text of a prompt, for token estimates."""
    return prompt.system + "".join(message.content for message in prompt.messages)
