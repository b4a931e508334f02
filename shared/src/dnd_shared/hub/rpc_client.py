"""The calling side of RPC: envelope out on ``hub:rpc:<target>``, reply back on this instance's
reply list, typed result or typed error.

Fail fast: no live instance in the registry -> :class:`HubUnavailableError` without sending.
A circuit breaker per target; idempotent queries get ``query_attempts`` attempts within the one
deadline (each attempt's message carries its own, shorter deadline, so a late one is dropped by the
handler rather than executed twice); commands get exactly one attempt.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, TypeVar, overload

import structlog
from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis
from redis.exceptions import RedisError

from dnd_shared.contracts.envelope import Envelope, PrincipalClaims, Reply
from dnd_shared.contracts.rpc import RpcContract, RpcKind
from dnd_shared.errors import AppError
from dnd_shared.hub import keys, metrics
from dnd_shared.hub.breaker import BreakerBoard
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.context import outgoing_correlation_id, outgoing_principal
from dnd_shared.hub.errors import (
    CircuitOpenError,
    HubTimeoutError,
    HubUnavailableError,
    UpstreamError,
    from_reply_error,
    is_infrastructure_failure,
)
from dnd_shared.hub.registry import Registry
from dnd_shared.hub.streams import BlockingReader, pause

log = structlog.get_logger("dnd_shared.hub.rpc")

ResponseT = TypeVar("ResponseT", bound=BaseModel)


class ReplyListener:
    """Pops this instance's reply list and resolves the matching waiting call."""

    def __init__(self, redis: Redis, instance_id: str, block_seconds: float) -> None:
        self.redis = redis
        self.key = keys.reply_list(instance_id)
        self.block_seconds = block_seconds
        self.waiting: dict[str, asyncio.Future[Reply]] = {}
        self.stopping = asyncio.Event()
        self.reader = BlockingReader(redis)

    def expect(self, request_id: str) -> asyncio.Future[Reply]:
        """Register interest in one reply before the request goes out."""
        future: asyncio.Future[Reply] = asyncio.get_running_loop().create_future()
        self.waiting[request_id] = future
        return future

    def forget(self, request_id: str) -> None:
        self.waiting.pop(request_id, None)

    async def listen(self) -> None:
        """Run until stopped; a late reply (caller gave up) is dropped."""
        await self.reader.identify()
        while not self.stopping.is_set():
            try:
                popped = await self.reader.client.blpop([self.key], timeout=self.block_seconds)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("reply_read_failed", error=type(exc).__name__)
                if await pause(self.stopping, 0.5):
                    return
                await self.reader.identify()
                continue
            if popped is None:
                continue
            try:
                reply = Reply.model_validate_json(popped[1])
            except ValidationError:
                log.error("reply_malformed")
                continue
            future = self.waiting.pop(reply.request_id, None)
            if future is not None and not future.done():
                future.set_result(reply)


