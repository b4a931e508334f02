"""The hub's admin API and public status on a real Redis, with real hub instances registered."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx
import pytest
from pydantic import BaseModel
from redis.asyncio import Redis

from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.registry import InstanceRecord
from dnd_shared.hub import keys
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.registry import Registry
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.system import with_system_handlers
from dnd_shared.testing.hub_fixtures import HubFactory
from message_hub.reaper import reap_once


class RuneCarvedV1(EventModel):
    event_type: ClassVar[str] = "testrune.carved.v1"

    rune: str


class Query(BaseModel):
    q: str = ""


class Answer(BaseModel):
    q: str


def catalog_router(fail: set[str]) -> HubRouter:
    router = HubRouter()

    @router.rpc("catalog.lookup")
    async def lookup(request: Query, ctx: MessageContext) -> Answer:
        return Answer(q=request.q)

    @router.subscribe(RuneCarvedV1)
    async def carved(event: RuneCarvedV1, ctx: MessageContext) -> None:
        if event.rune in fail:
            raise ValueError(f"bad rune {event.rune}")

    return router


class ReadyHandler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/health/ready" else 404)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def ready_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), ReadyHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


async def wait_for(check: Any, timeout: float = 5.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        assert time.monotonic() < deadline, "condition not met in time"
        await asyncio.sleep(0.05)


async def test_admin_routes_need_the_admin_role(hub_client: httpx.AsyncClient, player_headers: dict[str, str]) -> None:
    for path in ("/api/v1/hub/services", "/api/v1/hub/routes", "/api/v1/hub/streams", "/api/v1/hub/dead-letters"):
        assert (await hub_client.get(path)).status_code == 401
        forbidden = await hub_client.get(path, headers=player_headers)
        assert forbidden.status_code == 403 and forbidden.json()["error"]["code"] == "admin_required"


async def test_services_routes_and_probes(hub_client: httpx.AsyncClient, admin_headers: dict[str, str],
                                         hub_instance: HubFactory, ready_server: str) -> None:
    async with hub_instance("catalog", catalog_router(set()), base_url=ready_server) as catalog, \
            hub_instance("campaign", base_url="http://127.0.0.1:9"):

        async def probed() -> Any:
            body = (await hub_client.get("/api/v1/hub/services", headers=admin_headers)).json()
            services = {s["name"]: s for s in body["services"]}
            probes = [i["probe"] for s in ("catalog", "campaign") for i in services[s]["instances"]]
            return services if all(p is not None for p in probes) else None

        services = await wait_for(probed)
        [instance] = services["catalog"]["instances"]
        assert instance["instance_id"] == catalog.instance_id and instance["probe"]["ok"] is True
        assert services["catalog"]["status"] == "up"
        assert services["campaign"]["status"] == "down"  # registered, but its readiness probe fails
        assert services["campaign"]["instances"][0]["probe"]["error"] == "ConnectError"
        assert services["llm"] == {"name": "llm", "status": "down", "instances": []}
        assert [i["rpc_types"] for i in services["hub"]["instances"]] == [["hub.diagnostics.trace", "hub.system.info"]]

        routes = (await hub_client.get("/api/v1/hub/routes", headers=admin_headers)).json()
        assert {"type": "catalog.lookup", "service": "catalog", "instances": 1} in routes["rpc"]
        rune_route = {"type": "testrune.carved.v1", "stream": "hub:evt:testrune", "subscribers": ["catalog"]}
        assert rune_route in routes["events"]
        trace_route = next(r for r in routes["events"] if r["type"] == "diagnostics.trace.v1")
        assert trace_route["subscribers"] == ["hub"]

        status = await hub_client.get("/api/v1/status")
        assert status.status_code == 200
        body = status.json()
        assert body["status"] == "degraded"
        assert {"name": "catalog", "status": "up"} in body["services"]
        assert catalog.instance_id not in status.text and "127.0.0.1" not in status.text


async def test_streams_show_length_pending_and_lag(hub_client: httpx.AsyncClient, admin_headers: dict[str, str],
                                                    hub_instance: HubFactory, redis_client: Redis) -> None:
    async with hub_instance("character") as publisher:
        for rune in ("a", "b", "c"):
            await publisher.publish(RuneCarvedV1(rune=rune))
    await redis_client.xgroup_create(keys.event_stream("testrune"), "campaign", id="0")
    await redis_client.xreadgroup("campaign", "c1", {keys.event_stream("testrune"): ">"}, count=1)
    body = (await hub_client.get("/api/v1/hub/streams", headers=admin_headers)).json()
    stream = next(s for s in body["streams"] if s["stream"] == "hub:evt:testrune")
    assert stream["kind"] == "evt" and stream["length"] == 3
    assert stream["groups"] == [{"name": "campaign", "consumers": 1, "pending": 1, "lag": 2, "lag_capped": False}]


async def test_dead_letters_inspect_replay_discard(hub_client: httpx.AsyncClient, admin_headers: dict[str, str],
                                                   hub_instance: HubFactory) -> None:
    fail = {"bad", "worse"}
    async with hub_instance("catalog", catalog_router(fail)), hub_instance("character") as publisher:
        await publisher.publish(RuneCarvedV1(rune="bad"))
        await publisher.publish(RuneCarvedV1(rune="worse"))

        async def two_letters() -> Any:
            body = (await hub_client.get("/api/v1/hub/dead-letters?service=catalog", headers=admin_headers)).json()
            return body if body["total"] == 2 else None

        body = await wait_for(two_letters)
        by_rune = {item["message"].split('"rune":"')[1].split('"')[0]: item for item in body["items"]}
        assert by_rune["bad"]["attempts"] == 3 and "bad rune bad" in by_rune["bad"]["error"]
        fail.discard("bad")  # the fix
        replay = await hub_client.post("/api/v1/hub/dead-letters", headers=admin_headers,
                                       json={"action": "replay", "ids": [by_rune["bad"]["id"], "1-1"]})
        assert replay.status_code == 200
        assert replay.json() == {"action": "replay", "processed": [by_rune["bad"]["id"]], "missing": ["1-1"]}
        discard = await hub_client.post("/api/v1/hub/dead-letters", headers=admin_headers,
                                        json={"action": "discard", "ids": [by_rune["worse"]["id"]]})
        assert discard.json()["processed"] == [by_rune["worse"]["id"]]
        await asyncio.sleep(0.5)
        after = (await hub_client.get("/api/v1/hub/dead-letters", headers=admin_headers)).json()
        assert after == {"items": [], "total": 0}  # replayed "bad" succeeded this time


async def test_bad_input_is_a_typed_4xx(hub_client: httpx.AsyncClient, admin_headers: dict[str, str]) -> None:
    cases = [
        ({"action": "explode", "ids": ["1-1"]}, "action"),
        ({"action": "replay", "ids": ["not-an-id"]}, "ids[0]"),
        ({"action": "replay", "ids": []}, "ids"),
    ]
    for body, field in cases:
        response = await hub_client.post("/api/v1/hub/dead-letters", headers=admin_headers, json=body)
        assert response.status_code == 422
        assert field in [d["field"] for d in response.json()["error"]["details"]]
    bad_query = await hub_client.get("/api/v1/hub/dead-letters?limit=0&service=Bad!", headers=admin_headers)
    assert bad_query.status_code == 422
    trace = await hub_client.post("/api/v1/hub/diagnostics/trace", headers=admin_headers,
                                  json={"target": "../etc", "timeout": 99})
    assert trace.status_code == 422
    assert {d["field"] for d in trace.json()["error"]["details"]} == {"target", "timeout"}


async def test_trace_to_a_service_without_instances_is_503(hub_client: httpx.AsyncClient,
                                                           admin_headers: dict[str, str]) -> None:
    response = await hub_client.post("/api/v1/hub/diagnostics/trace", headers=admin_headers,
                                     json={"target": "catalog", "timeout": 2})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "service_unavailable"


async def test_diagnostics_trace_crosses_rpc_and_events(hub_client: httpx.AsyncClient, admin_headers: dict[str, str],
                                                        hub_instance: HubFactory) -> None:
    async with hub_instance("catalog", with_system_handlers(HubRouter(), "catalog")) as catalog, \
            hub_instance("campaign", with_system_handlers(HubRouter(), "campaign")) as campaign:
        response = await hub_client.post("/api/v1/hub/diagnostics/trace", headers={**admin_headers,
                                         "X-Request-ID": "trace-req-1"}, json={"target": "catalog", "timeout": 5})
        assert response.status_code == 200, response.text
        report = response.json()
        assert report["request_id"] == "trace-req-1" and report["complete"] is True
        assert report["target"]["instance_id"] == catalog.instance_id
        assert report["target"]["via_outbox"] is False
        assert {h["service"] for h in report["hops"]} == {"catalog", "campaign", "hub"}
        assert campaign.instance_id in {h["instance_id"] for h in report["hops"]}
        assert report["missing"] == []


async def test_reaper_forgets_dead_instances_and_their_consumers(redis_client: Redis) -> None:
    registry = Registry(redis_client, ttl=0.05)
    from datetime import UTC, datetime

    record = InstanceRecord(service="catalog", instance_id="catalog-dead", base_url="http://x", version="1",
                            rpc_types=[], event_types=[], started_at=datetime.now(UTC),
                            heartbeat_at=datetime.now(UTC), pid=1, host="x")
    await registry.register(record)
    stream = keys.rpc_stream("catalog")
    await redis_client.xgroup_create(stream, "catalog", id="0", mkstream=True)
    first = await redis_client.xadd(stream, {"m": b"{}"})
    await redis_client.xadd(stream, {"m": b"{}"})
    await redis_client.xreadgroup("catalog", "catalog-dead", {stream: ">"}, count=1)
    await redis_client.xreadgroup("catalog", "catalog-holding", {stream: ">"}, count=1)
    await redis_client.xack(stream, "catalog", first)
    await redis_client.lpush(keys.reply_list("catalog-dead"), b"x")
    await asyncio.sleep(0.1)
    assert await registry.live_instance_ids("catalog") == []
    result = await reap_once(redis_client)
    assert result["instances_forgotten"] == 1 and result["consumers_deleted"] == 1
    assert await redis_client.zcard(keys.instances_index("catalog")) == 0
    assert await redis_client.exists(keys.reply_list("catalog-dead")) == 0
    # A consumer still holding entries stays until a live one has reclaimed them.
    assert [c["name"] for c in await redis_client.xinfo_consumers(stream, "catalog")] == [b"catalog-holding"]


async def test_metrics_export_fleet_gauges(hub_client: httpx.AsyncClient, hub_instance: HubFactory) -> None:
    async with hub_instance("catalog", catalog_router(set())):
        await asyncio.sleep(0.5)
        text = (await hub_client.get("/metrics")).text
    assert 'hub_live_instances{service="catalog"} 1.0' in text
    assert "hub_dead_letters" in text and "hub_stream_length" in text
    assert 'hub_circuit_state' in text or "hub_rpc_duration_seconds" in text
    _ = uuid
