"""Hub handlers of the campaign service.

For now the standard ones (``campaign.system.info``, ``campaign.diagnostics.trace``, the
``diagnostics.trace.v1`` subscription). The trace event goes through the service's outbox
(``campaign.hub_outbox``), relayed after commit — the path campaign events that must not be lost
will take.
"""

from __future__ import annotations

from dnd_shared.hub import HubRouter, system_router

from campaign_service.models import hub_outbox

router = HubRouter()
router.include(system_router("campaign", outbox=hub_outbox))
