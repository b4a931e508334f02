"""Every query on the roll log."""

from __future__ import annotations

from character_service.rolls.models import Roll
from dnd_shared.db.repository import Repository


class RollRepository(Repository[Roll]):
    model = Roll
    entity_name = "roll"
