"""``POST /generate``, ``POST /generate/stream`` (server-sent events), ``GET /tasks``, ``GET /providers``."""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from dnd_shared.identity import CurrentUser
from llm_service.generation.schemas import GenerateRequest, GenerateResponse, ProviderStatus, TaskDescription
from llm_service.generation.service import Caller, GenerationService, sse
from llm_service.tasks.registry import TASKS

router = APIRouter(tags=["generation"])


def _service(request: Request) -> GenerationService:
    service: GenerationService = request.app.state.generation
    return service


@router.post("/generate", response_model=GenerateResponse)
async def generate(body: GenerateRequest, request: Request, user: CurrentUser) -> GenerateResponse:
    """Run a task: schema-validated output, the provider and model that wrote it, token usage,
    whether it came from the cache, and how many provider calls it took."""
    return await _service(request).generate(body, Caller(user.user_id))


@router.post("/generate/stream", response_class=StreamingResponse,
             responses={200: {"content": {"text/event-stream": {}}}})
async def generate_stream(body: GenerateRequest, request: Request, user: CurrentUser) -> StreamingResponse:
    """The same task as server-sent events: ``progress``, ``provider``, ``delta`` (partial text),
    ``fallback`` (discard the partial text so far), then ``result`` or ``error``. Limits and quotas
    are checked before the stream opens, so refusals are ordinary 4xx responses."""
    service = _service(request)
    admission = await service.admit(body, Caller(user.user_id))

    async def events() -> AsyncIterator[str]:
        async for event, data in service.stream(admission):
            yield sse(event, data)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.get("/tasks", response_model=list[TaskDescription])
async def list_tasks(user: CurrentUser) -> list[TaskDescription]:
    """Every task with its template version and its input and output JSON schemas."""
    return [
        TaskDescription(name=spec.name, template_version=spec.template_version,
                        input_schema=spec.input_model.model_json_schema(),
                        output_schema=spec.output_model.model_json_schema())
        for spec in TASKS.values()
    ]


@router.get("/providers", response_model=list[ProviderStatus])
async def list_providers(request: Request, user: CurrentUser) -> list[ProviderStatus]:
    """The provider chain in order, with each provider's model and breaker state."""
    chain = _service(request).chain
    states = chain.breaker_states()
    return [ProviderStatus(name=p.name, model=p.model, breaker=states[p.name]) for p in chain.providers]
