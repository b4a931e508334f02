"""Admin user management, the audit log, and the first-admin CLI."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from dnd_shared.testing.fixtures import TestInfra

from .conftest import PASSWORD, AuthApi


async def test_admin_routes_refuse_players(api: AuthApi) -> None:
    _, player = await api.user_with_tokens()
    response = await api.through_edge("GET", "/api/v1/auth/users", api.bearer(player))
    assert response.status_code == 403 and response.json()["error"]["code"] == "admin_required"
    assert (await api.through_edge("GET", "/api/v1/auth/audit-events", api.bearer(player))).status_code == 403


async def test_admin_lists_disables_and_changes_roles(api: AuthApi, admin_tokens: dict[str, str]) -> None:
    admin = api.bearer(admin_tokens)
    user, tokens = await api.user_with_tokens()
    listed = await api.through_edge("GET", "/api/v1/auth/users", admin, params={"email": user["email"]})
    assert [u["id"] for u in listed.json()["items"]] == [user["id"]]

    granted = await api.through_edge("PUT", f"/api/v1/auth/users/{user['id']}/roles/admin", admin)
    assert granted.status_code == 200 and granted.json()["roles"] == ["admin", "player"]
    # Tokens minted with the old roles die at once; a refresh carries the new roles.
    assert (await api.verify(api.bearer(tokens))).json()["error"]["code"] == "token_revoked"
    refreshed = (await api.client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})).json()
    assert (await api.verify(api.bearer(refreshed))).headers["X-User-Roles"] == "admin,player"
    revoked = await api.through_edge("DELETE", f"/api/v1/auth/users/{user['id']}/roles/admin", admin)
    assert revoked.json()["roles"] == ["player"]
    unknown_role = await api.through_edge("PUT", f"/api/v1/auth/users/{user['id']}/roles/wizard", admin)
    assert unknown_role.status_code == 422

    disabled = await api.through_edge("POST", f"/api/v1/auth/users/{user['id']}/disable", admin)
    assert disabled.status_code == 200 and disabled.json()["disabled_at"] is not None
    login = await api.client.post("/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD})
    assert login.status_code == 401 and login.json()["error"]["code"] == "invalid_credentials"
    enabled = await api.through_edge("POST", f"/api/v1/auth/users/{user['id']}/enable", admin)
    assert enabled.json()["disabled_at"] is None
    await api.login(user["email"])

    missing = await api.through_edge("POST", f"/api/v1/auth/users/{uuid.uuid4()}/disable", admin)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "user_not_found"
    me = (await api.through_edge("GET", "/api/v1/auth/me", admin)).json()
    last_admin = await api.through_edge("DELETE", f"/api/v1/auth/users/{me['id']}/roles/admin", admin)
    assert last_admin.status_code == 409 and last_admin.json()["error"]["code"] == "last_admin"

    events = await api.through_edge("GET", "/api/v1/auth/audit-events", admin, params={"user_id": user["id"]})
    types = [e["event_type"] for e in events.json()["items"]]
    assert types[:6] == ["login_succeeded", "user_enabled", "login_failed", "user_disabled", "role_revoked",
                         "role_granted"]
    filtered = await api.through_edge("GET", "/api/v1/auth/audit-events", admin,
                                      params={"event_type": "role_granted", "limit": 1})
    assert filtered.json()["items"][0]["event_type"] == "role_granted"


def test_grant_admin_cli(infra: TestInfra, tmp_path: Path) -> None:
    """``python -m auth_service.admin grant-admin <email>`` on committed data, as an operator runs it."""
    email = f"first-admin-{uuid.uuid4().hex[:8]}@example.com"
    env = {**os.environ, "DND_ENV": "test", "DND_DATABASE_URL": infra.database_url, "DND_REDIS_URL": infra.redis_url,
           "AUTH_JWT_PRIVATE_KEY_FILE": str(tmp_path / "k.pem"), "DND_AUTH_PUBLIC_KEY_FILE": str(tmp_path / "k.pub")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "auth_service.admin", *args], env=env, capture_output=True,
                              text=True, timeout=60)

    missing = run("grant-admin", email)
    assert missing.returncode == 1 and "no account" in missing.stderr

    async def seed_and_read(action: str) -> list[str] | None:
        engine = create_async_engine(infra.database_url)
        try:
            async with engine.begin() as connection:
                if action == "seed":
                    await connection.execute(text(
                        "INSERT INTO auth.users (id, email, display_name, password_hash) "
                        "VALUES (:id, :email, 'First', 'x')"), {"id": uuid.uuid4(), "email": email})
                    return None
                roles = (await connection.execute(text("SELECT roles FROM auth.users WHERE email = :e"),
                                                  {"e": email})).scalar_one()
                if action == "cleanup":
                    await connection.execute(text(
                        "DELETE FROM auth.audit_events WHERE user_id = (SELECT id FROM auth.users WHERE email = :e)"),
                        {"e": email})
                    await connection.execute(text("DELETE FROM auth.users WHERE email = :e"), {"e": email})
                return list(roles)
        finally:
            await engine.dispose()

    asyncio.run(seed_and_read("seed"))
    try:
        granted = run("grant-admin", email.upper())
        assert granted.returncode == 0, granted.stderr
        assert "roles: admin, player" in granted.stdout
        assert asyncio.run(seed_and_read("read")) == ["admin", "player"]
        assert run("revoke-admin", email).returncode == 1  # the only admin in this database stays admin
    finally:
        asyncio.run(seed_and_read("cleanup"))
