"""Staging the campaign's events in its outbox: written in the request's transaction, published by
the hub's relay after the commit (so an event exists exactly when the change it announces does)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_service.models import hub_outbox
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.contracts.events import EventModel
from dnd_shared.db.engine import SessionDep
from dnd_shared.hub.events import build_event
from dnd_shared.hub.outbox import OutboxRelay, stage_event
from dnd_shared.identity import Principal

SOURCE = "campaign"


class EventStager:
    """Stages events on one session, woken relay included."""

    def __init__(self, session: AsyncSession, relay: OutboxRelay | None, principal: Principal | None) -> None:
        self.session = session
        self.relay = relay
        self.principal = principal

    async def stage(self, event: EventModel, *, subject: str) -> str:
        """Write ``event`` to the outbox; returns its (stable) event id."""
        claims = PrincipalClaims.from_principal(self.principal) if self.principal is not None else None
        envelope = build_event(event, source=SOURCE, subject=subject, principal=claims)
        await stage_event(self.session, hub_outbox, envelope, self.relay)
        return envelope.id


def get_event_stager(request: Request, session: SessionDep) -> EventStager:
    """The request's stager (the relay exists when the app runs its hub)."""
    hub: Any = getattr(request.app.state, "hub", None)
    relay = getattr(hub, "outbox_relay", None)
    principal = getattr(request.state, "principal", None)
    return EventStager(session, relay, principal if isinstance(principal, Principal) else None)


EventStagerDep = Annotated[EventStager, Depends(get_event_stager)]
