"""Generated outputs in Redis, keyed by everything that shapes them.

Key = SHA-256 of: task, template version, input, the provider chain's models, the parameters, and
the *scope* — the user's id (or the calling service's name for service calls without a user). Inputs
are private: two users sending the same text never share an entry.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from redis.asyncio import Redis

from llm_service.generation.schemas import GenerateResponse, Usage

KEY_PREFIX = "llm:cache:v1:"


def cache_key(*, scope: str, task: str, template_version: str, task_input: dict[str, Any], models: str,
              parameters: dict[str, Any]) -> str:
    """The Redis key of one generation."""
    material = json.dumps(
        {"scope": scope, "task": task, "template": template_version, "input": task_input, "models": models,
         "parameters": parameters},
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return KEY_PREFIX + hashlib.sha256(material.encode()).hexdigest()


class GenerationCache:
    """Get and put :class:`GenerateResponse` objects with a TTL."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def get(self, key: str) -> GenerateResponse | None:
        """The cached response, marked ``cached``, with the zero usage this request cost; None on a miss."""
        raw = await self.redis.get(key)
        if raw is None:
            return None
        response = GenerateResponse.model_validate_json(raw)
        return response.model_copy(update={"cached": True, "attempts": 0,
                                           "usage": Usage(input_tokens=0, output_tokens=0)})

    async def put(self, key: str, response: GenerateResponse, ttl_seconds: int) -> None:
        """Store for ``ttl_seconds`` (nothing when 0)."""
        if ttl_seconds > 0:
            await self.redis.set(key, response.model_dump_json(), ex=ttl_seconds)
