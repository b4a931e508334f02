"""A local HTTP server that speaks the part of the S3 REST API the asset store uses (path-style
PutObject, GetObject, HeadObject, with S3's XML errors), for the real boto3 client to talk to."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlparse


@dataclass
class FakeS3:
    endpoint_url: str
    objects: dict[tuple[str, str], tuple[bytes, str]] = field(default_factory=dict)
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)


def _decode_aws_chunked(raw: bytes) -> bytes:
    """``aws-chunked`` bodies: ``<hex size>[;chunk-signature=...]\\r\\n<data>\\r\\n`` ... ``0\\r\\n`` trailers."""
    out, position = b"", 0
    while True:
        line_end = raw.index(b"\r\n", position)
        size = int(raw[position:line_end].split(b";")[0], 16)
        if size == 0:
            return out
        out += raw[line_end + 2 : line_end + 2 + size]
        position = line_end + 2 + size + 2


@contextmanager
def fake_s3_server() -> Iterator[FakeS3]:
    state = FakeS3(endpoint_url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _target(self) -> tuple[str, str]:
            path = unquote(urlparse(self.path).path).lstrip("/")
            bucket, _, key = path.partition("/")
            return bucket, key

        def _reply(
            self, status: int, body: bytes = b"", content_type: str = "application/xml", head: bool = False
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"fake"')
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _missing(self, key: str, head: bool = False) -> None:
            body = (
                f"<?xml version='1.0' encoding='UTF-8'?><Error><Code>NoSuchKey</Code>"
                f"<Message>The specified key does not exist.</Message><Key>{key}</Key></Error>"
            ).encode()
            self._reply(404, body, head=head)

        def do_PUT(self) -> None:
            bucket, key = self._target()
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            if "aws-chunked" in self.headers.get("Content-Encoding", ""):
                raw = _decode_aws_chunked(raw)
            state.requests.append(("PUT", f"{bucket}/{key}", dict(self.headers)))
            state.objects[(bucket, key)] = (raw, self.headers.get("Content-Type", "binary/octet-stream"))
            self._reply(200)

        def do_GET(self) -> None:
            bucket, key = self._target()
            state.requests.append(("GET", f"{bucket}/{key}", dict(self.headers)))
            if (bucket, key) not in state.objects:
                return self._missing(key)
            data, content_type = state.objects[(bucket, key)]
            self._reply(200, data, content_type)

        def do_HEAD(self) -> None:
            bucket, key = self._target()
            state.requests.append(("HEAD", f"{bucket}/{key}", dict(self.headers)))
            if (bucket, key) not in state.objects:
                return self._missing(key, head=True)
            data, content_type = state.objects[(bucket, key)]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.endpoint_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
