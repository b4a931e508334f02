"""Generation: admit (task input, rate limits, quotas), serve from the cache, or ask the provider
chain and validate the answer against the task's schema, re-asking with the validation errors up to
``LLM_MAX_REPAIR_ATTEMPTS`` times; then account the usage.

Usage is written in its own unit of work (``Database.session()``), not the HTTP request's: a
generation that fails validation has still spent tokens, and the request's transaction rolls back
with the error. Streaming and hub calls have no request session at all.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from redis.asyncio import Redis

from dnd_shared.db.engine import Database
from dnd_shared.errors import AppError, ErrorDetail
from llm_service import metrics
from llm_service.config import Settings
from llm_service.generation.cache import GenerationCache, cache_key
from llm_service.generation.schemas import GenerateRequest, GenerateResponse, Usage
from llm_service.limits.service import Limits
from llm_service.providers.base import Completion, GenerationRequest
from llm_service.providers.chain import Fallback, ProviderChain, StreamStart
from llm_service.tasks.prompts import Prompt, build_prompt, extract_json_object
from llm_service.tasks.registry import TASKS, ResolvedTask, resolve_task
from llm_service.tasks.schemas import RefineInput, TaskOutput
from llm_service.usage.repository import UsageRepository
from llm_service.usage.service import check_quota, record_usage


class InvalidOutputError(AppError):
    """The providers' answers kept failing the task's schema after every repair."""

    status_code = 502
    code = "llm_output_invalid"


@dataclass(frozen=True)
class Caller:
    """Who asks: a user over HTTP, or a service over the hub (with or without a user)."""

    user_id: uuid.UUID | None
    #: ``http`` or ``rpc:<service>``.
    via: str = "http"

    @property
    def scope(self) -> str:
        """Whose private cache the answer goes to."""
        return f"user:{self.user_id}" if self.user_id is not None else self.via

    @property
    def service(self) -> str | None:
        """The calling service for hub calls."""
        return self.via.removeprefix("rpc:") if self.via.startswith("rpc:") else None


@dataclass(frozen=True)
class Admission:
    """An admitted request: validated task, its first prompt and its cache key."""

    request: GenerateRequest
    caller: Caller
    task: ResolvedTask
    prompt: Prompt
    key: str

    @property
    def name(self) -> str:
        return self.task.spec.name


@dataclass
class _Attempts:
    """Tokens and calls summed over the first answer and its repairs."""

    calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    provider: str = ""
    model: str = ""

    def add(self, completion: Completion, provider: str) -> None:
        self.calls += 1
        self.input_tokens += completion.input_tokens
        self.output_tokens += completion.output_tokens
        self.provider, self.model = provider, completion.model
        metrics.TOKENS.labels(provider, "input").inc(completion.input_tokens)
        metrics.TOKENS.labels(provider, "output").inc(completion.output_tokens)


def validate_output(text: str, output_model: type[TaskOutput]) -> tuple[dict[str, Any] | None, list[str]]:
    """The validated output as JSON-ready data, or None and the problems to send back for a repair."""
    try:
        data = extract_json_object(text)
    except ValueError as exc:
        return None, [str(exc)]
    try:
        return output_model.model_validate(data).model_dump(mode="json"), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            location = ".".join(str(part) for part in error["loc"]) or "(root)"
            problems.append(f"{location}: {error['msg']}")
        return None, problems


class GenerationService:
    """One per app instance (``app.state.generation``)."""

    def __init__(self, settings: Settings, chain: ProviderChain, redis: Redis, database: Database,
                 limits: Limits) -> None:
        self.settings = settings
        self.chain = chain
        self.cache = GenerationCache(redis)
        self.database = database
        self.limits = limits

    # --- admission ---------------------------------------------------------------------------
    async def admit(self, request: GenerateRequest, caller: Caller) -> Admission:
        """Validate the task input (422), apply rate limits (429) and quotas (429 ``quota_exceeded``)."""
        resolved = resolve_task(request.task, request.input)
        if caller.service is not None:
            await self.limits.enforce_service(caller.service)
        if caller.user_id is not None:
            await self.limits.enforce_user(caller.user_id, "text")
            async with self.database.session() as session:
                await check_quota(UsageRepository(session), self.settings, caller.user_id)
        prompt = self._prompt(resolved)
        options = request.options
        key = cache_key(
            scope=caller.scope, task=resolved.spec.name, template_version=resolved.template_version,
            task_input=resolved.input.model_dump(mode="json"), models=self.chain.signature,
            parameters={"temperature": options.temperature, "max_output_tokens": self._max_tokens(request),
                        "seed": options.seed},
        )
        return Admission(request, caller, resolved, prompt, key)

    def _prompt(self, resolved: ResolvedTask) -> Prompt:
        instructions = resolved.spec.instructions
        schema_name = resolved.spec.name
        if isinstance(resolved.input, RefineInput):
            target = TASKS[resolved.input.task]
            instructions += f" The original task was: {target.instructions}"
            schema_name = target.name
        return build_prompt(instructions, resolved.input, resolved.output_model, schema_name)

    def _max_tokens(self, request: GenerateRequest) -> int:
        return request.options.max_output_tokens or self.settings.default_max_output_tokens

    def _provider_request(self, admission: Admission, prompt: Prompt, attempt: int) -> GenerationRequest:
        options = admission.request.options
        return GenerationRequest(
            task=admission.name, task_input=admission.task.input.model_dump(mode="json"), prompt=prompt,
            temperature=options.temperature, max_output_tokens=self._max_tokens(admission.request),
            seed=options.seed, attempt=attempt,
        )

    # --- generation --------------------------------------------------------------------------
    async def generate(self, request: GenerateRequest, caller: Caller) -> GenerateResponse:
        """Admit and run."""
        return await self.run(await self.admit(request, caller))

    async def cached(self, admission: Admission) -> GenerateResponse | None:
        """The cached answer (accounted as a cached request), unless the caller bypasses the cache."""
        if admission.request.options.bypass_cache:
            metrics.CACHE.labels(admission.name, "bypass").inc()
            return None
        hit = await self.cache.get(admission.key)
        metrics.CACHE.labels(admission.name, "hit" if hit else "miss").inc()
        if hit is not None:
            metrics.GENERATIONS.labels(admission.name, "cached").inc()
            await self._record(admission, _Attempts(provider=hit.provider, model=hit.model), cached=True)
        return hit

    async def run(self, admission: Admission) -> GenerateResponse:
        """Serve from the cache or generate, validate, repair, cache and account."""
        hit = await self.cached(admission)
        if hit is not None:
            return hit
        attempts = _Attempts()
        prompt = admission.prompt
        result = await self.chain.complete(self._provider_request(admission, prompt, 0))
        attempts.add(result.completion, result.provider)
        return await self._validate_and_repair(admission, prompt, result.completion.text, attempts)

    async def _validate_and_repair(self, admission: Admission, prompt: Prompt, text: str,
                                   attempts: _Attempts) -> GenerateResponse:
        output_model = admission.task.output_model
        output, problems = validate_output(text, output_model)
        while output is None and attempts.calls <= self.settings.max_repair_attempts:
            metrics.REPAIRS.labels(admission.name).inc()
            prompt = prompt.with_repair(text, problems)
            result = await self.chain.complete(self._provider_request(admission, prompt, attempts.calls))
            attempts.add(result.completion, result.provider)
            text = result.completion.text
            output, problems = validate_output(text, output_model)
        if output is None:
            metrics.GENERATIONS.labels(admission.name, "invalid_output").inc()
            await self._record(admission, attempts, cached=False, outcome="invalid_output")
            raise InvalidOutputError(
                f"The {admission.name} output failed its schema after {attempts.calls} attempts.",
                details=[ErrorDetail("output", problem) for problem in problems[:20]],
            )
        return await self._finish(admission, output, attempts)

    async def _finish(self, admission: Admission, output: dict[str, Any], attempts: _Attempts) -> GenerateResponse:
        response = GenerateResponse(
            task=admission.name, template_version=admission.task.template_version, output=output,
            provider=attempts.provider, model=attempts.model,
            usage=Usage(input_tokens=attempts.input_tokens, output_tokens=attempts.output_tokens),
            cached=False, attempts=attempts.calls,
        )
        await self.cache.put(admission.key, response, self.settings.cache_ttl_for(admission.name))
        await self._record(admission, attempts, cached=False)
        metrics.GENERATIONS.labels(admission.name, "ok").inc()
        return response

    async def _record(self, admission: Admission, attempts: _Attempts, *, cached: bool, outcome: str = "ok") -> None:
        async with self.database.session() as session:
            repository = UsageRepository(session)
            await repository.commit_without_waiting_for_disk()
            await record_usage(
                repository, self.settings, user_id=admission.caller.user_id, caller=admission.caller.via,
                task=admission.name, provider=attempts.provider, model=attempts.model,
                input_tokens=attempts.input_tokens, output_tokens=attempts.output_tokens, cached=cached,
                attempts=attempts.calls, outcome=outcome,
            )

    # --- streaming ---------------------------------------------------------------------------
    async def stream(self, admission: Admission) -> AsyncIterator[tuple[str, dict[str, Any]]]:
        """Server-sent events for an admitted request: ``progress``, ``provider``, ``delta``, ``fallback``,
        then ``result`` (the same body as ``POST /generate``) or ``error`` (the error envelope)."""
        started = time.perf_counter()
        yield "progress", {"stage": "started", "task": admission.name}
        try:
            hit = await self.cached(admission)
            if hit is not None:
                yield "result", hit.model_dump(mode="json")
                return
            attempts = _Attempts()
            final: Completion | None = None
            provider = ""
            async for item in self.chain.stream(self._provider_request(admission, admission.prompt, 0)):
                if isinstance(item, StreamStart):
                    provider = item.provider
                    yield "provider", {"provider": item.provider}
                elif isinstance(item, Fallback):
                    yield "fallback", {"provider": item.provider, "reason": item.reason}
                elif isinstance(item, Completion):
                    final = item
                else:
                    yield "delta", {"text": item}
            assert final is not None
            attempts.add(final, provider)
            yield "progress", {"stage": "validating", "elapsed_ms": round((time.perf_counter() - started) * 1000)}
            output, problems = validate_output(final.text, admission.task.output_model)
            if output is None:
                yield "progress", {"stage": "repairing", "problems": problems[:20]}
            response = await self._validate_and_repair(admission, admission.prompt, final.text, attempts)
            yield "result", response.model_dump(mode="json")
        except AppError as exc:
            yield "error", {"status": exc.status_code, "code": exc.code, "message": exc.message,
                            "details": [d.as_dict() for d in exc.details]}


def sse(event: str, data: dict[str, Any]) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
