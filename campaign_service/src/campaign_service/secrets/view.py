"""The single view function every read, list, search, export, history entry and event goes through.

A document (a plain dict built from a row) carries its own access rules:

- ``visibility``: ``party`` (every member), ``dm_only``, or ``characters`` (only the players whose
  characters are listed in ``visible_to``);
- ``dm_only_fields``: keys of the document (or of its ``data``) that only the DM sees;
- per document type, fields that are always DM-only (``ALWAYS_DM_ONLY``: the DM's notes, whether a
  belief is true, the facade behind an identity, ...).

:func:`view` returns the document unchanged for the DM, ``None`` when a player may not see it at
all, and otherwise a copy without every secret field and without the access metadata itself (a
player is not told which fields were removed).
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from campaign_service.secrets.viewer import Viewer

VISIBILITIES = ("party", "dm_only", "characters")

#: Fields that are secret whatever the DM marks, per document type.
ALWAYS_DM_ONLY: dict[str, frozenset[str]] = {
    "campaign": frozenset({"dm_notes"}),
    "session": frozenset({"dm_notes"}),
    "knowledge": frozenset({"is_true"}),
    "reveal": frozenset({"changes"}),
    "entity": frozenset(),
    "relationship": frozenset(),
    "event": frozenset(),
    "ledger": frozenset(),
    "revision": frozenset(),
}

#: Access metadata a player never receives.
_ACCESS_KEYS = ("visibility", "visible_to", "dm_only_fields")


def may_see(viewer: Viewer, visibility: str, visible_to: Iterable[str]) -> bool:
    """Whether ``viewer`` may see a document with this visibility at all."""
    if viewer.is_dm:
        return True
    if visibility == "party":
        return True
    if visibility == "characters":
        return any(str(c) in viewer.character_ids for c in visible_to)
    return False


def view(viewer: Viewer, document_type: str, document: Mapping[str, Any]) -> dict[str, Any] | None:
    """``document`` as ``viewer`` may see it (``None``: not at all)."""
    if viewer.is_dm:
        return dict(document)
    if not may_see(viewer, str(document.get("visibility", "party")), document.get("visible_to") or ()):
        return None
    secret = set(ALWAYS_DM_ONLY[document_type]) | set(document.get("dm_only_fields") or ())
    shown: dict[str, Any] = {}
    for key, value in document.items():
        if key in secret or key in _ACCESS_KEYS:
            continue
        if key == "data" and isinstance(value, Mapping):
            shown[key] = {k: copy.deepcopy(v) for k, v in value.items() if k not in secret}
        else:
            shown[key] = copy.deepcopy(value)
    return shown


def view_all(viewer: Viewer, document_type: str, documents: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """:func:`view` over many documents, dropping the ones the viewer may not see."""
    shown = (view(viewer, document_type, d) for d in documents)
    return [d for d in shown if d is not None]


def player_view(document_type: str, document: Mapping[str, Any],
                character_ids: Iterable[str] = ()) -> dict[str, Any] | None:
    """The view of a player owning ``character_ids`` (for events that leave the service)."""
    viewer = Viewer(user_id=uuid.UUID(int=0), campaign_id=uuid.UUID(int=0), is_dm=False,
                    character_ids=frozenset(str(c) for c in character_ids))
    return view(viewer, document_type, document)
