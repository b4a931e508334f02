"""Liveness, readiness (PostgreSQL + Redis) and the public per-prefix health route."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from dnd_shared.db.engine import Database


async def _check(name: str, probe: Any) -> tuple[str, dict[str, Any]]:
    start = time.perf_counter()
    try:
        await asyncio.wait_for(probe, timeout=2.0)
        return name, {"status": "ok", "latency_ms": round((time.perf_counter() - start) * 1000, 2)}
    except Exception as exc:  # a failing dependency is reported, never raised
        return name, {"status": "error", "error": type(exc).__name__}


async def readiness(request: Request) -> tuple[bool, dict[str, Any]]:
    """Check every dependency of this instance; ready only if all are ok."""
    database: Database = request.app.state.database
    redis = request.app.state.redis
    results = dict(await asyncio.gather(_check("postgres", database.ping()), _check("redis", redis.ping())))
    hub = getattr(request.app.state, "hub", None)
    if hub is not None:  # a service that joins the hub is ready only while its hub client runs
        results["hub"] = {"status": "ok" if hub.running else "error"}
    return all(r["status"] == "ok" for r in results.values()), results


def infra_health_router() -> APIRouter:
    """``/health/live`` and ``/health/ready`` at the service root (not routed by Traefik)."""
    router = APIRouter(include_in_schema=False)

    @router.get("/health/live")
    async def live(request: Request) -> dict[str, str]:
        return {"status": "ok", "service": request.app.state.settings.service_name}

    @router.get("/health/ready")
    async def ready(request: Request) -> JSONResponse:
        ok, checks = await readiness(request)
        body = {"status": "ok" if ok else "unavailable", "service": request.app.state.settings.service_name,
                "checks": checks}
        return JSONResponse(body, status_code=200 if ok else 503)

    return router


def public_health_router(prefix: str) -> APIRouter:
    """``GET <prefix>/health``: public and tiny (no dependency details leak)."""
    router = APIRouter(prefix=prefix, tags=["health"])

    @router.get("/health", summary="Public liveness of this service")
    async def health(request: Request) -> dict[str, str]:
        settings = request.app.state.settings
        return {"status": "ok", "service": settings.service_name, "version": request.app.version}

    return router
