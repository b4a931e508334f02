"""Who may see which entry: SRD content is public; homebrew follows its owner's visibility choice.

- ``private``: the owner only;
- ``link``: the owner, and anyone who opens it by id or slug (never listed in browse or search);
- ``campaign``: the owner, and callers the campaign service vouches for over the hub (it checks
  membership and passes ``campaign_ids``); over HTTP such an entry is the owner's only.
Everyone else gets 404, exactly as for an id that does not exist.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import and_, false, or_
from sqlalchemy.sql.elements import ColumnElement

from catalog_service.content.models import CatalogEntry

HOMEBREW_VISIBILITIES = ("private", "link", "campaign")


@dataclass(frozen=True)
class Viewer:
    """The caller as far as visibility is concerned (anonymous when ``user_id`` is None)."""

    user_id: uuid.UUID | None = None
    campaign_ids: frozenset[uuid.UUID] = field(default_factory=frozenset)

    def can_see(self, entry: CatalogEntry, *, direct: bool) -> bool:
        """Whether the entry is visible; ``direct`` is an open by id/slug (``link`` entries count)."""
        if entry.visibility == "public":
            return True
        if self.user_id is not None and entry.owner_id == self.user_id:
            return True
        if entry.visibility == "campaign" and entry.campaign_id in self.campaign_ids:
            return True
        return direct and entry.visibility == "link"

    def can_edit(self, entry: CatalogEntry) -> bool:
        """Only owners edit, and SRD entries have none."""
        return self.user_id is not None and entry.owner_id == self.user_id


def visible_clause(viewer: Viewer, *, direct: bool = False) -> ColumnElement[bool]:
    """The SQL form of :meth:`Viewer.can_see`."""
    conditions: list[ColumnElement[bool]] = [CatalogEntry.visibility == "public"]
    if viewer.user_id is not None:
        conditions.append(CatalogEntry.owner_id == viewer.user_id)
    if viewer.campaign_ids:
        conditions.append(
            and_(CatalogEntry.visibility == "campaign", CatalogEntry.campaign_id.in_(list(viewer.campaign_ids)))
        )
    if direct:
        conditions.append(CatalogEntry.visibility == "link")
    return or_(*conditions) if conditions else false()
