"""Hub handlers of the llm service.

- ``llm.generate``: the task API for other services (same request and response as ``POST /generate``).
  Limits: the calling service's per-minute budget, and the user's text limit and quotas when the
  message carries a principal. The answer is cached in the user's scope (or the service's without one).
- ``llm.check_rate_limit``: count one request against a user's ``text`` or ``image`` limit and say
  whether it is allowed (the image service's 10/minute lives here as well as in its own limiter).
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import BaseModel, Field

from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from llm_service.generation.schemas import GenerateRequest, GenerateResponse
from llm_service.generation.service import Caller, GenerationService
from llm_service.limits.service import Limits

router = HubRouter()


class RateLimitCheck(BaseModel):
    user_id: uuid.UUID
    kind: Literal["text", "image"] = "image"
    cost: int = Field(default=1, ge=1, le=10)


class RateLimitAnswer(BaseModel):
    allowed: bool
    remaining: int
    retry_after_seconds: int


@router.rpc("llm.generate")
async def generate(request: GenerateRequest, ctx: MessageContext) -> GenerateResponse:
    """Generate for another service."""
    state = ctx.require_hub().app_state
    service: GenerationService = state.generation
    user = ctx.user
    caller = Caller(user.user_id if user is not None else None, via=f"rpc:{ctx.source}")
    return await service.generate(request, caller)


@router.rpc("llm.check_rate_limit")
async def check_rate_limit(request: RateLimitCheck, ctx: MessageContext) -> RateLimitAnswer:
    """Count ``cost`` requests of ``kind`` for the user; ``allowed`` false with the wait when over the limit."""
    limits: Limits = ctx.require_hub().app_state.limits
    decision = await limits.check_user(request.user_id, request.kind, request.cost)
    return RateLimitAnswer(allowed=decision.allowed, remaining=decision.remaining,
                           retry_after_seconds=0 if decision.allowed else decision.retry_after_header)
