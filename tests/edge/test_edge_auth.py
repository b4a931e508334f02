"""Issue 3's acceptance through the real Traefik over HTTPS: forward-auth on every protected router,
forged identities refused, API-key scopes, revocation delay, refresh-token reuse, login rate limit,
admin-only routes and dashboard, body-size limit, CORS preflight."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import uuid

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .conftest import Edge, bearer, edge_client

pytestmark = pytest.mark.stack

#: The revocation delay auth_service states (AUTH_REVOCATION_CHECK_SECONDS) plus slack for the machine.
STATED_REVOCATION_DELAY = 5.0


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _jwks_public_pem(edge: Edge) -> bytes:
    """The public key exactly as an attacker gets it: from the public JWKS."""
    (jwk,) = edge.request("GET", "/api/v1/auth/.well-known/jwks.json").json()["keys"]
    raw = base64.urlsafe_b64decode(jwk["x"] + "=" * (-len(jwk["x"]) % 4))
    return Ed25519PublicKey.from_public_bytes(raw).public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def test_no_credentials_is_401_on_every_protected_prefix(edge: Edge) -> None:
    # Catalog reads are public (anonymous GETs skip forward-auth); its writes are protected.
    for method, path in (("GET", "/api/v1/auth/me"), ("GET", "/api/v1/characters"), ("GET", "/api/v1/campaigns"),
                         ("POST", "/api/v1/catalog/spell"), ("GET", "/api/v1/images"), ("GET", "/api/v1/llm"),
                         ("GET", "/api/v1/hub/services")):
        response = edge.request(method, path, json={} if method == "POST" else None)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "not_authenticated", path
        assert response.headers["www-authenticate"].startswith("Bearer"), path
        assert response.headers["strict-transport-security"].startswith("max-age=31536000"), path


def test_public_routes_need_no_credentials(edge: Edge) -> None:
    for path in ("/api/v1/auth/health", "/api/v1/characters/openapi.json", "/api/v1/catalog/docs",
                 "/api/v1/campaigns/health", "/api/v1/auth/.well-known/jwks.json"):
        assert edge.request("GET", path).status_code == 200, path
    # The hub's public status route: never behind forward-auth, whatever the hub answers today.
    assert edge.request("GET", "/api/v1/status").status_code not in (401, 403)


def test_malformed_expired_forged_and_confused_tokens_are_401(edge: Edge) -> None:
    user, good = edge.user()
    claims = jwt.decode(good["Authorization"].split()[1], options={"verify_signature": False})
    now = int(time.time())
    body = _b64(json.dumps(claims).encode())
    header_none = _b64(b'{"alg":"none","typ":"JWT"}')
    header_hs = _b64(b'{"alg":"HS256","typ":"JWT"}')
    hs_signature = hmac.new(_jwks_public_pem(edge), f"{header_hs}.{body}".encode(), hashlib.sha256).digest()
    attacker = Ed25519PrivateKey.generate()
    tokens = {
        "malformed": "eyJhbGciOi.not-a-token",
        "expired": jwt.encode({**claims, "iat": now - 7200, "exp": now - 3600}, attacker, algorithm="EdDSA"),
        "wrongly_signed": jwt.encode({**claims, "roles": ["admin", "player"]}, attacker, algorithm="EdDSA"),
        "alg_none": f"{header_none}.{body}.",
        "hs256_signed_with_the_public_key": f"{header_hs}.{body}.{_b64(hs_signature)}",
    }
    for name, token in tokens.items():
        response = edge.request("GET", "/api/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401, name
        assert response.json()["error"]["code"] in {"invalid_token", "token_expired"}, name
    assert edge.request("GET", "/api/v1/auth/me", headers=good).json()["id"] == user["id"]


def test_a_valid_token_reaches_services_with_the_right_identity(edge: Edge) -> None:
    user, headers = edge.user()
    me = edge.request("GET", "/api/v1/auth/me", headers=headers)
    assert me.status_code == 200 and me.json()["id"] == user["id"]
    # Another service: the character service stores the caller as the owner of a new draft.
    draft = edge.request("POST", "/api/v1/characters/drafts", headers=headers)
    assert draft.status_code == 201, draft.text
    assert draft.json()["owner_id"] == user["id"]


def test_client_sent_identity_headers_never_reach_a_service(edge: Edge) -> None:
    user, headers = edge.user()
    victim = edge.register()
    forged = {"X-User-Id": victim["id"], "X-User-Roles": "admin,player", "X-Auth-Method": "bearer",
              "X-Auth-Scopes": "*", "X_User_Id": victim["id"], "X-Internal-Token": "forged"}
    me = edge.request("GET", "/api/v1/auth/me", headers={**headers, **forged})
    assert me.status_code == 200 and me.json()["id"] == user["id"]
    draft = edge.request("POST", "/api/v1/characters/drafts", headers={**headers, **forged})
    assert draft.json()["owner_id"] == user["id"]
    # Without a credential the forged headers buy nothing either.
    assert edge.request("GET", "/api/v1/auth/me", headers=forged).status_code == 401


def test_direct_calls_to_service_ports_with_forged_headers_are_401(edge: Edge) -> None:
    victim = edge.register()
    forged = {"X-User-Id": victim["id"], "X-User-Roles": "admin,player", "X-Auth-Method": "bearer",
              "X-Auth-Scopes": "*"}
    for service, path in (("auth", "/api/v1/auth/me"), ("character", "/api/v1/characters")):
        url = edge.stack.service_url(service, path)
        assert httpx.get(url, headers=forged).status_code == 401, service
        with_token = httpx.get(url, headers={**forged, "X-Internal-Token": "eyJhbGciOiJub25lIn0.e30."})
        assert with_token.status_code == 401, service
        assert with_token.json()["error"]["code"] == "invalid_internal_token", service


def test_read_only_api_key_cannot_write_and_a_revoked_key_stops_within_the_stated_delay(edge: Edge) -> None:
    _, headers = edge.user()
    created = edge.request("POST", "/api/v1/auth/api-keys", headers=headers,
                           json={"name": "reader", "scopes": ["characters:read"]})
    assert created.status_code == 201, created.text
    key = {"X-API-Key": created.json()["key"]}
    assert edge.request("GET", "/api/v1/characters", headers=key).status_code == 200
    write = edge.request("POST", "/api/v1/characters/drafts", headers=key)
    assert write.status_code == 403 and write.json()["error"]["code"] == "insufficient_scope"
    assert edge.request("GET", "/api/v1/auth/api-keys", headers=key).status_code == 403

    revoked = edge.request("DELETE", f"/api/v1/auth/api-keys/{created.json()['id']}", headers=headers)
    assert revoked.status_code == 200
    started = time.monotonic()
    while edge.request("GET", "/api/v1/characters", headers=key).status_code == 200:
        assert time.monotonic() - started < STATED_REVOCATION_DELAY + 1.0, "revoked key still accepted"
        time.sleep(0.2)
    refused = edge.request("GET", "/api/v1/characters", headers=key)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "invalid_api_key"


def test_refresh_token_reuse_revokes_the_family(edge: Edge) -> None:
    user = edge.register()
    first = edge.login(user["email"])
    second = edge.request("POST", "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200
    reuse = edge.request("POST", "/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status_code == 401 and reuse.json()["error"]["code"] == "refresh_token_reused"
    after = edge.request("POST", "/api/v1/auth/refresh", json={"refresh_token": second.json()["refresh_token"]})
    assert after.status_code == 401
    started = time.monotonic()
    while edge.request("GET", "/api/v1/auth/me", headers=bearer(second.json())).status_code == 200:
        assert time.monotonic() - started < STATED_REVOCATION_DELAY + 1.0, "revoked session still accepted"
        time.sleep(0.2)


def test_admin_routes_and_the_dashboard_need_an_admin(edge: Edge, admin_bearer: dict[str, str]) -> None:
    _, player = edge.user()
    denied = edge.request("GET", "/api/v1/auth/users", headers=player)
    assert denied.status_code == 403 and denied.json()["error"]["code"] == "admin_required"
    assert edge.request("GET", "/api/v1/auth/users", headers=admin_bearer).status_code == 200
    audit = edge.request("GET", "/api/v1/auth/audit-events", headers=admin_bearer,
                         params={"event_type": "role_granted"})
    assert audit.status_code == 200 and audit.json()["items"]

    dashboard = f"http://127.0.0.1:{edge.stack.port_offset + 8081}/dashboard/"
    assert httpx.get(dashboard).status_code == 401
    assert httpx.get(dashboard, headers=player).status_code == 403
    assert httpx.get(dashboard, headers=admin_bearer).status_code == 200
    api = httpx.get(f"http://127.0.0.1:{edge.stack.port_offset + 8081}/api/http/routers", headers=player)
    assert api.status_code == 403


def test_request_body_size_is_limited(edge: Edge) -> None:
    _, headers = edge.user()
    too_big = edge.request("POST", "/api/v1/characters/drafts", headers={**headers, "Content-Type": "application/json"},
                           content=b"[" + b"0," * (600 * 1024) + b"0]")
    assert too_big.status_code == 413


def test_cors_preflight_is_answered_without_credentials(edge: Edge) -> None:
    response = edge.request("OPTIONS", "/api/v1/characters", headers={
        "Origin": "https://localhost:8443", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type"})
    assert response.status_code in (200, 204)
    assert response.headers["access-control-allow-origin"] == "https://localhost:8443"


def test_plain_http_is_redirected_to_https(edge: Edge) -> None:
    response = httpx.get(f"http://127.0.0.1:{edge.stack.http_port}/api/v1/auth/me", follow_redirects=False)
    assert response.status_code in (301, 308)
    assert response.headers["location"].startswith("https://127.0.0.1")


def test_a_burst_of_logins_gets_429_with_retry_after(local_stack: object) -> None:
    # Its own source address: the burst exhausts only this client's bucket.
    with edge_client(local_stack, "127.0.0.3") as client:  # type: ignore[arg-type]
        url = f"https://127.0.0.1:{local_stack.https_port}/api/v1/auth/login"  # type: ignore[attr-defined]
        statuses = []
        for _ in range(40):
            # A new email each time: the service's per-account lockout never triggers, so the 429 is
            # the edge's per-IP limit (burst 15).
            body = {"email": f"burst-{uuid.uuid4().hex}@example.com", "password": "not the password at all"}
            response = client.post(url, json=body)
            statuses.append(response.status_code)
            if response.status_code == 429:
                break
        assert statuses[0] == 401
        assert statuses[-1] == 429 and len(statuses) <= 17, statuses
        assert "login_locked" not in response.text
        assert int(response.headers["retry-after"]) >= 1
