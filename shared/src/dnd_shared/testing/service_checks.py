"""The checks every service's own test suite runs on its app shape (one definition, seven users)."""

from __future__ import annotations

import httpx

from dnd_shared.fleet import service


async def check_service_basics(client: httpx.AsyncClient, name: str) -> None:
    """Liveness, readiness on the real PostgreSQL and Redis, public health, metrics, OpenAPI, 404 envelope."""
    spec = service(name)
    prefix = spec.prefixes[0]
    live = await client.get("/health/live")
    assert live.status_code == 200 and live.json()["service"] == name
    ready = await client.get("/health/ready")
    assert ready.status_code == 200, ready.text
    assert {check["status"] for check in ready.json()["checks"].values()} == {"ok"}
    public = await client.get(f"{prefix}/health")
    assert public.status_code == 200 and public.json()["service"] == name
    openapi = await client.get(f"{prefix}/openapi.json")
    assert openapi.status_code == 200 and openapi.json()["openapi"].startswith("3.")
    missing = await client.get(f"{prefix}/definitely/not/here")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    metrics = await client.get("/metrics")
    assert f'service="{name}"' in metrics.text and "http_request_duration_seconds" in metrics.text
