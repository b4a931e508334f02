"""Hub handlers of the auth service (see ``dnd_shared.hub``).

The standard ones for now: ``auth.system.info`` (name, version, instance, uptime),
``auth.diagnostics.trace`` and the ``diagnostics.trace.v1`` subscription. Domain RPC handlers and
event subscriptions of this service are declared here with ``@router.rpc(...)`` and
``@router.subscribe(...)``.
"""

from __future__ import annotations

from dnd_shared.hub import HubRouter, system_router

router = HubRouter()
router.include(system_router("auth"))
