"""Snapshot a catalog entry onto a character as an inline item, linked back to its catalog root.

The mechanics the rules engine needs (category, base weapon/armor, +N bonus, attunement, weight) are
copied at the time of adding, so the sheet never depends on a later catalog edit; ``catalog_id``
points at the root entry (an adaptation links to what it was adapted from, not to itself).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from character_service.rules.build import InlineItem
from character_service.rules.data.equipment import ARMOR, WEAPONS
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.errors import ErrorDetail, ServiceUnavailableError, UnprocessableError
from dnd_shared.hub.client import Hub

CARRIED_TYPES = frozenset({"weapon", "armor", "magic_item", "gear", "tool"})


def rules_id(name_or_slug: str | None) -> str | None:
    """The rules engine's id for an SRD weapon or armor named ``name_or_slug`` (``Chain Mail`` -> ``chain_mail``)."""
    if not name_or_slug:
        return None
    key = re.sub(r"[^a-z0-9]+", "_", name_or_slug.lower()).strip("_")
    return key if key in WEAPONS or key in ARMOR else None


def snapshot(entry: dict[str, Any]) -> InlineItem:
    """The inline item for a catalog entry (``EntryOut`` as JSON)."""
    kind = entry["type"]
    mechanics: dict[str, Any] = entry.get("mechanics") or {}
    root = str(entry.get("root_id") or entry["id"])
    weight = float(mechanics.get("weight_lb") or 0)
    if kind == "weapon":
        base = rules_id(entry["slug"]) or rules_id(entry["name"])
        return InlineItem(name=entry["name"], category="weapon", base=base, weight_lb=weight, catalog_id=root)
    if kind == "armor":
        base = rules_id(entry["slug"]) or rules_id(entry["name"])
        category = "shield" if mechanics.get("category") == "shield" else "armor"
        return InlineItem(name=entry["name"], category=category, base=base, weight_lb=weight, catalog_id=root)
    if kind == "magic_item":
        bonus = int(mechanics.get("bonus") or 0)
        applies = mechanics.get("bonus_applies_to")
        base = rules_id(mechanics.get("base_item"))
        category = {"weapon": "weapon", "armor": "armor"}.get(str(mechanics.get("category")), "wondrous")
        if category == "armor" and base == "shield":
            category = "shield"
        return InlineItem(
            name=entry["name"], category=category, base=base if category in ("weapon", "armor", "shield") else None,
            magic_bonus=bonus if applies == "weapon" else 0,
            ac_bonus=bonus if applies in ("armor", "shield", "ac") else 0,
            requires_attunement=bool(mechanics.get("attunement")), weight_lb=weight, catalog_id=root,
        )
    return InlineItem(name=entry["name"], category="gear", weight_lb=weight, catalog_id=root)


async def fetch_item(hub: Hub | None, catalog_id: uuid.UUID, principal: PrincipalClaims | None) -> InlineItem:
    """Ask the catalog for the entry (visibility as for the caller: others' private homebrew is a
    404) and snapshot it."""
    if hub is None or not hub.running:
        raise ServiceUnavailableError("The catalog cannot be reached right now.", code="catalog_unavailable")
    answer = await hub.call("catalog.get", {"id": str(catalog_id)}, principal=principal, timeout=3.0)
    entry: dict[str, Any] = answer["entry"]
    if entry["type"] not in CARRIED_TYPES:
        raise UnprocessableError("That catalog entry is not an item.", code="not_an_item",
                                 details=[ErrorDetail("catalog_id", f"a {entry['type']} cannot be carried")])
    return snapshot(entry)
