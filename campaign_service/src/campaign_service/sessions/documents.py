"""Session rows as documents for the filtering layer."""

from __future__ import annotations

from typing import Any

from campaign_service.sessions.models import LedgerEntry, PlaySession, SessionEvent


def session_document(play: PlaySession) -> dict[str, Any]:
    """A session; ``dm_notes`` is always DM-only."""
    return {
        "id": str(play.id), "campaign_id": str(play.campaign_id), "number": play.number, "title": play.title,
        "scheduled_for": play.scheduled_for.isoformat() if play.scheduled_for else None, "status": play.status,
        "attendance": list(play.attendance), "notes": play.notes, "dm_notes": play.dm_notes, "recap": play.recap,
        "recap_generated": play.recap_generation is not None, "recap_generation": play.recap_generation,
        "started_at": play.started_at.isoformat() if play.started_at else None,
        "closed_at": play.closed_at.isoformat() if play.closed_at else None,
        "completion_event_id": play.completion_event_id, "version": play.version,
        "visibility": "party",
    }


def event_document(event: SessionEvent) -> dict[str, Any]:
    """Something that happened in a session, with its access rules."""
    return {
        "id": str(event.id), "session_id": str(event.session_id), "kind": event.kind,
        "character_id": str(event.character_id) if event.character_id else None, "amount": event.amount,
        "item": event.item, "description": event.description, "data": dict(event.data),
        "created_at": event.created_at.isoformat(),
        "visibility": event.visibility, "visible_to": list(event.visible_to),
        "dm_only_fields": list(event.dm_only_fields),
    }


def ledger_document(entry: LedgerEntry) -> dict[str, Any]:
    """A ledger line."""
    return {
        "id": str(entry.id), "session_id": str(entry.session_id) if entry.session_id else None, "kind": entry.kind,
        "character_id": str(entry.character_id) if entry.character_id else None, "amount": entry.amount,
        "item": entry.item, "description": entry.description, "created_at": entry.created_at.isoformat(),
        "visibility": entry.visibility, "visible_to": list(entry.visible_to),
        "dm_only_fields": list(entry.dm_only_fields),
    }
