"""Every Redis key the hub uses, in one place (the README lists them with their TTLs)."""

from __future__ import annotations

PREFIX = "hub"
DEAD_LETTERS = "hub:dead-letters"
SERVICES = "hub:services"
MESSAGE_FIELD = b"m"
ONLY_FIELD = b"only"


def rpc_stream(service: str) -> str:
    """Requests to ``service``; consumer group = ``service``, consumer = instance id."""
    return f"hub:rpc:{service}"


def event_stream(domain: str) -> str:
    """Events of one domain; one consumer group per subscribing service."""
    return f"hub:evt:{domain}"


def reply_list(instance_id: str) -> str:
    """Replies to the RPCs one instance sent (a list, popped by that instance only)."""
    return f"hub:reply:{instance_id}"


def instance_key(service: str, instance_id: str) -> str:
    """The registration record of one instance (JSON, expires with the TTL)."""
    return f"hub:instance:{service}:{instance_id}"


def instances_index(service: str) -> str:
    """Sorted set of a service's instances scored by their expiry time (Unix seconds)."""
    return f"hub:instances:{service}"


def command_result(service: str, idempotency_key: str) -> str:
    """The stored reply of a command, for duplicate suppression."""
    return f"hub:cmd:{service}:{idempotency_key}"


def seen_event(service: str, event_id: str) -> str:
    """Marks an event as handled by ``service`` (dedupe by event id)."""
    return f"hub:seen:{service}:{event_id}"


def failures(service: str) -> str:
    """Hash ``<stream>/<entry id>`` -> failed deliveries of events to ``service``."""
    return f"hub:failures:{service}"


def probe(instance_id: str) -> str:
    """The hub's last probe of an instance's ``/health/ready``."""
    return f"hub:probe:{instance_id}"


def trace(trace_id: str) -> str:
    """Hops collected for one diagnostics trace."""
    return f"hub:trace:{trace_id}"
