"""Knowledge and reveals as documents for the filtering layer."""

from __future__ import annotations

from typing import Any

from campaign_service.antitheticon.models import Knowledge, Reveal


def knowledge_document(row: Knowledge) -> dict[str, Any]:
    """A belief: seen by the player of the PC holding it (``is_true`` never); NPC and truth rows are DM-only."""
    return {
        "id": str(row.id), "holder_kind": row.holder_kind, "holder_id": str(row.holder_id) if row.holder_id else None,
        "subject_id": str(row.subject_id) if row.subject_id else None, "fact_key": row.fact_key,
        "statement": row.statement, "stance": row.stance, "is_true": row.is_true, "source": row.source,
        "source_clue_id": str(row.source_clue_id) if row.source_clue_id else None,
        "reveal_id": str(row.reveal_id) if row.reveal_id else None, "active": row.active,
        "created_at": row.created_at.isoformat(),
        "visibility": "characters" if row.holder_kind == "pc" else "dm_only",
        "visible_to": [str(row.holder_id)] if row.holder_kind == "pc" and row.holder_id else [],
        # Which fact a belief is measured against, and the clue behind it, would tell a player too much.
        "dm_only_fields": ["fact_key", "source_clue_id"],
    }


def name_subjects(beliefs: list[dict[str, Any]], visible_names: dict[str, str]) -> list[dict[str, Any]]:
    """Add ``subject_name`` to a player's beliefs; a subject the player cannot see loses its id too."""
    for belief in beliefs:
        subject = belief.get("subject_id")
        if subject is not None and subject not in visible_names:
            belief["subject_id"] = None
        belief["subject_name"] = visible_names.get(subject) if subject else None
    return beliefs


def reveal_document(reveal: Reveal) -> dict[str, Any]:
    """A reveal: DM-only until applied, then seen by the players of the characters it touched."""
    return {
        "id": str(reveal.id), "title": reveal.title, "description": reveal.description, "position": reveal.position,
        "session_id": str(reveal.session_id) if reveal.session_id else None, "changes": list(reveal.changes),
        "status": reveal.status, "revealed_at": reveal.revealed_at.isoformat() if reveal.revealed_at else None,
        "visibility": "characters" if reveal.status == "revealed" else "dm_only",
        "visible_to": list(reveal.visible_to),
    }
