"""A scripted server that speaks OpenAI's ``/v1/chat/completions`` and Anthropic's ``/v1/messages``
(both streaming too), for tests and the benchmark: the real SDKs talk to it over HTTP.

    server = FakeLLMServer().start()
    server.script(Reply('{"names": []}'), Status(500), Delay(2.0, Reply("...")))
    # OpenAI SDK: base_url=server.url + "/v1"; Anthropic SDK: base_url=server.url

Each request takes the next scripted step; when the script is empty, ``default`` answers.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse


@dataclass(frozen=True)
class Reply:
    """200 with ``text`` as the assistant's answer."""

    text: str
    input_tokens: int = 50
    output_tokens: int = 20


@dataclass(frozen=True)
class Status:
    """An HTTP error (500, 429, ...)."""

    code: int
    retry_after: int | None = None


@dataclass(frozen=True)
class Delay:
    """Wait, then answer with ``then``."""

    seconds: float
    then: Reply | Status = field(default_factory=lambda: Reply("{}"))


Step = Reply | Status | Delay


@dataclass(frozen=True)
class Received:
    """One request the server got."""

    path: str
    body: dict[str, Any]
    headers: dict[str, str]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class FakeLLMServer:
    """The scripted server on a free port, in a background thread."""

    def __init__(self) -> None:
        self.port = _free_port()
        self.steps: deque[Step] = deque()
        self.default: Step = Reply("{}")
        self.received: list[Received] = []
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.app = self._build_app()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def script(self, *steps: Step, default: Step | None = None) -> None:
        """Replace the script (and forget what was received)."""
        with self._lock:
            self.steps = deque(steps)
            self.received = []
            if default is not None:
                self.default = default

    def reset(self) -> None:
        """Empty script, default ``Reply("{}")``."""
        self.script(default=Reply("{}"))

    def _next(self, received: Received) -> Step:
        with self._lock:
            self.received.append(received)
            return self.steps.popleft() if self.steps else self.default

    def start(self) -> FakeLLMServer:
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False,
                                lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="fake-llm", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the fake LLM server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)

    # --- protocol ---------------------------------------------------------------------------
    def _build_app(self) -> FastAPI:
        app = FastAPI()

        @app.post("/v1/chat/completions")
        async def chat(request: Request) -> Response:
            body = await request.json()
            step = self._next(Received("/v1/chat/completions", body, dict(request.headers)))
            reply = await self._resolve(step)
            if isinstance(reply, Status):
                return _error(reply, {"error": {"message": f"scripted {reply.code}", "type": "scripted",
                                                "code": str(reply.code)}})
            model = body.get("model", "fake")
            if body.get("stream"):
                return StreamingResponse(_openai_stream(reply, model), media_type="text/event-stream")
            return JSONResponse({
                "id": "chatcmpl-fake", "object": "chat.completion", "created": 0, "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text},
                             "finish_reason": "stop"}],
                "usage": {"prompt_tokens": reply.input_tokens, "completion_tokens": reply.output_tokens,
                          "total_tokens": reply.input_tokens + reply.output_tokens},
            })

        @app.post("/v1/messages")
        async def messages(request: Request) -> Response:
            body = await request.json()
            step = self._next(Received("/v1/messages", body, dict(request.headers)))
            reply = await self._resolve(step)
            if isinstance(reply, Status):
                kind = "rate_limit_error" if reply.code == 429 else "api_error"
                return _error(reply, {"type": "error", "error": {"type": kind, "message": f"scripted {reply.code}"}})
            model = body.get("model", "fake")
            if body.get("stream"):
                return StreamingResponse(_anthropic_stream(reply, model), media_type="text/event-stream")
            return JSONResponse({
                "id": "msg_fake", "type": "message", "role": "assistant", "model": model,
                "content": [{"type": "text", "text": reply.text}], "stop_reason": "end_turn",
                "stop_sequence": None,
                "usage": {"input_tokens": reply.input_tokens, "output_tokens": reply.output_tokens},
            })

        return app

    async def _resolve(self, step: Step) -> Reply | Status:
        if isinstance(step, Delay):
            await asyncio.sleep(step.seconds)
            return step.then
        return step


def _error(status: Status, body: dict[str, Any]) -> JSONResponse:
    headers = {"retry-after": str(status.retry_after)} if status.retry_after is not None else {}
    # the SDKs retry on x-should-retry; we want the first failure to surface
    headers["x-should-retry"] = "false"
    return JSONResponse(body, status_code=status.code, headers=headers)


def _pieces(text: str, size: int = 16) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


async def _openai_stream(reply: Reply, model: str) -> AsyncIterator[str]:
    base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": model}
    for piece in _pieces(reply.text):
        chunk = base | {"choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
        yield f"data: {json.dumps(chunk)}\n\n"
    yield f"data: {json.dumps(base | {'choices': [{'index': 0, 'delta': {}, 'finish_reason': 'stop'}]})}\n\n"
    usage = {"prompt_tokens": reply.input_tokens, "completion_tokens": reply.output_tokens,
             "total_tokens": reply.input_tokens + reply.output_tokens}
    yield f"data: {json.dumps(base | {'choices': [], 'usage': usage})}\n\n"
    yield "data: [DONE]\n\n"


def _event(kind: str, data: dict[str, Any]) -> str:
    return f"event: {kind}\ndata: {json.dumps(data | {'type': kind})}\n\n"


async def _anthropic_stream(reply: Reply, model: str) -> AsyncIterator[str]:
    yield _event("message_start", {"message": {
        "id": "msg_fake", "type": "message", "role": "assistant", "model": model, "content": [],
        "stop_reason": None, "stop_sequence": None, "usage": {"input_tokens": reply.input_tokens, "output_tokens": 0}}})
    yield _event("content_block_start", {"index": 0, "content_block": {"type": "text", "text": ""}})
    for piece in _pieces(reply.text):
        yield _event("content_block_delta", {"index": 0, "delta": {"type": "text_delta", "text": piece}})
    yield _event("content_block_stop", {"index": 0})
    yield _event("message_delta", {"delta": {"stop_reason": "end_turn", "stop_sequence": None},
                                   "usage": {"output_tokens": reply.output_tokens}})
    yield _event("message_stop", {})
