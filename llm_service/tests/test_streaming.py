"""``POST /generate/stream``: server-sent events from every provider kind, fallback and repair."""

from __future__ import annotations

import json
import uuid
from typing import Any

from llm_service.testing.app import LlmApp, LlmAppFactory, fake_provider_settings
from llm_service.testing.fake_llm_server import FakeLLMServer, Reply, Status

NAMES = json.dumps({"names": [{"name": "Seraphina Vell", "note": "a long name, streamed in pieces"}]})
STREAM_URL = "/api/v1/llm/generate/stream"


def parse_events(text: str) -> list[tuple[str, dict[str, Any]]]:
    """``event:``/``data:`` blocks -> (event, data) pairs."""
    events = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        events.append((lines["event"], json.loads(lines["data"])))
    return events


async def stream(env: LlmApp, user: uuid.UUID, task: str,
                 task_input: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    response = await env.client.post(STREAM_URL, headers=env.headers(user), json={"task": task, "input": task_input})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/event-stream")
    return parse_events(response.text)


async def test_offline_stream_sends_progress_partial_text_and_the_result(llm_app: LlmAppFactory) -> None:
    user = uuid.uuid4()
    task_input = {"concept": "a gnome tinkerer who builds clockwork familiars"}
    async with llm_app() as env:
        events = await stream(env, user, "character_concept", task_input)
        again = await stream(env, user, "character_concept", task_input)
    names = [name for name, _ in events]
    assert names[:2] == ["progress", "provider"]
    assert events[0][1] == {"stage": "started", "task": "character_concept"}
    assert events[1][1] == {"provider": "offline"}
    deltas = [data["text"] for name, data in events if name == "delta"]
    assert len(deltas) > 5
    assert names[-2:] == ["progress", "result"] and events[-2][1]["stage"] == "validating"
    result = events[-1][1]
    assert json.loads("".join(deltas)) == result["output"]
    assert result["provider"] == "offline" and result["cached"] is False and result["attempts"] == 1
    assert result["output"]["species"] == "Gnome"
    # the second identical stream is served from the cache at once
    assert [name for name, _ in again] == ["progress", "result"]
    assert again[-1][1]["cached"] is True and again[-1][1]["output"] == result["output"]


async def test_openai_stream_through_the_sdk(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    fake_llm.script(Reply(NAMES, input_tokens=12, output_tokens=9))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"])) as env:
        events = await stream(env, uuid.uuid4(), "name", {"count": 1})
    deltas = [data["text"] for name, data in events if name == "delta"]
    assert "".join(deltas) == NAMES and len(deltas) == -(-len(NAMES) // 16)
    result = events[-1][1]
    assert result["provider"] == "openai" and result["usage"] == {"input_tokens": 12, "output_tokens": 9}
    assert fake_llm.received[0].body["stream"] is True
    assert fake_llm.received[0].body["stream_options"] == {"include_usage": True}


async def test_anthropic_stream_through_the_sdk(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    fake_llm.script(Reply(NAMES, input_tokens=8, output_tokens=6))
    async with llm_app(**fake_provider_settings(fake_llm, ["anthropic"])) as env:
        events = await stream(env, uuid.uuid4(), "name", {"count": 1})
    deltas = [data["text"] for name, data in events if name == "delta"]
    assert "".join(deltas) == NAMES
    result = events[-1][1]
    assert result["provider"] == "anthropic" and result["usage"] == {"input_tokens": 8, "output_tokens": 6}


async def test_stream_falls_back_to_the_next_provider(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    fake_llm.script(Status(500))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai", "offline"])) as env:
        events = await stream(env, uuid.uuid4(), "name", {"count": 2})
    names = [name for name, _ in events]
    assert names[:4] == ["progress", "provider", "fallback", "provider"]
    assert events[2][1] == {"provider": "openai", "reason": "server_error"}
    assert events[3][1] == {"provider": "offline"}
    assert events[-1][1]["provider"] == "offline" and len(events[-1][1]["output"]["names"]) == 2


async def test_stream_repairs_invalid_output(llm_app: LlmAppFactory, fake_llm: FakeLLMServer) -> None:
    fake_llm.script(Reply('{"names": "Bren"}'), Reply(NAMES))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"])) as env:
        events = await stream(env, uuid.uuid4(), "name", {"count": 1})
    repairing = [data for name, data in events if name == "progress" and data["stage"] == "repairing"]
    assert repairing == [{"stage": "repairing", "problems": ["names: Input should be a valid list"]}]
    assert events[-1][0] == "result" and events[-1][1]["attempts"] == 2


async def test_stream_reports_a_final_failure_as_an_error_event(llm_app: LlmAppFactory,
                                                                 fake_llm: FakeLLMServer) -> None:
    fake_llm.script(default=Status(500))
    async with llm_app(**fake_provider_settings(fake_llm, ["openai"])) as env:
        events = await stream(env, uuid.uuid4(), "name", {"count": 1})
    assert events[-1] == ("error", {"status": 503, "code": "llm_unavailable",
                                    "message": "No text provider could answer: openai server_error.", "details": []})


async def test_stream_refusals_are_plain_http_errors(llm_app: LlmAppFactory) -> None:
    user = uuid.uuid4()
    async with llm_app(text_requests_per_minute=1) as env:
        await stream(env, user, "name", {"count": 1})
        refused = await env.client.post(STREAM_URL, headers=env.headers(user), json={"task": "name", "input": {}})
        invalid = await env.client.post(STREAM_URL, headers=env.headers(uuid.uuid4()),
                                        json={"task": "name", "input": {"count": 99}})
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "rate_limited"
    assert invalid.status_code == 422 and invalid.json()["error"]["details"][0]["field"] == "input.count"
