"""The README's run command, end to end: the runner starts PostgreSQL, Redis, Traefik and every
service; every public health route answers through Traefik over HTTPS; HTTP redirects; Ctrl-C
leaves nothing running; a restart finds the data; a second runner on the same data refuses."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
import redis

from dnd_shared.fleet import FLEET
from dnd_shared.testing.stack import RunningStack, pick_port_offset

pytestmark = pytest.mark.stack


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead for our purposes.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split()[2] == "Z")


@pytest.fixture(scope="module")
def own_stack(pytestconfig: pytest.Config) -> Iterator[RunningStack]:
    root = Path(tempfile.mkdtemp(prefix="dnd-e2e-"))
    os.chmod(root, 0o755)
    stack = RunningStack(repo=Path(pytestconfig.rootpath), var_dir=root / "var", port_offset=pick_port_offset())
    try:
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(root, ignore_errors=True)


def test_stack_lifecycle(own_stack: RunningStack) -> None:
    seconds = own_stack.start()
    print(f"\nstack ready in {seconds:.1f}s")
    assert seconds < 120

    with httpx.Client(verify=own_stack.tls, timeout=10) as client:
        # Every public prefix answers through Traefik over HTTPS, with its own service behind it.
        for spec in FLEET:
            response = client.get(own_stack.https_url(spec.health_path))
            assert response.status_code == 200, spec.health_path
            assert response.json()["service"] == spec.name
            assert response.headers["strict-transport-security"].startswith("max-age=31536000")
            assert response.headers["x-content-type-options"] == "nosniff"
            assert len(response.headers["x-request-id"]) > 0
        # Protected routes without credentials: the edge answers 401 in the fleet's envelope.
        denied = client.get(own_stack.https_url("/api/v1/characters/no/such/route"))
        assert denied.status_code == 401
        assert denied.headers["www-authenticate"].startswith("Bearer")
        assert denied.json()["error"]["code"] in ("not_authenticated", "unauthorized")

    # Plain HTTP redirects to HTTPS, keeping the path.
    redirect = httpx.get(f"http://localhost:{own_stack.http_port}/api/v1/auth/health", follow_redirects=False)
    assert redirect.status_code in (301, 308)
    assert redirect.headers["location"] == own_stack.https_url("/api/v1/auth/health")

    # Every service answers /health/ready and /metrics on its own port.
    for spec in FLEET:
        ready = httpx.get(own_stack.service_url(spec.name, "/health/ready"))
        assert ready.status_code == 200
        assert ready.json()["checks"]["postgres"]["status"] == "ok"
        metrics = httpx.get(own_stack.service_url(spec.name, "/metrics"))
        assert metrics.status_code == 200
        assert "http_requests_total" in metrics.text
    traefik_metrics = httpx.get(f"http://127.0.0.1:{own_stack.traefik_metrics_port}/metrics")
    assert "traefik_entrypoint_requests_total" in traefik_metrics.text

    # A second runner on the same data refuses instead of corrupting anything.
    second = subprocess.run(own_stack.command(), capture_output=True, text=True, timeout=60)
    assert second.returncode == 3
    assert "already running" in second.stdout

    # Write data, then Ctrl-C: nothing the runner started may survive.
    marker = uuid.uuid4().hex
    _write_marker(own_stack, marker)
    pids = dict(own_stack.state()["pids"])  # type: ignore[call-overload]
    assert set(pids) >= {"postgres", "redis", "traefik", *(s.name for s in FLEET)}
    assert own_stack.stop() == 0
    survivors = {name: pid for name, pid in pids.items() if pid_alive(pid)}
    assert survivors == {}

    # Start again: the data is still there.
    own_stack.start()
    assert _read_marker(own_stack) == (marker, marker)
    assert own_stack.stop() == 0


def _write_marker(stack: RunningStack, marker: str) -> None:
    import asyncio

    async def write() -> None:
        connection = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{stack.postgres_port}/dnd")
        try:
            await connection.execute("CREATE SCHEMA IF NOT EXISTS e2e_probe")
            await connection.execute("CREATE TABLE IF NOT EXISTS e2e_probe.marker (value text)")
            await connection.execute("INSERT INTO e2e_probe.marker VALUES ($1)", marker)
        finally:
            await connection.close()

    asyncio.run(write())
    client = redis.Redis(port=stack.redis_port)
    client.set("e2e:marker", marker)
    client.close()


def _read_marker(stack: RunningStack) -> tuple[str, str]:
    import asyncio

    async def read() -> str:
        connection = await asyncpg.connect(f"postgresql://postgres@127.0.0.1:{stack.postgres_port}/dnd")
        try:
            return str(await connection.fetchval("SELECT value FROM e2e_probe.marker"))
        finally:
            await connection.close()

    client = redis.Redis(port=stack.redis_port)
    cached = client.get("e2e:marker")
    client.close()
    return asyncio.run(read()), (cached or b"").decode()