class RpcClient:
    """``call`` for one instance; shares the registry, breakers and reply listener of its hub."""

    def __init__(self, redis: Redis, service: str, instance_id: str, registry: Registry,
                 listener: ReplyListener, settings: HubSettings) -> None:
        self.redis = redis
        self.service = service
        self.instance_id = instance_id
        self.registry = registry
        self.listener = listener
        self.settings = settings
        self.breakers = BreakerBoard(settings.breaker_failure_threshold, settings.breaker_reset_after)
        self._live_until: dict[str, float] = {}

    @overload
    async def call(self, target: RpcContract[Any, ResponseT], payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> ResponseT: ...

    @overload
    async def call(self, target: str, payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> dict[str, Any]: ...

    async def call(self, target: RpcContract[Any, Any] | str, payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> Any:
        """Send an RPC and wait for its reply.

        ``target`` is a contract (typed result) or a type name like ``"catalog.search"`` (a dict).
        Raises the handler's typed error, :class:`HubUnavailableError` / :class:`CircuitOpenError`
        (503), :class:`HubTimeoutError` (504) or :class:`UpstreamError` (502).
        """
        contract = target if isinstance(target, RpcContract) else None
        message_type = contract.type if contract is not None else str(target)
        resolved_kind: RpcKind = kind or (contract.kind if contract is not None else "query")
        service = message_type.split(".", 1)[0]
        body = payload.model_dump(mode="json") if isinstance(payload, BaseModel) else dict(payload or {})
        timeout = self.settings.default_timeout if timeout is None else timeout
        breaker = self.breakers.get(service)
        start = time.perf_counter()
        outcome = "ok"
        try:
            if not breaker.allow():
                raise CircuitOpenError(
                    f"Calls to {service} are suspended after repeated failures.",
                    headers={"Retry-After": str(max(1, round(breaker.retry_after())))},
                )
            try:
                reply = await self._call_with_attempts(service, message_type, resolved_kind, body, timeout,
                                                       principal or outgoing_principal(), idempotency_key)
            except AppError as exc:
                if is_infrastructure_failure(exc):
                    breaker.record_failure()
                else:
                    breaker.record_success()
                raise
            if reply.ok:
                breaker.record_success()
                result = reply.result or {}
                if contract is None:
                    return result
                try:
                    return contract.response.model_validate(result)
                except ValidationError as exc:
                    raise UpstreamError(f"{service} answered {message_type} with an invalid result.",
                                        code="upstream_invalid_reply") from exc
            assert reply.error is not None
            error = from_reply_error(reply.error)
            if is_infrastructure_failure(error):
                breaker.record_failure()
            else:
                breaker.record_success()
            raise error
        except AppError as exc:
            outcome = "error"
            metrics.RPC_ERRORS.labels(message_type, exc.code).inc()
            raise
        finally:
            metrics.RPC_LATENCY.labels(message_type, outcome).observe(time.perf_counter() - start)

    async def _call_with_attempts(self, service: str, message_type: str, kind: RpcKind, body: dict[str, Any],
                                  timeout: float, principal: PrincipalClaims | None,
                                  idempotency_key: str | None) -> Reply:
        attempts = self.settings.query_attempts if kind == "query" else 1
        final_deadline = time.time() + timeout
        correlation_id = outgoing_correlation_id()
        for attempt in range(attempts):
            try:
                await self._require_live(service)
            except RedisError as exc:
                raise HubUnavailableError("The message hub's Redis is unreachable.", code="hub_unreachable") from exc
            remaining = final_deadline - time.time()
            attempt_deadline = time.time() + remaining / (attempts - attempt)
            envelope = Envelope(
                type=message_type, source=self.service, correlation_id=correlation_id,
                deadline=attempt_deadline, principal=principal, payload=body, reply_to=self.instance_id,
                idempotency_key=idempotency_key if kind == "command" else None, kind=kind,
            )
            try:
                return await self._send(service, envelope)
            except HubTimeoutError:
                self._live_until.pop(service, None)  # ask the registry again before a retry
                if attempt == attempts - 1:
                    raise
                log.info("rpc_retry", message_type=message_type, attempt=attempt + 2)
        raise AssertionError("unreachable")

    async def _require_live(self, service: str) -> None:
        now = time.monotonic()
        if self._live_until.get(service, 0.0) > now:
            return
        if not await self.registry.has_live_instance(service):
            self._live_until.pop(service, None)
            raise HubUnavailableError(f"No live instance of {service} is registered.")
        self._live_until[service] = now + self.settings.liveness_cache

    async def _send(self, service: str, envelope: Envelope) -> Reply:
        future = self.listener.expect(envelope.id)
        try:
            await self.redis.xadd(keys.rpc_stream(service), {keys.MESSAGE_FIELD: envelope.model_dump_json()},
                                  maxlen=self.settings.event_stream_maxlen, approximate=True)
            return await asyncio.wait_for(future, timeout=max(0.0, envelope.deadline - time.time()))
        except TimeoutError as exc:
            raise HubTimeoutError(f"{service} did not answer {envelope.type} in time.") from exc
        except RedisError as exc:
            raise HubUnavailableError("The message hub's Redis is unreachable.", code="hub_unreachable") from exc
        finally:
            self.listener.forget(envelope.id)
