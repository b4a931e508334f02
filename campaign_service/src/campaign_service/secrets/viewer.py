"""Who is looking at a campaign: its DM, or a player with the characters they attached."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Viewer:
    """A member of one campaign as the filtering layer sees them."""

    user_id: uuid.UUID
    campaign_id: uuid.UUID
    is_dm: bool
    character_ids: frozenset[str] = field(default_factory=frozenset)

    def sees_character(self, character_id: uuid.UUID | str | None) -> bool:
        """Whether ``character_id`` is one of this player's characters (the DM sees them all)."""
        return self.is_dm or (character_id is not None and str(character_id) in self.character_ids)
