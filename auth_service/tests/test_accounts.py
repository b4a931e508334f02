"""Accounts: registration and its password policy, login, no enumeration, lockout, rehash, /me."""

from __future__ import annotations

import statistics
import time
import uuid

import jwt
from sqlalchemy import select

from auth_service.accounts.models import User
from auth_service.accounts.passwords import PasswordHasher
from auth_service.audit.models import AuditEvent

from .conftest import PASSWORD, AuthApi, AuthApiFactory


async def test_register_creates_a_player_and_never_echoes_the_password(api: AuthApi) -> None:
    response = await api.client.post("/api/v1/auth/register", json={
        "email": "  Alice@Example.COM ", "display_name": " Alice ", "password": PASSWORD})
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "alice@example.com"
    assert body["display_name"] == "Alice"
    assert body["roles"] == ["player"]
    assert PASSWORD not in response.text and "password" not in body
    async with api.app.state.database.session() as session:
        user = (await session.execute(select(User).where(User.email == "alice@example.com"))).scalar_one()
        assert user.password_hash.startswith("$argon2id$")
    duplicate = await api.client.post("/api/v1/auth/register", json={
        "email": "alice@example.com", "display_name": "Other", "password": PASSWORD})
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["code"] == "email_taken"


async def test_weak_passwords_are_refused_with_field_details(api: AuthApi) -> None:
    cases = {
        "short-one": "must be at least 12 characters long",
        "password1234": "is too common; choose a longer passphrase",
        "Qwertyuiop123!": "is too common; choose a longer passphrase",
        "abcabcabcabcabc": "is too common; choose a longer passphrase",
        "gandalf-the-grey-77": "must not contain your email address",
    }
    for password, issue in cases.items():
        response = await api.client.post("/api/v1/auth/register", json={
            "email": "gandalf@example.com", "display_name": "G", "password": password})
        assert response.status_code == 422, password
        error = response.json()["error"]
        assert error["code"] == "weak_password"
        assert {"field": "password", "issue": issue} in error["details"], (password, error)
    bad_email = await api.client.post("/api/v1/auth/register", json={
        "email": "not-an-email", "display_name": "G", "password": PASSWORD})
    assert bad_email.status_code == 422
    assert bad_email.json()["error"]["details"][0]["field"] == "email"


async def test_login_issues_a_short_eddsa_access_token_with_the_required_claims(api: AuthApi) -> None:
    user = await api.register()
    tokens = await api.login(user["email"].upper())
    assert tokens["token_type"] == "Bearer" and tokens["expires_in"] == 900
    assert tokens["refresh_token"].startswith("rt_")
    header = jwt.get_unverified_header(tokens["access_token"])
    assert header["alg"] == "EdDSA" and header["kid"] == api.app.state.auth.keys.kid
    claims = jwt.decode(tokens["access_token"], api.app.state.auth.keys.public_key, algorithms=["EdDSA"],
                        audience="dnd-api", issuer="dnd-auth")
    assert {"iss", "aud", "sub", "roles", "exp", "iat", "jti"} <= claims.keys()
    assert claims["sub"] == user["id"] and claims["roles"] == ["player"]
    assert claims["exp"] - claims["iat"] == 900


async def test_unknown_email_and_wrong_password_look_the_same(auth_api_factory: AuthApiFactory) -> None:
    # The production Argon2 cost, so skipping the hash for unknown emails would show (≈ 45 ms here).
    async with auth_api_factory(argon2_time_cost=2, argon2_memory_cost_kib=19456) as api:
        await _same_answer_and_time(api)


