"""What a closed session means for each attending character (pure; the close path and its tests use it).

- Party XP (an ``xp`` event without a character) is split evenly among the attendees, rounded down;
  a character's own XP events go to that character alone. Absent characters get nothing.
- Loot given to a character is theirs; party loot stays in the party stash (the ledger only).
- Notable moments and relationship changes reach a character only as its player may see them (the
  same filtering layer as every route): a DM-only moment never travels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from campaign_service.secrets.view import player_view


@dataclass
class CharacterOutcome:
    character_id: str
    xp: int = 0
    notable_moments: list[str] = field(default_factory=list)
    loot: list[dict[str, Any]] = field(default_factory=list)
    relationship_changes: list[dict[str, Any]] = field(default_factory=list)


def split_evenly(total: int, shares: int) -> int:
    """Each share of ``total`` XP among ``shares`` characters (rounded down; 0 without anyone)."""
    return total // shares if shares > 0 else 0


def session_outcome(attendance: Sequence[str], events: Sequence[Mapping[str, Any]],
                    relationships: Mapping[str, Mapping[str, Any]],
                    party_names: Mapping[str, str]) -> dict[str, CharacterOutcome]:
    """Per attending character id: XP, moments, loot and relationship changes it may see.

    ``events`` are event documents; ``relationships`` maps a relationship id to its document *after*
    the session's changes; ``party_names`` names every node the whole party may see (a change
    towards anyone else is not told).
    """
    outcomes = {c: CharacterOutcome(c) for c in attendance}
    for event in events:
        target = event.get("character_id")
        recipients = [target] if target is not None else list(attendance)
        kind = event["kind"]
        if kind == "xp":
            if target is None:
                share = split_evenly(int(event["amount"]), len(attendance))
                for character in attendance:
                    outcomes[character].xp += share
            elif target in outcomes:
                outcomes[target].xp += int(event["amount"])
            continue
        for character in recipients:
            if character not in outcomes:
                continue
            seen = player_view("event", event, [character])
            if seen is None:
                continue
            if kind == "moment" and seen.get("description"):
                outcomes[character].notable_moments.append(seen["description"])
            elif kind == "loot" and target is not None and seen.get("item"):
                outcomes[character].loot.append({"item": seen["item"], "quantity": int(seen["data"].get("quantity", 1)),
                                                 "note": seen.get("description", "")})
            elif kind == "relationship":
                change = _relationship_change(seen, relationships, party_names, character)
                if change is not None:
                    outcomes[character].relationship_changes.append(change)
    return outcomes


def _relationship_change(event: Mapping[str, Any], relationships: Mapping[str, Mapping[str, Any]],
                         party_names: Mapping[str, str], character: str) -> dict[str, Any] | None:
    edge = relationships.get(str(event["data"].get("relationship_id")))
    if edge is None:
        return None
    shown = player_view("relationship", edge, [character])
    if shown is None or "standing" not in shown:
        return None
    # The other end of the edge, seen from this character.
    if shown["source_kind"] == "pc" and shown["source_id"] == character:
        other_kind, other_id = shown["target_kind"], shown["target_id"]
    else:
        other_kind, other_id = shown["source_kind"], shown["source_id"]
    if other_id not in party_names:
        return None
    return {"target_kind": other_kind, "target_id": other_id, "target_name": party_names[other_id],
            "change": int(event["data"].get("change", 0)), "standing": shown["standing"],
            "note": str(event.get("description", ""))}
