"""The hub client every service uses: RPC and events over Redis Streams, registry and discovery.

Declare handlers in ``<service>/rpc.py`` with :class:`HubRouter`, pass the router to
``create_service_app(..., hub=router)``, and use ``hub: HubDep`` in routes. See
``message_hub/README.md`` for the protocol.
"""

from dnd_shared.hub.client import Hub
from dnd_shared.hub.config import HubSettings
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.dependencies import HubDep, RequestHub
from dnd_shared.hub.errors import CircuitOpenError, HubTimeoutError, HubUnavailableError, UpstreamError
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.system import system_router

__all__ = [
    "CircuitOpenError",
    "Hub",
    "HubDep",
    "HubRouter",
    "HubSettings",
    "HubTimeoutError",
    "HubUnavailableError",
    "MessageContext",
    "RequestHub",
    "UpstreamError",
    "system_router",
]
