"""Refresh-token rotation, reuse detection, logout, JWKS."""

from __future__ import annotations

import uuid

import jwt
from sqlalchemy import select

from auth_service.audit.models import AuditEvent
from auth_service.tokens.models import RefreshToken
from auth_service.tokens.service import hash_refresh_token

from .conftest import AuthApi


async def test_refresh_rotates_and_stores_only_a_digest(api: AuthApi) -> None:
    _, tokens = await api.user_with_tokens()
    rotated = await api.client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != tokens["refresh_token"] and new["access_token"] != tokens["access_token"]
    old_sid = jwt.decode(tokens["access_token"], options={"verify_signature": False})["sid"]
    assert jwt.decode(new["access_token"], options={"verify_signature": False})["sid"] == old_sid
    async with api.app.state.database.session() as session:
        rows = (await session.execute(select(RefreshToken).where(
            RefreshToken.family_id == uuid.UUID(old_sid)))).scalars().all()
    assert len(rows) == 2
    assert {r.token_hash for r in rows} == {hash_refresh_token(tokens["refresh_token"]),
                                            hash_refresh_token(new["refresh_token"])}
    assert all(tokens["refresh_token"] not in r.token_hash for r in rows)


async def test_reusing_a_rotated_refresh_token_revokes_the_whole_family(api: AuthApi) -> None:
    user, tokens = await api.user_with_tokens()
    second = (await api.client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})).json()
    # The thief (or a confused client) replays the first token.
    reuse = await api.client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert reuse.status_code == 401
    assert reuse.json()["error"]["code"] == "refresh_token_reused"
    # The legitimate holder's newer token is dead too, and so are the family's access tokens.
    after = await api.client.post("/api/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status_code == 401 and after.json()["error"]["code"] == "invalid_refresh_token"
    verdict = await api.verify(api.bearer(second))
    assert verdict.status_code == 401 and verdict.json()["error"]["code"] == "session_revoked"
    # Another session of the same user is untouched.
    other_session = await api.login(user["email"])
    assert (await api.verify(api.bearer(other_session))).status_code == 200
    async with api.app.state.database.session() as session:
        events = (await session.execute(select(AuditEvent.event_type).where(
            AuditEvent.user_id == uuid.UUID(user["id"])))).scalars().all()
    assert "refresh_reuse_detected" in events


async def test_unknown_refresh_token_and_logout(api: AuthApi) -> None:
    _, tokens = await api.user_with_tokens()
    unknown = await api.client.post("/api/v1/auth/refresh", json={"refresh_token": "rt_nope"})
    assert unknown.status_code == 401 and unknown.json()["error"]["code"] == "invalid_refresh_token"
    assert unknown.headers["WWW-Authenticate"].startswith("Bearer")
    logout = await api.client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert logout.status_code == 204
    again = await api.client.post("/api/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert again.status_code == 204
    refused = await api.client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refused.status_code == 401


async def test_jwks_publishes_the_key_that_verifies_access_tokens(api: AuthApi) -> None:
    _, tokens = await api.user_with_tokens()
    response = await api.client.get("/api/v1/auth/.well-known/jwks.json")
    assert response.status_code == 200
    (jwk,) = response.json()["keys"]
    assert jwk["kty"] == "OKP" and jwk["crv"] == "Ed25519" and jwk["alg"] == "EdDSA" and jwk["use"] == "sig"
    assert "d" not in jwk  # never the private part
    key = jwt.PyJWK(jwk)
    assert jwt.get_unverified_header(tokens["access_token"])["kid"] == jwk["kid"]
    claims = jwt.decode(tokens["access_token"], key, algorithms=["EdDSA"], audience="dnd-api")
    assert claims["iss"] == "dnd-auth"
