"""Events: publishing on ``hub:evt:<domain>`` and consuming as the service's group.

At-least-once: an entry is acknowledged only after its handler succeeded (or it was dead-lettered).
A failed delivery becomes claimable again after ``retry_delay`` (by any instance); the
``max_deliveries``-th failure moves it to the dead-letter stream. Entries of a dead consumer are
reclaimed after ``claim_idle``. Handlers see each event id once per service: ids handled are kept
under ``hub:seen:<service>:<event id>`` for ``dedupe_ttl``.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Any

import structlog
from pydantic import ValidationError
from redis.asyncio import Redis

from dnd_shared.contracts.envelope import CloudEvent, PrincipalClaims
from dnd_shared.contracts.events import EventModel
from dnd_shared.hub import keys, metrics
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.context import MessageContext, handling, outgoing_correlation_id, outgoing_principal
from dnd_shared.hub.dead_letters import dead_letter_fields
from dnd_shared.hub.router import EventHandler
from dnd_shared.hub.streams import (
    BlockingReader,
    Entry,
    autoclaim,
    delivery_counts,
    ensure_group,
    pause,
    text,
)

if TYPE_CHECKING:
    from dnd_shared.hub.client import Hub

log = structlog.get_logger("dnd_shared.hub.events")

#: Within a batch, handled entries are acknowledged at least this often (seconds).
ACK_FLUSH_INTERVAL = 0.05


def build_event(event: EventModel, *, source: str, subject: str | None = None,
                principal: PrincipalClaims | None = None) -> CloudEvent:
    """Wrap an event model into the CloudEvents envelope, carrying the current request id and
    principal (or the handled message's)."""
    return CloudEvent(
        type=event.event_type, source=source, subject=subject, correlationid=outgoing_correlation_id(),
        principal=principal or outgoing_principal(), data=event.model_dump(mode="json"),
    )


async def publish_cloud_event(redis: Redis, event: CloudEvent, maxlen: int) -> str:
    """XADD one event on its domain's stream; returns the stream entry id."""
    entry_id = await redis.xadd(keys.event_stream(event.domain), {keys.MESSAGE_FIELD: event.model_dump_json()},
                                maxlen=maxlen, approximate=True)
    metrics.EVENTS_PUBLISHED.labels(event.type).inc()
    return text(entry_id)


class EventConsumer:
    """Delivers the subscribed event types of one service to its handlers, from this instance."""

    def __init__(self, redis: Redis, service: str, instance_id: str, handlers: dict[str, EventHandler],
                 settings: HubSettings, hub: Hub | None = None) -> None:
        self.hub = hub
        self.redis = redis
        self.service = service
        self.instance_id = instance_id
        self.handlers = handlers
        self.settings = settings
        self.stopping = asyncio.Event()
        self.reader = BlockingReader(redis)
        self.streams = sorted({keys.event_stream(h.event_model.domain()) for h in handlers.values()})

    async def prepare(self) -> None:
        """Create this service's group on every stream it reads."""
        for stream in self.streams:
            await ensure_group(self.redis, stream, self.service)

    async def consume(self) -> None:
        """Read new events until cancelled."""
        if not self.streams:
            return
        positions: dict[Any, Any] = {stream: ">" for stream in self.streams}
        await self.reader.identify()
        while not self.stopping.is_set():
            try:
                answer: Any = await self.reader.client.xreadgroup(
                    self.service, self.instance_id, positions, count=100, block=self.settings.block_ms)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # Redis restarting: wait, make sure the groups exist, go on
                log.warning("event_read_failed", error=type(exc).__name__)
                if await pause(self.stopping, 0.5):
                    return
                try:
                    await self.prepare()
                except Exception as again:
                    log.debug("event_group_check_failed", error=type(again).__name__)
                await self.reader.identify()
                continue
            for stream, entries in answer or []:
                try:
                    await self.handle_batch(text(stream), entries)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    # Redis went away mid-batch: what was not acknowledged stays pending and is
                    # reclaimed later; duplicates of what was handled are filtered by event id.
                    log.warning("event_batch_failed", stream=text(stream), error=type(exc).__name__)

    async def reclaim(self) -> None:
        """Periodically take over entries pending too long (dead consumer, or a failed delivery
        whose retry delay has passed)."""
        if not self.streams:
            return
        while not await pause(self.stopping, self.settings.reclaim_interval):
            for stream in self.streams:
                try:
                    entries = await autoclaim(self.redis, stream, self.service, self.instance_id,
                                              int(self.settings.claim_idle * 1000))
                    if not entries:
                        continue
                    metrics.RECLAIMED.labels(stream).inc(len(entries))
                    log.info("events_reclaimed", stream=stream, count=len(entries))
                    counts = await delivery_counts(self.redis, stream, self.service, [e[0] for e in entries])
                    await self.handle_batch(stream, entries, counts)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:
                    log.warning("event_reclaim_failed", stream=stream, error=type(exc).__name__)

    async def handle_batch(self, stream: str, entries: list[Entry], deliveries: dict[bytes, int] | None = None) -> None:
        """Handle a batch read from one stream: skip foreign and seen events, run handlers in order,
        then mark successes seen and acknowledge them in one round trip."""
        to_ack: list[bytes] = []
        seen_now: list[str] = []
        parsed: list[tuple[bytes, bytes, CloudEvent]] = []
        last_flush = time.monotonic()
        for entry_id, fields in entries:
            only = fields.get(keys.ONLY_FIELD)
            raw = fields.get(keys.MESSAGE_FIELD, b"")
            if only is not None and text(only) != self.service:
                to_ack.append(entry_id)  # a replay addressed to another service
                continue
            try:
                event = CloudEvent.model_validate_json(raw)
            except ValidationError as exc:
                await self._dead_letter(stream, entry_id, raw, None, None, f"malformed event: {exc}", 1)
                continue
            if event.type not in self.handlers:
                to_ack.append(entry_id)  # same stream, a type this service does not follow
                continue
            parsed.append((entry_id, raw, event))
        if parsed:
            async with self.redis.pipeline(transaction=False) as pipe:
                for _, _, event in parsed:
                    pipe.exists(keys.seen_event(self.service, event.id))
                already = await pipe.execute()
            for (entry_id, raw, event), seen in zip(parsed, already, strict=True):
                if seen:
                    metrics.EVENTS_DUPLICATES.labels(event.type).inc()
                    to_ack.append(entry_id)
                    continue
                delivered = (deliveries or {}).get(entry_id, 1)
                if delivered > self.settings.max_deliveries + 1:
                    # The consumer died while handling it, again and again: a poison that crashes.
                    await self._dead_letter(stream, entry_id, raw, event.id, event.type,
                                            "delivery limit exceeded without an outcome", delivered)
                    continue
                if await self._deliver(stream, entry_id, raw, event, delivered):
                    to_ack.append(entry_id)
                    seen_now.append(event.id)
                if time.monotonic() - last_flush > ACK_FLUSH_INTERVAL:
                    # Slow handlers: acknowledge as we go, so a crash repeats little work.
                    await self._flush(stream, to_ack, seen_now)
                    to_ack, seen_now, last_flush = [], [], time.monotonic()
        await self._flush(stream, to_ack, seen_now)

    async def _flush(self, stream: str, to_ack: list[bytes], seen_now: list[str]) -> None:
        """Mark handled events seen and acknowledge entries, in one round trip."""
        if not (to_ack or seen_now):
            return
        async with self.redis.pipeline(transaction=False) as pipe:
            ttl_ms = int(self.settings.dedupe_ttl * 1000)
            for event_id in seen_now:
                pipe.set(keys.seen_event(self.service, event_id), b"1", px=ttl_ms)
            if to_ack:
                pipe.xack(stream, self.service, *to_ack)
            await pipe.execute()

    async def _deliver(self, stream: str, entry_id: bytes, raw: bytes, event: CloudEvent, delivery: int) -> bool:
        handler = self.handlers[event.type]
        context = MessageContext(event.id, event.type, event.source, event.correlationid, event.principal, delivery,
                                 hub=self.hub)
        with handling(context):
            try:
                model = handler.event_model.model_validate(event.data)
                await handler.fn(model, context)
            except Exception as exc:
                metrics.EVENTS_FAILED.labels(event.type).inc()
                log.warning("event_handler_failed", error=f"{type(exc).__name__}: {exc}"[:500])
                await self._record_failure(stream, entry_id, raw, event, exc)
                return False
        metrics.EVENTS_DELIVERED.labels(event.type).inc()
        return True

    async def _record_failure(self, stream: str, entry_id: bytes, raw: bytes, event: CloudEvent,
                              exc: Exception) -> None:
        field = f"{stream}/{text(entry_id)}"
        failures = int(await self.redis.hincrby(keys.failures(self.service), field, 1))
        if failures >= self.settings.max_deliveries:
            await self._dead_letter(stream, entry_id, raw, event.id, event.type,
                                    f"{type(exc).__name__}: {exc}", failures)
            return
        # Still pending and ours: make it look idle so any consumer's reclaim picks it up after
        # ``retry_delay`` instead of ``claim_idle``.
        idle_ms = max(0, int((self.settings.claim_idle - self.settings.retry_delay) * 1000))
        await self.redis.xclaim(stream, self.service, self.instance_id, 0, [entry_id], idle=idle_ms, justid=True)

    async def _dead_letter(self, stream: str, entry_id: bytes, raw: bytes, event_id: str | None,
                           event_type: str | None, error: str, attempts: int) -> None:
        fields = dead_letter_fields(service=self.service, stream=stream, entry_id=text(entry_id), raw=raw,
                                    event_id=event_id, event_type=event_type, error=error, attempts=attempts)
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.xadd(keys.DEAD_LETTERS, fields)  # type: ignore[arg-type]
            pipe.xack(stream, self.service, entry_id)
            pipe.hdel(keys.failures(self.service), f"{stream}/{text(entry_id)}")
            await pipe.execute()
        metrics.DEAD_LETTERED.labels(event_type or "malformed").inc()
        log.error("event_dead_lettered", stream=stream, event_id=event_id, message_type=event_type,
                  attempts=attempts, error=error[:500])
