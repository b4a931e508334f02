"""RPC over Redis Streams on a real Redis: typed results, typed errors, deadlines, fail-fast,
circuit breaker, retries of idempotent queries, duplicate suppression of commands."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from pydantic import BaseModel, Field
from redis.asyncio import Redis

from dnd_shared.contracts.envelope import Envelope, PrincipalClaims
from dnd_shared.contracts.rpc import RpcContract
from dnd_shared.errors import NotFoundError, UnprocessableError
from dnd_shared.hub import keys
from dnd_shared.hub.breaker import BreakerState
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.errors import CircuitOpenError, HubTimeoutError, HubUnavailableError, UpstreamError
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.hub_fixtures import HubFactory, fast_hub_settings


class LookupRequest(BaseModel):
    name: str = Field(min_length=1)
    level: int = Field(default=1, ge=1, le=20)


class LookupResult(BaseModel):
    name: str
    level: int
    instance: str
    user_id: str | None
    correlation_id: str | None


LOOKUP = RpcContract("catalog.lookup", LookupRequest, LookupResult)


class Counter(BaseModel):
    amount: int


class CounterValue(BaseModel):
    total: int


INCREMENT = RpcContract("catalog.increment", Counter, CounterValue, "command")


def catalog_router(state: dict[str, int]) -> HubRouter:
    router = HubRouter()

    @router.rpc(LOOKUP)
    async def lookup(request: LookupRequest, ctx: MessageContext) -> LookupResult:
        if request.name == "missing":
            raise NotFoundError("No spell named 'missing'.", code="spell_not_found")
        if request.name == "crash":
            raise RuntimeError("internal detail that must not travel")
        if request.name == "slow":
            await asyncio.sleep(1.0)
        state["calls"] = state.get("calls", 0) + 1
        return LookupResult(name=request.name, level=request.level, instance=ctx.require_hub().instance_id,
                            user_id=str(ctx.principal.user_id) if ctx.principal else None,
                            correlation_id=ctx.correlation_id)

    @router.rpc(INCREMENT)
    async def increment(request: Counter, ctx: MessageContext) -> CounterValue:
        await asyncio.sleep(0.05)
        state["total"] = state.get("total", 0) + request.amount
        return CounterValue(total=state["total"])

    return router


async def test_round_trip_typed_result_carries_principal(hub_instance: HubFactory) -> None:
    user = PrincipalClaims(user_id=uuid.uuid4(), roles=("player",))
    async with hub_instance("catalog", catalog_router({})) as server, hub_instance("character") as caller:
        result = await caller.call(LOOKUP, LookupRequest(name="Fireball", level=3), principal=user)
        assert isinstance(result, LookupResult)
        assert (result.name, result.level, result.instance) == ("Fireball", 3, server.instance_id)
        assert result.user_id == str(user.user_id)
        # A type name instead of a contract gives the plain dict.
        raw = await caller.call("catalog.lookup", {"name": "Shield"})
        assert raw["name"] == "Shield" and raw["level"] == 1


async def test_typed_errors_travel_back(hub_instance: HubFactory) -> None:
    async with hub_instance("catalog", catalog_router({})), hub_instance("character") as caller:
        with pytest.raises(NotFoundError) as not_found:
            await caller.call(LOOKUP, {"name": "missing"})
        assert (not_found.value.status_code, not_found.value.code) == (404, "spell_not_found")
        with pytest.raises(UnprocessableError) as invalid:
            await caller.call(LOOKUP, {"name": "", "level": 30})
        assert {d.field for d in invalid.value.details} == {"name", "level"}
        with pytest.raises(UpstreamError) as crashed:
            await caller.call(LOOKUP, {"name": "crash"})
        assert crashed.value.status_code == 502 and "internal detail" not in crashed.value.message
        with pytest.raises(UpstreamError) as unknown:
            await caller.call("catalog.nothing_here", {})
        assert unknown.value.code == "rpc_type_unknown"


async def test_no_live_instance_fails_fast_with_503(hub_instance: HubFactory) -> None:
    async with hub_instance("character") as caller:
        start = time.perf_counter()
        with pytest.raises(HubUnavailableError) as error:
            await caller.call(LOOKUP, {"name": "Fireball"}, timeout=5.0)
        elapsed = time.perf_counter() - start
        assert error.value.status_code == 503
        assert elapsed < 0.05, f"fail-fast took {elapsed * 1000:.1f} ms"


async def test_timeout_and_circuit_breaker(hub_instance: HubFactory) -> None:
    settings = fast_hub_settings(query_attempts=1)
    async with hub_instance("catalog", catalog_router({})), hub_instance("character", settings=settings) as caller:
        for _ in range(3):
            with pytest.raises(HubTimeoutError):
                await caller.call(LOOKUP, {"name": "slow"}, timeout=0.1)
        breaker = caller.rpc.breakers.get("catalog")
        assert breaker.state is BreakerState.OPEN
        start = time.perf_counter()
        with pytest.raises(CircuitOpenError) as open_error:
            await caller.call(LOOKUP, {"name": "Fireball"})
        assert time.perf_counter() - start < 0.01
        assert open_error.value.status_code == 503 and "Retry-After" in open_error.value.headers
        await asyncio.sleep(1.05)  # reset_after: one trial goes through and closes the circuit
        result = await caller.call(LOOKUP, {"name": "Fireball"})
        assert result.name == "Fireball" and breaker.state is BreakerState.CLOSED


async def test_expired_request_is_dropped_not_executed(hub_instance: HubFactory, redis_client: Redis) -> None:
    state: dict[str, int] = {}
    envelope = Envelope(type="catalog.lookup", source="test", deadline=time.time() - 1,
                        payload={"name": "late"}, reply_to="nobody")
    await redis_client.xadd(keys.rpc_stream("catalog"), {keys.MESSAGE_FIELD: envelope.model_dump_json()})
    async with hub_instance("catalog", catalog_router(state)), hub_instance("character") as caller:
        await caller.call(LOOKUP, {"name": "fresh"})  # processed after the expired one
        assert state["calls"] == 1
        pending = await redis_client.xpending(keys.rpc_stream("catalog"), "catalog")
        assert pending["pending"] == 0


async def test_idempotent_query_is_retried_within_its_deadline(hub_instance: HubFactory) -> None:
    """The first attempt is lost (its handler stalls past the attempt's share of the deadline); the
    retry is answered. Commands get a single attempt."""
    state: dict[str, int] = {}
    router = catalog_router(state)
    first = asyncio.Event()

    @router.rpc(RpcContract("catalog.flaky", LookupRequest, LookupResult))
    async def flaky(request: LookupRequest, ctx: MessageContext) -> LookupResult:
        state["flaky"] = state.get("flaky", 0) + 1
        if not first.is_set():
            first.set()
            await asyncio.sleep(1.5)
        return LookupResult(name=request.name, level=1, instance="x", user_id=None, correlation_id=None)

    async with hub_instance("catalog", router), hub_instance("character") as caller:
        result = await caller.call(RpcContract("catalog.flaky", LookupRequest, LookupResult), {"name": "a"},
                                   timeout=1.0)
        assert result.name == "a" and state["flaky"] == 2
        first.clear()
        with pytest.raises(HubTimeoutError):
            await caller.call("catalog.flaky", {"name": "b"}, timeout=0.5, kind="command")
        assert state["flaky"] == 3


async def test_duplicate_commands_run_once(hub_instance: HubFactory, redis_client: Redis) -> None:
    state: dict[str, int] = {}
    async with hub_instance("catalog", catalog_router(state)), hub_instance("character") as caller:
        first = await caller.call(INCREMENT, Counter(amount=5), idempotency_key="order-1")
        again = await caller.call(INCREMENT, Counter(amount=5), idempotency_key="order-1")
        assert first.total == again.total == 5 and state["total"] == 5
        # The same envelope delivered twice (as after a crash between handling and XACK).
        envelope = Envelope(type=INCREMENT.type, source="test", deadline=time.time() + 5, kind="command",
                            payload={"amount": 2}, reply_to=caller.instance_id)
        for _ in range(2):
            await redis_client.xadd(keys.rpc_stream("catalog"), {keys.MESSAGE_FIELD: envelope.model_dump_json()})
        await asyncio.sleep(0.3)
        assert state["total"] == 7
        other = await caller.call(INCREMENT, Counter(amount=1), idempotency_key="order-2")
        assert other.total == 8
