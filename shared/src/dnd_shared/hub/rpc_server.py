"""The handler side of RPC: read ``hub:rpc:<service>`` as this instance's consumer in the service's
group, run handlers concurrently, reply to the caller's list, acknowledge.

- Expired requests (deadline passed) are acknowledged and dropped without running the handler.
- Commands are de-duplicated by idempotency key: the first delivery claims the key, later ones get
  the stored reply (or nothing while the first is still running, which will answer itself).
- Entries left pending by a dead instance are reclaimed with XAUTOCLAIM after ``claim_idle``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

import structlog
from pydantic import ValidationError
from redis.asyncio import Redis

from dnd_shared.contracts.envelope import Envelope, Reply, ReplyError
from dnd_shared.errors import AppError, UnprocessableError, validation_details
from dnd_shared.hub import keys, metrics
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.context import MessageContext, handling
from dnd_shared.hub.errors import to_reply_error
from dnd_shared.hub.router import RpcHandler
from dnd_shared.hub.streams import BlockingReader, Entry, autoclaim, ensure_group, pause

if TYPE_CHECKING:
    from dnd_shared.hub.client import Hub

log = structlog.get_logger("dnd_shared.hub.rpc")
_stdlib_log = logging.getLogger("dnd_shared.hub.rpc")

REPLY_LIST_TTL_MS = 60_000
READ_BATCH = 8
_PENDING = b"pending"


class RpcServer:
    """Serves the RPC types of one service from this instance."""

    def __init__(self, redis: Redis, service: str, instance_id: str, handlers: dict[str, RpcHandler],
                 settings: HubSettings, hub: Hub | None = None) -> None:
        self.hub = hub
        self.redis = redis
        self.service = service
        self.instance_id = instance_id
        self.handlers = handlers
        self.settings = settings
        self.stream = keys.rpc_stream(service)
        self._slots = asyncio.Semaphore(settings.max_concurrency)
        self._in_flight: set[asyncio.Task[None]] = set()
        self.stopping = asyncio.Event()
        self.reader = BlockingReader(redis)

    async def prepare(self) -> None:
        """Create the service's group (every instance may; it is idempotent)."""
        await ensure_group(self.redis, self.stream, self.service)

    async def serve(self) -> None:
        """Read new requests until cancelled."""
        streams: dict[Any, Any] = {self.stream: ">"}
        await self.reader.identify()
        while not self.stopping.is_set():
            try:
                # Take few entries at a time: what one instance reads, no other instance can serve.
                answer: Any = await self.reader.client.xreadgroup(
                    self.service, self.instance_id, streams, count=READ_BATCH, block=self.settings.block_ms)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis restarting: wait and read again, never die
                log.warning("rpc_read_failed", error=type(exc).__name__)
                if await pause(self.stopping, 0.5):
                    return
                await self._recreate_group_if_missing()
                await self.reader.identify()
                continue
            for _stream, entries in answer or []:
                for entry in entries:
                    await self._spawn(entry)

    async def reclaim(self) -> None:
        """Periodically take over requests a dead instance left pending."""
        while not await pause(self.stopping, self.settings.reclaim_interval):
            try:
                entries = await autoclaim(self.redis, self.stream, self.service, self.instance_id,
                                          int(self.settings.claim_idle * 1000))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("rpc_reclaim_failed", error=type(exc).__name__)
                continue
            if entries:
                metrics.RECLAIMED.labels(self.stream).inc(len(entries))
                log.info("rpc_reclaimed", count=len(entries))
            for entry in entries:
                await self._spawn(entry)

    async def drain(self, timeout: float) -> None:
        """Wait for handlers in flight (shutdown)."""
        if self._in_flight:
            await asyncio.wait(set(self._in_flight), timeout=timeout)

    async def _recreate_group_if_missing(self) -> None:
        try:
            await self.prepare()
        except Exception as exc:
            log.debug("rpc_group_check_failed", error=type(exc).__name__)

    async def _spawn(self, entry: Entry) -> None:
        await self._slots.acquire()
        task = asyncio.create_task(self._process_safely(entry))
        self._in_flight.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._in_flight.discard(task)
        self._slots.release()

    async def _process_safely(self, entry: Entry) -> None:
        try:
            await self._process(entry)
        except Exception as exc:
            # Redis went away while answering: the entry stays pending; the caller times out.
            log.warning("rpc_process_failed", error=type(exc).__name__)

    async def _process(self, entry: Entry) -> None:
        entry_id, fields = entry
        try:
            envelope = Envelope.model_validate_json(fields[keys.MESSAGE_FIELD])
        except (KeyError, ValidationError):
            log.error("rpc_malformed_envelope", entry_id=entry_id.decode())
            await self.redis.xack(self.stream, self.service, entry_id)
            return
        if envelope.expired():
            metrics.RPC_EXPIRED.labels(envelope.type).inc()
            log.info("rpc_expired_dropped", message_type=envelope.type, request_id=envelope.correlation_id)
            await self.redis.xack(self.stream, self.service, entry_id)
            return
        handler = self.handlers.get(envelope.type)
        dedupe_key: str | None = None
        if handler is not None and handler.kind == "command":
            dedupe_key = keys.command_result(self.service, envelope.idempotency_key or envelope.id)
            remaining_ms = max(1, int((envelope.deadline - time.time()) * 1000))
            claimed = await self.redis.set(dedupe_key, _PENDING, nx=True, px=remaining_ms)
            if not claimed:
                await self._answer_duplicate(entry_id, envelope, dedupe_key)
                return
        reply = await self._execute(envelope, handler)
        async with self.redis.pipeline(transaction=False) as pipe:
            if dedupe_key is not None:
                if reply.ok or (reply.error is not None and reply.error.status < 500):
                    pipe.set(dedupe_key, reply.model_dump_json(), px=int(self.settings.command_result_ttl * 1000))
                else:  # a crash is not an answer: let a retry with the same key run again
                    pipe.delete(dedupe_key)
            pipe.lpush(keys.reply_list(envelope.reply_to), reply.model_dump_json())
            pipe.pexpire(keys.reply_list(envelope.reply_to), REPLY_LIST_TTL_MS)
            pipe.xack(self.stream, self.service, entry_id)
            await pipe.execute()

    async def _answer_duplicate(self, entry_id: bytes, envelope: Envelope, dedupe_key: str) -> None:
        metrics.RPC_DUPLICATES.labels(envelope.type).inc()
        stored = await self.redis.get(dedupe_key)
        async with self.redis.pipeline(transaction=False) as pipe:
            if stored is not None and stored != _PENDING:
                reply = Reply.model_validate_json(stored).model_copy(update={"request_id": envelope.id})
                pipe.lpush(keys.reply_list(envelope.reply_to), reply.model_dump_json())
                pipe.pexpire(keys.reply_list(envelope.reply_to), REPLY_LIST_TTL_MS)
            pipe.xack(self.stream, self.service, entry_id)
            await pipe.execute()
        log.info("rpc_duplicate_command", message_type=envelope.type, request_id=envelope.correlation_id,
                 answered=stored not in (None, _PENDING))

    async def _execute(self, envelope: Envelope, handler: RpcHandler | None) -> Reply:
        context = MessageContext(envelope.id, envelope.type, envelope.source, envelope.correlation_id,
                                 envelope.principal, hub=self.hub)
        with handling(context):
            start = time.perf_counter()
            outcome = "ok"
            try:
                if handler is None:
                    outcome = "unknown_type"
                    error = ReplyError(status=502, code="rpc_type_unknown",
                                       message=f"{self.service} does not handle {envelope.type!r}.")
                    return Reply(request_id=envelope.id, ok=False, error=error, instance=self.instance_id)
                try:
                    request = handler.request_model.model_validate(envelope.payload)
                except ValidationError as exc:
                    raise UnprocessableError("The request is not valid.",
                                             details=validation_details(exc.errors())) from exc
                result = await handler.fn(request, context)
                body = result.model_dump(mode="json") if result is not None else {}
                return Reply(request_id=envelope.id, ok=True, result=body, instance=self.instance_id)
            except AppError as exc:
                outcome = exc.code
                return Reply(request_id=envelope.id, ok=False, error=to_reply_error(exc), instance=self.instance_id)
            except Exception:
                outcome = "crashed"
                log.exception("rpc_handler_crashed")
                error = ReplyError(status=502, code="upstream_error",
                                   message=f"{self.service} failed to handle {envelope.type!r}.")
                return Reply(request_id=envelope.id, ok=False, error=error, instance=self.instance_id)
            finally:
                metrics.RPC_HANDLED.labels(envelope.type, outcome).inc()
                # structlog runs its whole processor chain before the level filter: check first,
                # the per-message line is the hot path.
                if _stdlib_log.isEnabledFor(logging.INFO):
                    log.info("rpc_handled", outcome=outcome,
                             duration_ms=round((time.perf_counter() - start) * 1000, 3))
