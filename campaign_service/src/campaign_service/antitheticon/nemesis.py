"""The nemesis that mirrors the party: one counterpart per character, a step ahead of the party."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from campaign_service.campaigns.character_summaries import classes_of
from campaign_service.story.history import document_digest
from dnd_shared.contracts.character import CharacterSummary


def class_label(classes: Sequence[Any]) -> str:
    """``[{"id": "wizard", "level": 3}]`` or ``["Wizard"]`` -> ``"Wizard 3"`` / ``"Wizard"``."""
    parts = []
    for entry in classes:
        if isinstance(entry, dict):
            name = str(entry.get("name") or entry.get("id") or "").replace("-", " ").title()
            level = entry.get("level")
            parts.append(f"{name} {level}".strip() if level else name)
        else:
            parts.append(str(entry))
    return " / ".join(p for p in parts if p) or "adventurer"


def party_digest(party: Sequence[CharacterSummary]) -> str:
    """Changes whenever a character joins, leaves, levels or changes class."""
    return document_digest(sorted((str(c.id), c.level, class_label(classes_of(c)), c.species or "") for c in party))


def mirror_party(party: Sequence[CharacterSummary]) -> dict[str, Any]:
    """The nemesis's data: its level (one above the party's highest, at most 20) and a counterpart per
    character with the same classes and species, inverted in purpose."""
    mirrors = [{
        "character_id": str(c.id), "character_name": c.name, "level": c.level, "classes": class_label(classes_of(c)),
        "species": c.species or "",
        "counterpart": f"A {c.species or 'stranger'} {class_label(classes_of(c))} who walked {c.name}'s road the "
                       f"other way: every strength of {c.name} turned to the Antitheticon's purpose.",
    } for c in party]
    level = min(20, max((c.level for c in party), default=0) + 1)
    return {"level": level, "mirrors": mirrors, "party_digest": party_digest(party)}
