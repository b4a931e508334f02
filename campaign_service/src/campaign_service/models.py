"""Imports every ORM model of the campaign service so Alembic sees the whole schema."""

from dnd_shared.hub.outbox import outbox_table

from campaign_service.db import Base

#: Events whose loss would lose data are written here in the same transaction (see dnd_shared.hub.outbox).
hub_outbox = outbox_table(Base.metadata)
