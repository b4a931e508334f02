"""The real X-Internal-Token verification every service installs, and require_role / require_scope."""

from __future__ import annotations

import base64
import json
import time
import uuid
from pathlib import Path
from typing import Annotated

import jwt
import pytest
from fastapi import APIRouter, Depends, FastAPI

from dnd_shared.app import create_service_app
from dnd_shared.identity import CurrentUser, Principal, require_role, require_scope
from dnd_shared.internal_token import install_internal_token_verifier
from dnd_shared.settings import ServiceSettings
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.identity import SignedIdentity

router = APIRouter(prefix="/api/v1/things")


@router.get("/me")
async def me(user: CurrentUser) -> dict[str, object]:
    return {"user_id": str(user.user_id), "roles": sorted(user.roles), "method": user.auth_method}


@router.delete("/admin-only")
async def admin_only(user: Annotated[Principal, Depends(require_role("admin"))]) -> dict[str, str]:
    return {"ok": str(user.user_id)}


@router.post("/writes", dependencies=[Depends(require_scope("things:write"))])
async def writes() -> dict[str, str]:
    return {"ok": "written"}


class ThingSettings(ServiceSettings):
    service_name: str = "things"


def create_app() -> FastAPI:
    return create_service_app(ThingSettings(), title="Things", prefix="/api/v1/things", routers=[router])


def _unsigned(claims: dict[str, object], header: dict[str, str]) -> str:
    def part(value: dict[str, object] | dict[str, str]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    return f"{part(header)}.{part(claims)}."


async def test_real_verifier_from_settings_accepts_only_tokens_signed_by_auth(
    service_client: ClientFactory, tmp_path: Path
) -> None:
    auth = SignedIdentity()
    key_file = auth.write_public_key(tmp_path / "auth_public.pem")
    user_id = uuid.uuid4()
    async with service_client(create_app, auth_public_key_file=key_file) as client:
        good = auth.headers(user_id, roles={"player"})
        response = await client.get("/api/v1/things/me", headers=good)
        assert response.status_code == 200
        assert response.json() == {"user_id": str(user_id), "roles": ["player"], "method": "bearer"}

        # Signed by someone else's key.
        response = await client.get("/api/v1/things/me", headers=SignedIdentity().headers(user_id))
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_internal_token"

        # A valid token replayed with another user's id, or with an extra role.
        forged = {**good, "X-User-Id": str(uuid.uuid4())}
        assert (await client.get("/api/v1/things/me", headers=forged)).status_code == 401
        escalated = {**good, "X-User-Roles": "player,admin"}
        response = await client.get("/api/v1/things/me", headers=escalated)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_internal_token"

        # alg none, HS256 keyed with the public key, expired.
        principal = Principal(user_id=user_id, roles=frozenset({"player"}), scopes=frozenset({"*"}))
        claims = jwt.decode(good["X-Internal-Token"], options={"verify_signature": False})
        none_token = _unsigned(claims, {"alg": "none", "typ": "JWT"})
        hs_token = _hs256(claims, auth)
        expired = auth.token(principal, ttl_seconds=10, now=time.time() - 3600)
        for token in (none_token, hs_token, expired, "garbage"):
            response = await client.get("/api/v1/things/me", headers={**good, "X-Internal-Token": token})
            assert response.status_code == 401, token
            assert response.json()["error"]["code"] == "invalid_internal_token"


def _hs256(claims: dict[str, object], auth: SignedIdentity) -> str:
    """HS256 keyed with the public key's PEM: the classic algorithm-confusion forgery."""
    import hashlib
    import hmac

    header = base64.urlsafe_b64encode(b'{"alg":"HS256","typ":"JWT"}').decode().rstrip("=")
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    signature = hmac.new(auth.public_pem(), f"{header}.{body}".encode(), hashlib.sha256).digest()
    return f"{header}.{body}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"


async def test_require_role_and_scope(service_client: ClientFactory) -> None:
    auth = SignedIdentity()

    def factory() -> FastAPI:
        app = create_app()
        auth.install(app)
        return app

    async with service_client(factory) as client:
        player = auth.headers(roles={"player"})
        admin = auth.headers(roles={"player", "admin"})
        response = await client.delete("/api/v1/things/admin-only", headers=player)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "role_required"
        assert (await client.delete("/api/v1/things/admin-only", headers=admin)).status_code == 200

        read_key = auth.headers(auth_method="api_key", scopes={"things:read"})
        response = await client.post("/api/v1/things/writes", headers=read_key)
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "scope_required"
        write_key = auth.headers(auth_method="api_key", scopes={"things:write"})
        assert (await client.post("/api/v1/things/writes", headers=write_key)).status_code == 200
        # A bearer token carries all of its user's rights.
        assert (await client.post("/api/v1/things/writes", headers=player)).status_code == 200


def test_production_refuses_a_service_without_the_public_key(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = ThingSettings(env="development")
    settings.env = "production"
    app = FastAPI()
    with pytest.raises(RuntimeError, match="DND_AUTH_PUBLIC_KEY_FILE"):
        install_internal_token_verifier(app, settings)
    settings.auth_public_key_file = Path("/etc/dnd/auth_public.pem")
    install_internal_token_verifier(app, settings)
    assert app.state.internal_token_verifier is not None
