"""``Hub``: one per service instance. Registers, heartbeats, serves the instance's RPC handlers and
event subscriptions, and sends RPCs and events on behalf of the service.

Lifecycle: ``await hub.start()`` at start-up (after the database is up), ``await hub.stop()`` at
shutdown (deregisters first so callers stop routing here, then drains handlers in flight).
"""

from __future__ import annotations

import asyncio
import os
import socket
import time
import uuid
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Any, TypeVar, overload

import structlog
from pydantic import BaseModel
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialWithJitterBackoff
from redis.exceptions import RedisError

from dnd_shared.contracts.envelope import CloudEvent, PrincipalClaims
from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.registry import InstanceRecord
from dnd_shared.contracts.rpc import RpcContract, RpcKind
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.errors import HubUnavailableError
from dnd_shared.hub.events import EventConsumer, build_event, publish_cloud_event
from dnd_shared.hub.outbox import OutboxRelay
from dnd_shared.hub.registry import Registry
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.rpc_client import ReplyListener, RpcClient
from dnd_shared.hub.rpc_server import RpcServer
from dnd_shared.hub.streams import pause

log = structlog.get_logger("dnd_shared.hub")

ResponseT = TypeVar("ResponseT", bound=BaseModel)


def new_instance_id(service: str) -> str:
    """``<service>-<host>-<pid>-<random>``: unique per process start, readable in listings."""
    host = socket.gethostname().split(".")[0][:20]
    return f"{service}-{host}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def create_hub_redis(url: str) -> Redis:
    """The hub's own connection pool: blocking reads hold connections, so they do not compete with
    the service's cache traffic, and the socket timeout stays above the blocking period."""
    # Short reconnect backoff: redis-py's default (exponential up to 10 s) would keep consumers
    # away for seconds after a Redis restart; the hub's loops do their own waiting.
    retry = Retry(ExponentialWithJitterBackoff(base=0.05, cap=0.5), retries=2)
    return Redis.from_url(url, socket_connect_timeout=2, socket_timeout=10, health_check_interval=30,
                          max_connections=256, retry=retry)


