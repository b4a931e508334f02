"""The task API's request and response."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class GenerateOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    temperature: float = Field(default=0.7, ge=0, le=2)
    max_output_tokens: int | None = Field(default=None, ge=16, le=16000)
    #: Same seed, same input -> same offline output (and a hint to providers that honour seeds).
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)
    #: Skip the cache lookup (the fresh answer still replaces the cached one).
    bypass_cache: bool = False


class GenerateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    task: str = Field(description="character_concept, backstory, personality, name, npc, item, spell, feat, "
                                  "species, campaign_outline, story_hook, session_recap, antitheticon or refine")
    input: dict[str, Any] = Field(default_factory=dict, description="The task's input (see GET /tasks).")
    options: GenerateOptions = Field(default_factory=GenerateOptions)


class Usage(BaseModel):
    input_tokens: int
    output_tokens: int


class GenerateResponse(BaseModel):
    task: str
    template_version: str
    output: dict[str, Any]
    #: ``openai``, ``anthropic``, ``openai_compatible``, ``local`` or ``offline``.
    provider: str
    model: str
    usage: Usage
    cached: bool
    #: Provider calls it took: 1, plus one per repair (0 for a cache hit).
    attempts: int


class TaskDescription(BaseModel):
    name: str
    template_version: str
    input_schema: dict[str, Any]
    output_schema: dict[str, Any]


class ProviderStatus(BaseModel):
    name: str
    model: str
    breaker: str
