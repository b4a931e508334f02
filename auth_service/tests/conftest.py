"""Fixtures of the auth service tests: the app on the real PostgreSQL/Redis with a private keypair
and cheap Argon2 parameters, users, and a stand-in for Traefik that applies forward-auth exactly as
the edge does (client identity headers dropped, ``authResponseHeaders`` copied)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from auth_service.main import create_app
from dnd_shared.identity import IDENTITY_HEADERS
from dnd_shared.testing.fixtures import ClientFactory

PASSWORD = "correct horse battery staple"
CHEAP_ARGON2 = {"argon2_time_cost": 1, "argon2_memory_cost_kib": 1024, "argon2_parallelism": 1}


@dataclass
class AuthApi:
    client: httpx.AsyncClient
    app: FastAPI
    key_dir: Path

    async def register(self, email: str | None = None, password: str = PASSWORD, name: str = "Tester"
                       ) -> dict[str, Any]:
        email = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
        response = await self.client.post("/api/v1/auth/register",
                                          json={"email": email, "display_name": name, "password": password})
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def login(self, email: str, password: str = PASSWORD) -> dict[str, Any]:
        response = await self.client.post("/api/v1/auth/login", json={"email": email, "password": password})
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def user_with_tokens(self) -> tuple[dict[str, Any], dict[str, Any]]:
        user = await self.register()
        return user, await self.login(user["email"])

    async def verify(self, headers: dict[str, str], method: str = "GET", uri: str = "/api/v1/characters"
                     ) -> httpx.Response:
        return await self.client.get("/auth/verify", headers={
            **headers, "X-Forwarded-Method": method, "X-Forwarded-Uri": uri})

    async def through_edge(self, method: str, path: str, credentials: dict[str, str], **kwargs: Any
                           ) -> httpx.Response:
        """What Traefik does: forward-auth first; on 200 the identity headers from its answer replace
        anything the client sent; otherwise the forward-auth answer goes back to the client."""
        verdict = await self.verify(credentials, method, path)
        if verdict.status_code != 200:
            return verdict
        headers = {k: v for k, v in {**credentials, **kwargs.pop("headers", {})}.items()
                   if k not in IDENTITY_HEADERS}
        headers.update({name: verdict.headers[name] for name in IDENTITY_HEADERS if name in verdict.headers})
        return await self.client.request(method, path, headers=headers, **kwargs)

    def bearer(self, tokens: dict[str, Any]) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens['access_token']}"}


AuthApiFactory = Callable[..., AbstractAsyncContextManager[AuthApi]]


@pytest.fixture
def auth_api_factory(service_client: ClientFactory, tmp_path: Path) -> AuthApiFactory:
    @asynccontextmanager
    async def open_api(**overrides: Any) -> AsyncIterator[AuthApi]:
        holder: dict[str, FastAPI] = {}

        def factory() -> FastAPI:
            holder["app"] = create_app()
            return holder["app"]

        settings = {"jwt_private_key_file": tmp_path / "keys" / "auth_private.pem",
                    "auth_public_key_file": tmp_path / "keys" / "auth_public.pem",
                    "revocation_check_seconds": 0.0, **CHEAP_ARGON2, **overrides}
        async with service_client(factory, **settings) as client:
            yield AuthApi(client, holder["app"], tmp_path / "keys")

    return open_api


@pytest.fixture
async def api(auth_api_factory: AuthApiFactory) -> AsyncIterator[AuthApi]:
    async with auth_api_factory() as opened:
        yield opened


@pytest.fixture
async def admin_tokens(api: AuthApi) -> dict[str, Any]:
    """A registered user made admin the way an operator does it (the CLI's code path)."""
    from auth_service.accounts.models import ADMIN
    from auth_service.accounts.repository import UserRepository
    from auth_service.accounts.service import AccountService

    user = await api.register(name="Admin")
    async with api.app.state.database.session() as session:
        account = await UserRepository(session).get_by_email(user["email"])
        assert account is not None
        await AccountService(session, api.app.state.auth).set_role(None, account, ADMIN, True, ip=None)
    return await api.login(user["email"])
