"""Events the catalog publishes: ``catalog.content.created|updated|deleted.v1``.

They go through the service's transactional outbox (``catalog.hub_outbox``): staged in the same
transaction as the change, published by the hub's relay after the commit. Deleting and restoring
both announce themselves (``deleted`` carries ``restored=false``; a restore is an ``updated``).
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from sqlalchemy.ext.asyncio import AsyncSession

from catalog_service.content.models import CatalogEntry
from catalog_service.db import Base
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.contracts.events import EventModel
from dnd_shared.hub.events import build_event
from dnd_shared.hub.outbox import OutboxRelay, outbox_table, stage_event
from dnd_shared.identity import Principal

#: The outbox table in schema ``catalog`` (migration 0003).
OUTBOX = outbox_table(Base.metadata)
SOURCE = "catalog"


class _ContentEvent(EventModel):
    entry_id: uuid.UUID
    type: str
    slug: str
    name: str
    source: str
    owner_id: uuid.UUID | None
    visibility: str
    campaign_id: uuid.UUID | None
    root_id: uuid.UUID | None
    parent_id: uuid.UUID | None
    version: int


class CatalogContentCreatedV1(_ContentEvent):
    event_type: ClassVar[str] = "catalog.content.created.v1"


class CatalogContentUpdatedV1(_ContentEvent):
    event_type: ClassVar[str] = "catalog.content.updated.v1"


class CatalogContentDeletedV1(_ContentEvent):
    event_type: ClassVar[str] = "catalog.content.deleted.v1"


def _fields(entry: CatalogEntry) -> dict[str, Any]:
    return {
        "entry_id": entry.id,
        "type": entry.type,
        "slug": entry.slug,
        "name": entry.name,
        "source": entry.source,
        "owner_id": entry.owner_id,
        "visibility": entry.visibility,
        "campaign_id": entry.campaign_id,
        "root_id": entry.root_id,
        "parent_id": entry.parent_id,
        "version": entry.version,
    }


class ContentEvents:
    """Stages content events in the caller's transaction and wakes the relay on commit."""

    def __init__(self, relay: OutboxRelay | None = None) -> None:
        self.relay = relay

    async def _stage(
        self, session: AsyncSession, model: type[_ContentEvent], entry: CatalogEntry, principal: Principal | None
    ) -> None:
        claims = PrincipalClaims.from_principal(principal) if principal is not None else None
        envelope = build_event(model(**_fields(entry)), source=SOURCE, subject=str(entry.id), principal=claims)
        await stage_event(session, OUTBOX, envelope, self.relay)

    async def created(self, session: AsyncSession, entry: CatalogEntry, principal: Principal | None) -> None:
        """Stage ``catalog.content.created.v1``."""
        await self._stage(session, CatalogContentCreatedV1, entry, principal)

    async def updated(self, session: AsyncSession, entry: CatalogEntry, principal: Principal | None) -> None:
        """Stage ``catalog.content.updated.v1`` (edits and restores)."""
        await self._stage(session, CatalogContentUpdatedV1, entry, principal)

    async def deleted(self, session: AsyncSession, entry: CatalogEntry, principal: Principal | None) -> None:
        """Stage ``catalog.content.deleted.v1``."""
        await self._stage(session, CatalogContentDeletedV1, entry, principal)


def events_from_state(state: Any) -> ContentEvents:
    """The app's events, bound to its hub's outbox relay when the hub runs."""
    hub = getattr(state, "hub", None)
    return ContentEvents(getattr(hub, "outbox_relay", None))
