"""``llm.generate`` through the hub (the LLM service's task API: {task, input, options})."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from dnd_shared.errors import ErrorDetail, ServiceUnavailableError
from dnd_shared.hub import RequestHub
from dnd_shared.hub.errors import HubUnavailableError, UpstreamError

GENERATE = "llm.generate"


class Generated(BaseModel):
    """The parts of the LLM service's answer the campaign keeps."""

    model_config = ConfigDict(extra="ignore")

    task: str
    template_version: str
    output: dict[str, Any]
    provider: str
    model: str
    cached: bool = False

    def provenance(self) -> dict[str, Any]:
        """What is stored with generated content (``generation``)."""
        return {"task": self.task, "template_version": self.template_version, "provider": self.provider,
                "model": self.model, "cached": self.cached}


async def generate(hub: RequestHub, task: str, task_input: dict[str, Any], *, seed: int | None = None) -> Generated:
    """Run one LLM task; 503 ``llm_unavailable`` when no LLM instance is registered."""
    options: dict[str, Any] = {} if seed is None else {"seed": seed}
    try:
        answer = await hub.call(GENERATE, {"task": task, "input": task_input, "options": options}, timeout=60.0)
    except HubUnavailableError as exc:
        raise ServiceUnavailableError("Text generation is unavailable right now (no LLM service is running); "
                                      "try again later.", code="llm_unavailable",
                                      details=[ErrorDetail("task", f"{task} needs the llm service")]) from exc
    try:
        return Generated.model_validate(answer)
    except ValidationError as exc:
        raise UpstreamError("The LLM service answered in an unexpected shape.") from exc
