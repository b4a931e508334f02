"""GET /auth/verify: every way a credential can be wrong, scopes, the identity it vouches for, and
how quickly revocations take effect."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import time
import uuid

import jwt
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from dnd_shared.identity import Principal
from dnd_shared.internal_token import JwtInternalTokenVerifier

from .conftest import AuthApi, AuthApiFactory


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _forgeries(api: AuthApi, claims: dict[str, object]) -> dict[str, str]:
    """Tokens an attacker can make without the private key."""
    now = int(time.time())
    header_none = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    body = _b64(json.dumps(claims).encode())
    public_pem = api.app.state.auth.keys.public_pem()
    header_hs = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    hs_signature = hmac.new(public_pem, f"{header_hs}.{body}".encode(), hashlib.sha256).digest()
    expired_claims = {**claims, "iat": now - 3600, "exp": now - 1800}
    return {
        "malformed": "not.a.jwt",
        "garbage": "abc",
        "alg_none": f"{header_none}.{body}.",
        "hs256_with_public_key": f"{header_hs}.{body}.{_b64(hs_signature)}",
        "wrongly_signed": jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA"),
        "expired": jwt.encode(expired_claims, api.app.state.auth.keys.private_key, algorithm="EdDSA"),
        "wrong_audience": jwt.encode({**claims, "aud": "dnd-internal"}, api.app.state.auth.keys.private_key,
                                     algorithm="EdDSA"),
    }


async def test_no_credentials_is_401_with_a_challenge(api: AuthApi) -> None:
    response = await api.verify({})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.json()["error"]["code"] == "not_authenticated"
    assert "X-User-Id" not in response.headers
    basic = await api.verify({"Authorization": "Basic dXNlcjpwYXNz"})
    assert basic.status_code == 401 and basic.json()["error"]["code"] == "invalid_token"


async def test_forged_and_broken_tokens_are_401(api: AuthApi) -> None:
    _user, tokens = await api.user_with_tokens()
    claims = jwt.decode(tokens["access_token"], options={"verify_signature": False})
    for name, token in _forgeries(api, claims).items():
        response = await api.verify({"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.headers["WWW-Authenticate"].startswith('Bearer realm="dnd"'), name
        assert response.json()["error"]["code"] in {"invalid_token", "token_expired"}, name
        assert "X-Internal-Token" not in response.headers, name


async def test_valid_token_yields_identity_headers_and_a_verifiable_internal_token(api: AuthApi) -> None:
    user, tokens = await api.user_with_tokens()
    response = await api.verify(api.bearer(tokens), "POST", "/api/v1/characters")
    assert response.status_code == 200
    assert response.headers["X-User-Id"] == user["id"]
    assert response.headers["X-User-Roles"] == "player"
    assert response.headers["X-Auth-Method"] == "bearer"
    assert response.headers["X-Auth-Scopes"] == "*"
    token = response.headers["X-Internal-Token"]
    claims = jwt.decode(token, api.app.state.auth.keys.public_key, algorithms=["EdDSA"], audience="dnd-internal",
                        issuer="dnd-auth")
    assert claims["exp"] - claims["iat"] == 60
    # Exactly what every other service runs, with the public key file auth wrote.
    verifier_key = (api.key_dir / "auth_public.pem").read_bytes()
    assert verifier_key == api.app.state.auth.keys.public_pem()
    JwtInternalTokenVerifier(api.app.state.auth.keys.public_key, issuer="dnd-auth").verify(
        token, Principal(uuid.UUID(user["id"]), frozenset({"player"}), frozenset({"*"}), "bearer"))


async def test_the_service_sees_the_right_identity_and_never_a_forged_one(api: AuthApi) -> None:
    user, tokens = await api.user_with_tokens()
    other = await api.register()
    # Through the edge: the client's own X-User-Id is replaced by the vouched one.
    response = await api.through_edge("GET", "/api/v1/auth/me", {**api.bearer(tokens), "X-User-Id": other["id"]})
    assert response.status_code == 200 and response.json()["id"] == user["id"]
    # Straight to the service port with forged headers: 401.
    forged = await api.client.get("/api/v1/auth/me", headers={
        "X-User-Id": other["id"], "X-User-Roles": "admin", "X-Auth-Method": "bearer", "X-Auth-Scopes": "*"})
    assert forged.status_code == 401
    # A real internal token for the user, replayed with another user's id: 401.
    verdict = await api.verify(api.bearer(tokens))
    replayed = {name: verdict.headers[name] for name in ("X-User-Roles", "X-Auth-Method", "X-Auth-Scopes",
                                                           "X-Internal-Token")}
    replay = await api.client.get("/api/v1/auth/me", headers={**replayed, "X-User-Id": other["id"]})
    assert replay.status_code == 401 and replay.json()["error"]["code"] == "invalid_internal_token"


async def test_api_key_scopes_are_enforced_per_method_and_prefix(api: AuthApi) -> None:
    _, tokens = await api.user_with_tokens()
    created = await api.through_edge("POST", "/api/v1/auth/api-keys", api.bearer(tokens),
                                     json={"name": "reader", "scopes": ["characters:read", "catalog:read"]})
    assert created.status_code == 201, created.text
    key = {"X-API-Key": created.json()["key"]}
    ok = await api.verify(key, "GET", "/api/v1/characters/123?expand=1")
    assert ok.status_code == 200
    assert ok.headers["X-Auth-Method"] == "api_key"
    assert ok.headers["X-Auth-Scopes"] == "catalog:read,characters:read"
    write = await api.verify(key, "POST", "/api/v1/characters")
    assert write.status_code == 403 and write.json()["error"]["code"] == "insufficient_scope"
    assert (await api.verify(key, "DELETE", "/api/v1/catalog/x")).status_code == 403
    assert (await api.verify(key, "GET", "/api/v1/campaigns")).status_code == 403
    sneaky = await api.verify(key, "GET", "/api/v1/catalog/../auth/api-keys")
    assert sneaky.status_code == 403 and sneaky.json()["error"]["code"] == "api_key_not_allowed"
    # An API key can never manage keys or accounts.
    assert (await api.verify(key, "GET", "/api/v1/auth/me")).status_code == 403
    malformed = await api.verify({"X-API-Key": "dndk_" + "a" * 32 + "_AAAAAA"})
    assert malformed.status_code == 401 and malformed.json()["error"]["code"] == "invalid_api_key"


async def test_revoked_api_key_is_refused_and_last_use_is_recorded(api: AuthApi) -> None:
    _, tokens = await api.user_with_tokens()
    created = (await api.through_edge("POST", "/api/v1/auth/api-keys", api.bearer(tokens),
                                      json={"name": "bot", "scopes": ["characters:write"]})).json()
    key = {"X-API-Key": created["key"]}
    assert (await api.verify(key, "POST", "/api/v1/characters")).status_code == 200
    listed = (await api.through_edge("GET", "/api/v1/auth/api-keys", api.bearer(tokens))).json()["items"]
    assert listed[0]["last_used_at"] is not None and "key" not in listed[0]
    revoked = await api.through_edge("DELETE", f"/api/v1/auth/api-keys/{created['id']}", api.bearer(tokens))
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    refused = await api.verify(key, "POST", "/api/v1/characters")
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "invalid_api_key"


async def test_revocation_takes_effect_within_the_stated_delay(auth_api_factory: AuthApiFactory) -> None:
    delay = 0.5
    async with auth_api_factory(revocation_check_seconds=delay) as api:
        _, tokens = await api.user_with_tokens()
        created = (await api.through_edge("POST", "/api/v1/auth/api-keys", api.bearer(tokens),
                                          json={"name": "bot", "scopes": ["characters:read"]})).json()
        key = {"X-API-Key": created["key"]}
        assert (await api.verify(key)).status_code == 200
        await api.through_edge("DELETE", f"/api/v1/auth/api-keys/{created['id']}", api.bearer(tokens))
        # This replica cached the key a moment ago; after `delay` it asks Redis and sees the tombstone.
        await asyncio.sleep(delay + 0.1)
        assert (await api.verify(key)).status_code == 401
        # Logout ends the session: its access token is refused after the same delay.
        assert (await api.verify(api.bearer(tokens))).status_code == 200
        await api.client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
        await asyncio.sleep(delay + 0.1)
        refused = await api.verify(api.bearer(tokens))
        assert refused.status_code == 401 and refused.json()["error"]["code"] == "session_revoked"


async def test_admin_verify_needs_an_admins_bearer_token(api: AuthApi, admin_tokens: dict[str, str]) -> None:
    _, player = await api.user_with_tokens()
    assert (await api.client.get("/auth/verify/admin")).status_code == 401
    denied = await api.client.get("/auth/verify/admin", headers=api.bearer(player))
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "admin_required"
    allowed = await api.client.get("/auth/verify/admin", headers=api.bearer(admin_tokens))
    assert allowed.status_code == 200 and allowed.headers["X-User-Roles"] == "admin,player"


async def test_verify_answers_carry_the_request_id_and_are_counted(api: AuthApi) -> None:
    response = await api.client.get("/auth/verify", headers={"X-Request-ID": "edge-trace-1"})
    assert response.status_code == 401
    assert response.headers["x-request-id"] == "edge-trace-1"
    assert response.json()["error"]["request_id"] == "edge-trace-1"
    metrics = (await api.client.get("/metrics")).text
    assert 'route="/auth/verify",service="auth",status="401"' in metrics


async def test_whoami_is_open_to_every_valid_credential(api: AuthApi) -> None:
    user, tokens = await api.user_with_tokens()
    created = (await api.through_edge("POST", "/api/v1/auth/api-keys", api.bearer(tokens),
                                      json={"name": "any", "scopes": ["images:read"]})).json()
    as_key = await api.through_edge("GET", "/api/v1/auth/whoami", {"X-API-Key": created["key"]})
    assert as_key.status_code == 200
    assert as_key.json() == {"user_id": user["id"], "roles": ["player"], "scopes": ["images:read"],
                             "auth_method": "api_key"}
    as_bearer = (await api.through_edge("GET", "/api/v1/auth/whoami", api.bearer(tokens))).json()
    assert as_bearer["auth_method"] == "bearer" and as_bearer["scopes"] == ["*"]
    # Still nothing else of auth for a key.
    assert (await api.verify({"X-API-Key": created["key"]}, "GET", "/api/v1/auth/me")).status_code == 403
