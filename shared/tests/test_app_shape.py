"""The app shape every service shares: error envelope, request ids, metrics, health, identity."""

from __future__ import annotations

import uuid
from pathlib import Path

import httpx
import pytest
from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from dnd_shared.app import create_service_app
from dnd_shared.errors import ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.identity import CurrentUser, Principal
from dnd_shared.settings import ServiceSettings
from dnd_shared.testing.fixtures import ClientFactory

router = APIRouter(prefix="/api/v1/things")


class ThingIn(BaseModel):
    name: str = Field(min_length=1, max_length=20)
    level: int = Field(ge=1, le=20)
    tags: list[str] = []


@router.post("", status_code=201)
async def create_thing(body: ThingIn) -> dict[str, str]:
    return {"name": body.name}


@router.get("/{thing_id}")
async def get_thing(thing_id: uuid.UUID) -> dict[str, str]:
    raise NotFoundError(f"No thing with id {thing_id}.", code="thing_not_found")


@router.post("/rules")
async def break_rules() -> None:
    raise UnprocessableError("Two rules broken.", details=[ErrorDetail("a", "x"), ErrorDetail("b[1].c", "y")])


@router.get("/boom/now")
async def boom() -> None:
    raise RuntimeError("secret internals")


@router.get("/db/lost")
async def database_lost() -> None:
    from sqlalchemy.exc import OperationalError

    raise OperationalError("SELECT 1", {}, ConnectionResetError("server closed the connection"))


@router.get("/me/whoami")
async def whoami(user: CurrentUser) -> dict[str, str]:
    return {"user_id": str(user.user_id)}


class AcceptingVerifier:
    def verify(self, token: str, principal: Principal) -> None:
        if token != "good":
            from dnd_shared.errors import UnauthorizedError

            raise UnauthorizedError("bad internal token", code="invalid_internal_token")


class ThingSettings(ServiceSettings):
    service_name: str = "things"


def create_app() -> FastAPI:
    return create_service_app(ThingSettings(), title="Things", prefix="/api/v1/things", routers=[router])


@pytest.fixture
async def client(service_client: ClientFactory) -> httpx.AsyncClient:
    async with service_client(create_app) as c:
        yield c  # type: ignore[misc]


async def test_validation_error_envelope_names_every_field(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/things", json={"name": "", "level": 21, "tags": ["ok", 3]})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert {d["field"] for d in error["details"]} == {"name", "level", "tags[1]"}
    assert error["request_id"] == response.headers["x-request-id"]


async def test_malformed_json_is_422_not_500(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/things", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_unknown_route_is_enveloped_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/nowhere")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "not_found"
    assert "/api/v1/nowhere" in error["message"]
    assert error["details"] == []


async def test_wrong_method_is_405_envelope(client: httpx.AsyncClient) -> None:
    response = await client.delete("/api/v1/things")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


async def test_typed_errors_and_path_param_validation(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/api/v1/things/{uuid.uuid4()}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "thing_not_found"
    response = await client.get("/api/v1/things/not-a-uuid")
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "path.thing_id"
    response = await client.post("/api/v1/things/rules")
    assert [d["field"] for d in response.json()["error"]["details"]] == ["a", "b[1].c"]


async def test_unexpected_error_is_generic_500_without_internals(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/things/boom/now")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert "secret internals" not in response.text


async def test_request_id_is_accepted_or_generated(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/live", headers={"X-Request-ID": "trace-abc.123"})
    assert response.headers["x-request-id"] == "trace-abc.123"
    generated = (await client.get("/health/live")).headers["x-request-id"]
    assert len(generated) == 32
    # An id that could inject into logs is replaced.
    for hostile in ("a b\tc", "x" * 200, '{"json":1}'):
        replaced = (await client.get("/health/live", headers={"X-Request-ID": hostile})).headers["x-request-id"]
        assert replaced != hostile and len(replaced) == 32


async def test_health_ready_checks_real_postgres_and_redis(client: httpx.AsyncClient) -> None:
    response = await client.get("/health/ready")
    assert response.status_code == 200
    body = response.json()
    assert body["checks"]["postgres"]["status"] == "ok"
    assert body["checks"]["redis"]["status"] == "ok"
    public = await client.get("/api/v1/things/health")
    assert public.json() == {"status": "ok", "service": "things", "version": "0.1.0"}


async def test_metrics_use_route_templates_never_raw_paths(client: httpx.AsyncClient) -> None:
    thing_id = uuid.uuid4()
    await client.get(f"/api/v1/things/{thing_id}")
    await client.get("/api/v1/does-not-exist/123")
    text = (await client.get("/metrics")).text
    assert 'route="/api/v1/things/{thing_id}"' in text
    assert str(thing_id) not in text
    assert "does-not-exist" not in text
    assert 'route="unmatched"' in text


async def test_identity_needs_a_verified_internal_token(service_client: ClientFactory, tmp_path: Path) -> None:
    user_id = str(uuid.uuid4())
    # The app factory installs the real verifier; here auth's public key is not there (yet).
    async with service_client(create_app, auth_public_key_file=tmp_path / "absent.pem") as client:
        # No identity at all.
        response = await client.get("/api/v1/things/me/whoami")
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "not_authenticated"
        # Forged headers and nothing to verify them with: closed by default.
        response = await client.get("/api/v1/things/me/whoami",
                                    headers={"X-User-Id": user_id, "X-Internal-Token": "x"})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "identity_unverified"


async def test_identity_with_verifier(service_client: ClientFactory) -> None:
    app_holder: dict[str, FastAPI] = {}

    def factory() -> FastAPI:
        app = create_app()
        app.state.internal_token_verifier = AcceptingVerifier()
        app_holder["app"] = app
        return app

    user_id = str(uuid.uuid4())
    async with service_client(factory) as client:
        ok = await client.get("/api/v1/things/me/whoami",
                              headers={"X-User-Id": user_id, "X-User-Roles": "player", "X-Internal-Token": "good"})
        assert ok.status_code == 200 and ok.json() == {"user_id": user_id}
        bad = await client.get("/api/v1/things/me/whoami", headers={"X-User-Id": user_id, "X-Internal-Token": "bad"})
        assert bad.status_code == 401
        assert bad.json()["error"]["code"] == "invalid_internal_token"
        malformed = await client.get("/api/v1/things/me/whoami", headers={"X-User-Id": "nope", "X-Internal-Token": "good"})
        assert malformed.json()["error"]["code"] == "invalid_identity"


async def test_lost_database_connection_is_503_with_retry_after(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/v1/things/db/lost")
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"
    assert response.json()["error"]["code"] == "database_unavailable"
    assert "server closed" not in response.text
