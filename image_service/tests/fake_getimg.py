"""A local HTTP server that speaks GetImg.AI's text-to-image API, including its errors.

Each request pops the next scripted reply (default: success). Requests are recorded with their
headers and JSON bodies so tests can check what the real client sent.
"""

from __future__ import annotations

import base64
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image


def sample_png(width: int = 64, height: int = 48, color: tuple[int, int, int] = (200, 40, 90)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class Reply:
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


def success(png: bytes | None = None, seed: int = 1234) -> Reply:
    return Reply(200, {"image": base64.b64encode(png or sample_png()).decode(), "seed": seed, "cost": 0.0024})


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> Reply:
    return Reply(
        status,
        {
            "error": {
                "type": "invalid_request_error" if status < 500 else "server_error",
                "code": code,
                "message": message,
                "param": None,
            }
        },
        headers or {},
    )


@dataclass
class FakeGetImg:
    base_url: str
    script: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)


@contextmanager
def fake_getimg_server() -> Iterator[FakeGetImg]:
    state = FakeGetImg(base_url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            raw = self.rfile.read(length)
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
            state.requests.append({"path": self.path, "headers": dict(self.headers), "json": body})
            if self.headers.get("Authorization") != "Bearer test-key":
                reply = error(401, "invalid_api_key", "Invalid API key provided.")
            elif not self.path.endswith("/text-to-image"):
                reply = error(404, "not_found", "Unknown endpoint.")
            elif not isinstance(body, dict) or not body.get("prompt"):
                reply = error(400, "parameter_missing", "prompt is required")
            else:
                reply = state.script.pop(0) if state.script else success()
            payload = reply.raw if reply.raw is not None else json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