class Hub:
    """The hub client of one service instance."""

    def __init__(self, *, service: str, redis: Redis, router: HubRouter | None = None, version: str = "0.1.0",
                 base_url: str = "", settings: HubSettings | None = None, instance_id: str | None = None) -> None:
        self.service = service
        self.redis = redis
        self.router = router or HubRouter()
        self.version = version
        self.base_url = base_url
        self.settings = settings or HubSettings()
        self.instance_id = instance_id or new_instance_id(service)
        self.started_monotonic = time.monotonic()
        self.registry = Registry(redis, self.settings.registry_ttl)
        self.listener = ReplyListener(redis, self.instance_id, self.settings.block_ms / 1000)
        self.rpc = RpcClient(redis, service, self.instance_id, self.registry, self.listener, self.settings)
        self.server = RpcServer(redis, service, self.instance_id, self.router.rpc_handlers, self.settings, self)
        self.consumer = EventConsumer(redis, service, self.instance_id, self.router.event_handlers, self.settings,
                                      self)
        self._record = InstanceRecord(
            service=service, instance_id=self.instance_id, base_url=base_url, version=version,
            rpc_types=self.router.rpc_types, event_types=self.router.event_types,
            started_at=datetime.now(UTC), heartbeat_at=datetime.now(UTC), pid=os.getpid(),
            host=socket.gethostname(),
        )
        self._tasks: list[asyncio.Task[None]] = []
        self.running = False
        self._stopping = asyncio.Event()
        #: The FastAPI app's state when the app runs this hub (handlers reach the database here).
        self.app_state: Any = None
        #: Background workers started and stopped with the hub (e.g. an outbox relay's ``run``).
        self.workers: list[Callable[[asyncio.Event], Coroutine[Any, Any, None]]] = []
        #: Set when the service has an outbox (see :func:`dnd_shared.hub.app.hub_lifespan`).
        self.outbox_relay: OutboxRelay | None = None

    @property
    def uptime_seconds(self) -> float:
        """Seconds since this instance's hub was created."""
        return time.monotonic() - self.started_monotonic

    async def start(self) -> None:
        """Create groups, register, and start the reply listener, RPC server, event consumer and
        heartbeat. The instance is discoverable once this returns."""
        await self.server.prepare()
        await self.consumer.prepare()
        spawn = asyncio.create_task
        self._tasks = [spawn(self.listener.listen(), name="hub-replies")]
        if self.router.rpc_handlers:
            self._tasks += [spawn(self.server.serve(), name="hub-rpc"),
                            spawn(self.server.reclaim(), name="hub-rpc-reclaim")]
        if self.router.event_handlers:
            self._tasks += [spawn(self.consumer.consume(), name="hub-events"),
                            spawn(self.consumer.reclaim(), name="hub-events-reclaim")]
        self._tasks += [spawn(worker(self._stopping), name="hub-worker") for worker in self.workers]
        await self.registry.register(self._record)
        self._tasks.append(spawn(self._heartbeat(), name="hub-heartbeat"))
        self.running = True
        log.info("hub_started", instance_id=self.instance_id, rpc_types=self.router.rpc_types,
                 event_types=self.router.event_types)

    async def stop(self, drain_timeout: float = 5.0) -> None:
        """Deregister, stop reading, let handlers in flight finish (up to ``drain_timeout``)."""
        if not self.running:
            return
        self.running = False
        try:
            await self.registry.deregister(self.service, self.instance_id)
        except Exception as exc:
            log.warning("hub_deregister_failed", error=type(exc).__name__)
        for loop in (self.server, self.consumer, self.listener):
            loop.stopping.set()
            await loop.reader.unblock()
        self._stopping.set()
        if self.outbox_relay is not None:
            self.outbox_relay.notify()
        # Readers finish their current blocking read (at most ``block_ms``), then return.
        _, stuck = await asyncio.wait(self._tasks, timeout=self.settings.block_ms / 1000 + 2.0)
        for task in stuck:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.server.drain(drain_timeout)
        for loop in (self.server, self.consumer, self.listener):
            await loop.reader.close()
        self._tasks = []
        log.info("hub_stopped", instance_id=self.instance_id)

    async def _heartbeat(self) -> None:
        while not await pause(self._stopping, self.settings.heartbeat_interval):
            try:
                await self.registry.register(self._record)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("hub_heartbeat_failed", error=type(exc).__name__)

    @overload
    async def call(self, target: RpcContract[Any, ResponseT], payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> ResponseT: ...

    @overload
    async def call(self, target: str, payload: BaseModel | dict[str, Any] | None = None,
                   *, timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> dict[str, Any]: ...

    async def call(self, target: Any, payload: BaseModel | dict[str, Any] | None = None, *,
                   timeout: float | None = None, principal: PrincipalClaims | None = None,
                   idempotency_key: str | None = None, kind: RpcKind | None = None) -> Any:
        """Send an RPC (see :meth:`RpcClient.call`)."""
        return await self.rpc.call(target, payload, timeout=timeout, principal=principal,
                                   idempotency_key=idempotency_key, kind=kind)

    def event(self, event: EventModel, *, subject: str | None = None,
              principal: PrincipalClaims | None = None) -> CloudEvent:
        """The envelope ``publish`` would send (for the outbox: build now, send after commit)."""
        return build_event(event, source=self.service, subject=subject, principal=principal)

    async def publish(self, event: EventModel | CloudEvent, *, subject: str | None = None,
                      principal: PrincipalClaims | None = None) -> str:
        """Publish an event now (call it after the transaction that made it true has committed).
        Returns the event id; :class:`HubUnavailableError` (503) when Redis cannot be reached — use
        the outbox where such a loss would lose data."""
        envelope = event if isinstance(event, CloudEvent) else self.event(event, subject=subject, principal=principal)
        try:
            await publish_cloud_event(self.redis, envelope, self.settings.event_stream_maxlen)
        except RedisError as exc:
            raise HubUnavailableError("The message hub's Redis is unreachable.", code="hub_unreachable") from exc
        return envelope.id
