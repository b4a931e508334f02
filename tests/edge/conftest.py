"""The edge end to end: the runner's whole stack (``local_stack``), requests through the real Traefik
over HTTPS. Every client here binds its own loopback source address, so the per-IP rate limits of
these tests never eat into another test module's budget (or each other's)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from dnd_shared.testing.stack import RunningStack

PASSWORD = "edge tests need a long passphrase"


@dataclass
class Edge:
    stack: RunningStack
    client: httpx.Client

    def url(self, path: str) -> str:
        # 127.0.0.1 rather than localhost: the source address binding below is IPv4.
        return f"https://127.0.0.1:{self.stack.https_port}{path}"

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.request(method, self.url(path), **kwargs)

    def register(self, name: str = "Player One") -> dict[str, Any]:
        email = f"edge-{uuid.uuid4().hex[:12]}@example.com"
        response = self.request("POST", "/api/v1/auth/register",
                                json={"email": email, "display_name": name, "password": PASSWORD})
        assert response.status_code == 201, response.text
        return dict(response.json())

    def login(self, email: str, password: str = PASSWORD) -> dict[str, Any]:
        response = self.request("POST", "/api/v1/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def user(self) -> tuple[dict[str, Any], dict[str, str]]:
        """A fresh account and its bearer header."""
        user = self.register()
        return user, bearer(self.login(user["email"]))


def bearer(tokens: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


def edge_client(stack: RunningStack, source_address: str) -> httpx.Client:
    transport = httpx.HTTPTransport(verify=stack.tls, local_address=source_address)
    return httpx.Client(transport=transport, timeout=15)


@pytest.fixture(scope="module")
def edge(local_stack: RunningStack) -> Iterator[Edge]:
    with edge_client(local_stack, "127.0.0.2") as client:
        yield Edge(local_stack, client)


def run_admin_cli(stack: RunningStack, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m auth_service.admin`` against the stack's database, as an operator would."""
    env = {**os.environ, "DND_ENV": "development",
           "DND_DATABASE_URL": f"postgresql+asyncpg://postgres@127.0.0.1:{stack.postgres_port}/dnd",
           "DND_REDIS_URL": f"redis://127.0.0.1:{stack.redis_port}/0", "DND_VAR_DIR": str(stack.var_dir)}
    return subprocess.run([sys.executable, "-m", "auth_service.admin", *args], env=env, capture_output=True,
                          text=True, timeout=60, cwd=stack.repo)


@pytest.fixture(scope="module")
def admin_bearer(edge: Edge) -> dict[str, str]:
    """The first admin, made with the documented CLI."""
    user = edge.register(name="Admin")
    result = run_admin_cli(edge.stack, "grant-admin", user["email"])
    assert result.returncode == 0, result.stderr
    return bearer(edge.login(user["email"]))
