"""The fleet as separate processes (uvicorn) on the test PostgreSQL and Redis:

- one HTTP request to the hub -> an RPC to the campaign service -> an event (through campaign's
  outbox in PostgreSQL) consumed by the character service -> a hop event back to the hub; the
  request id is in all three services' logs;
- the hub process is killed with SIGKILL and restarted: service-to-service traffic goes on while it
  is down, and nothing is lost (events for the hub are delivered after the restart, dead letters and
  registrations are still there).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from dnd_shared.contracts.diagnostics import DiagnosticsTraceHopV1
from dnd_shared.contracts.system import system_info_contract
from dnd_shared.embedded import free_port, port_is_open
from dnd_shared.hub import keys
from dnd_shared.hub.dead_letters import DeadLetters, dead_letter_fields
from dnd_shared.testing.fixtures import TestInfra
from dnd_shared.testing.hub_fixtures import HubFactory
from dnd_shared.testing.identity import SignedIdentity

HUB_ENV = {
    "DND_HUB_REGISTRY_TTL": "3", "DND_HUB_HEARTBEAT_INTERVAL": "0.5", "DND_HUB_CLAIM_IDLE": "2",
    "DND_HUB_RECLAIM_INTERVAL": "0.3", "DND_HUB_BLOCK_MS": "500",
    "HUB_PROBE_INTERVAL": "0.5", "HUB_REAPER_INTERVAL": "0.5", "HUB_METRICS_INTERVAL": "0.5",
    "DND_LOG_LEVEL": "INFO", "DND_LOG_JSON": "true",
}


@dataclass
class ServiceProcess:
    name: str
    package: str
    port: int
    log: Path
    env: dict[str, str]
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", f"{self.package}.main:create_app", "--factory",
             "--host", "127.0.0.1", "--port", str(self.port), "--no-access-log"],
            stdout=out, stderr=subprocess.STDOUT, env=self.env, start_new_session=True,
        )

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log.read_text()[-3000:]
            if port_is_open(self.port):
                try:
                    if httpx.get(f"http://127.0.0.1:{self.port}/health/live", timeout=1).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
            time.sleep(0.1)
        raise TimeoutError(f"{self.name} did not start: {self.log.read_text()[-3000:]}")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def lines(self) -> list[dict[str, object]]:
        parsed = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                parsed.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return parsed


@dataclass
class Fleet:
    hub: ServiceProcess
    campaign: ServiceProcess
    character: ServiceProcess
    identity: SignedIdentity

    @property
    def hub_url(self) -> str:
        return f"http://127.0.0.1:{self.hub.port}"


@pytest.fixture
def fleet(infra: TestInfra, redis_client: Redis, tmp_path: Path) -> Iterator[Fleet]:
    identity = SignedIdentity()
    env = {**os.environ, **HUB_ENV, "DND_DATABASE_URL": infra.database_url, "DND_REDIS_URL": infra.redis_url,
           "DND_ENV": "test", "DND_AUTH_PUBLIC_KEY_FILE": str(identity.write_public_key(tmp_path / "auth.pem"))}
    services = [
        ServiceProcess("hub", "message_hub", free_port(), tmp_path / "log" / "hub.log", {**env}),
        ServiceProcess("campaign", "campaign_service", free_port(), tmp_path / "log" / "campaign.log", {**env}),
        ServiceProcess("character", "character_service", free_port(), tmp_path / "log" / "character.log", {**env}),
    ]
    for service in services:
        service.env[f"{service.name.upper()}_PORT"] = str(service.port)
        service.start()
    try:
        for service in services:
            service.wait_ready()
        yield Fleet(*services, identity=identity)
    finally:
        for service in services:
            service.stop()


async def wait_until(check, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.1)


async def test_one_request_id_through_rpc_outbox_and_event(fleet: Fleet) -> None:
    headers = {**fleet.identity.headers(uuid.uuid4(), roles={"admin"}), "X-Request-ID": "e2e-trace-42"}
    async with httpx.AsyncClient(base_url=fleet.hub_url, timeout=15) as client:

        async def all_registered() -> bool:
            body = (await client.get("/api/v1/hub/services", headers=headers)).json()
            live = {s["name"] for s in body["services"] if s["instances"]}
            return {"hub", "campaign", "character"} <= live

        await wait_until(all_registered)
        response = await client.post("/api/v1/hub/diagnostics/trace", headers=headers,
                                     json={"target": "campaign", "timeout": 10})
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["request_id"] == "e2e-trace-42" and report["complete"] is True
    assert report["target"]["service"] == "campaign" and report["target"]["via_outbox"] is True
    assert {"campaign", "character", "hub"} <= {h["service"] for h in report["hops"]}

    await asyncio.sleep(0.3)  # log lines are flushed per line; give the last ones a moment

    def events_with_request_id(service: ServiceProcess) -> set[str]:
        return {str(line.get("event")) for line in service.lines() if line.get("request_id") == "e2e-trace-42"}

    assert {"http_request", "diagnostics_trace_received"} <= events_with_request_id(fleet.hub)
    assert "diagnostics_trace_published" in events_with_request_id(fleet.campaign)
    assert "rpc_handled" in events_with_request_id(fleet.campaign)
    assert "diagnostics_trace_received" in events_with_request_id(fleet.character)
    # The principal travelled too: the handlers logged the admin's user id.
    campaign_lines = [line for line in fleet.campaign.lines() if line.get("request_id") == "e2e-trace-42"]
    assert all(line.get("user_id") == headers["X-User-Id"] for line in campaign_lines)


async def test_hub_restart_loses_nothing(fleet: Fleet, hub_instance: HubFactory, redis_client: Redis) -> None:
    headers = fleet.identity.headers(uuid.uuid4(), roles={"admin"})
    letter_fields = dead_letter_fields(service="campaign", stream="hub:evt:testx", entry_id="1-1", raw=b"{}",
                                       event_id="e1", event_type="testx.thing.v1", error="boom", attempts=3)
    letter_id = (await redis_client.xadd(keys.DEAD_LETTERS, letter_fields)).decode()  # type: ignore[arg-type]
    async with httpx.AsyncClient(base_url=fleet.hub_url, timeout=10) as client:

        async def hub_consumes() -> bool:
            groups = await redis_client.xinfo_groups(keys.event_stream("diagnostics"))
            return any(g["name"] == b"hub" for g in groups)

        await wait_until(hub_consumes)
        fleet.hub.kill()  # SIGKILL: no deregistration, no clean shutdown
        trace_id = uuid.uuid4().hex
        async with hub_instance("tester") as tester:
            # Service to service traffic does not need the hub process.
            info = await tester.call(system_info_contract("campaign"), {})
            assert info.service == "campaign"
            await tester.publish(DiagnosticsTraceHopV1(trace_id=trace_id, service="tester", instance_id="t",
                                                       received_at=datetime.now(UTC)))
        assert await redis_client.llen(keys.trace(trace_id)) == 0  # nobody stored it: the hub is down

        fleet.hub.start()
        fleet.hub.wait_ready()

        async def hop_delivered() -> bool:
            return bool(await redis_client.llen(keys.trace(trace_id)))

        await wait_until(hop_delivered)  # published while the hub was down, handled after restart
        letters = (await client.get("/api/v1/hub/dead-letters", headers=headers)).json()
        assert [item["id"] for item in letters["items"]] == [letter_id]
        listing = (await client.get("/api/v1/hub/services", headers=headers)).json()
        services = {s["name"]: s for s in listing["services"]}
        assert len(services["campaign"]["instances"]) == 1 and len(services["character"]["instances"]) == 1
        assert await DeadLetters(redis_client).count() == 1