async def _same_answer_and_time(api: AuthApi) -> None:
    user = await api.register()

    async def attempt(email: str) -> tuple[int, dict[str, object], float]:
        start = time.perf_counter()
        response = await api.client.post("/api/v1/auth/login", json={"email": email, "password": "wrong" * 3})
        elapsed = time.perf_counter() - start
        error = response.json()["error"]
        return response.status_code, {k: v for k, v in error.items() if k != "request_id"}, elapsed

    known, unknown = [], []
    for _ in range(4):  # interleaved, so load on the machine hits both alike (4 < the lockout's 5)
        known.append(await attempt(user["email"]))
        unknown.append(await attempt(f"nobody-{uuid.uuid4().hex}@example.com"))
    assert {(s, str(e)) for s, e, _ in known} == {(s, str(e)) for s, e, _ in unknown}
    assert known[0][0] == 401 and known[0][1]["code"] == "invalid_credentials"
    # Both paths run one Argon2 verification: similar time (generous bound against CI noise).
    known_ms = statistics.median(t for *_, t in known) * 1000
    unknown_ms = statistics.median(t for *_, t in unknown) * 1000
    assert abs(known_ms - unknown_ms) < max(known_ms, unknown_ms) * 0.5, (known_ms, unknown_ms)


async def test_repeated_failures_lock_the_account_with_retry_after(api: AuthApi) -> None:
    user = await api.register()
    for _ in range(4):
        response = await api.client.post("/api/v1/auth/login", json={"email": user["email"], "password": "x" * 12})
        assert response.status_code == 401
    fifth = await api.client.post("/api/v1/auth/login", json={"email": user["email"], "password": "x" * 12})
    assert fifth.status_code == 401  # the failure that locks is still answered as a failure
    locked = await api.client.post("/api/v1/auth/login", json={"email": user["email"], "password": PASSWORD})
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "login_locked"
    assert 1 <= int(locked.headers["Retry-After"]) <= 30
    # An unknown address locks the same way (no enumeration through lockouts).
    ghost = f"ghost-{uuid.uuid4().hex}@example.com"
    for _ in range(5):
        await api.client.post("/api/v1/auth/login", json={"email": ghost, "password": "x" * 12})
    assert (await api.client.post("/api/v1/auth/login", json={"email": ghost, "password": "y" * 12})).status_code == 429
    async with api.app.state.database.session() as session:
        events = (await session.execute(select(AuditEvent.event_type).where(
            AuditEvent.user_id == uuid.UUID(user["id"])))).scalars().all()
    assert events.count("login_failed") == 5 and events.count("login_locked") == 1


async def test_login_rehashes_when_argon2_parameters_change(auth_api_factory: AuthApiFactory) -> None:
    async with auth_api_factory() as api:
        user = await api.register()
        async with api.app.state.database.session() as session:
            old_hash = (await session.execute(select(User.password_hash).where(
                User.email == user["email"]))).scalar_one()
        assert "m=1024" in old_hash
        # The operator raises the cost: the next login stores a hash with the new parameters.
        api.app.state.auth.hasher = PasswordHasher(time_cost=2, memory_cost_kib=2048, parallelism=1)
        await api.login(user["email"])
        async with api.app.state.database.session() as session:
            new_hash = (await session.execute(select(User.password_hash).where(
                User.email == user["email"]))).scalar_one()
        assert "m=2048" in new_hash and "t=2" in new_hash


async def test_me_and_change_password_end_other_sessions(api: AuthApi) -> None:
    user, tokens = await api.user_with_tokens()
    me = await api.through_edge("GET", "/api/v1/auth/me", api.bearer(tokens))
    assert me.status_code == 200 and me.json()["id"] == user["id"]
    wrong = await api.through_edge("POST", "/api/v1/auth/me/password", api.bearer(tokens),
                                   json={"current_password": "nope" * 4, "new_password": "a brand new passphrase"})
    assert wrong.status_code == 422 and wrong.json()["error"]["code"] == "wrong_password"
    changed = await api.through_edge("POST", "/api/v1/auth/me/password", api.bearer(tokens),
                                     json={"current_password": PASSWORD, "new_password": "a brand new passphrase"})
    assert changed.status_code == 200
    # The old access and refresh tokens are dead; the returned pair works; the new password logs in.
    old_access = await api.verify(api.bearer(tokens))
    assert old_access.status_code == 401
    assert old_access.json()["error"]["code"] in {"token_revoked", "session_revoked"}
    refresh = await api.client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 401
    assert (await api.verify(api.bearer(changed.json()))).status_code == 200
    await api.login(user["email"], "a brand new passphrase")
