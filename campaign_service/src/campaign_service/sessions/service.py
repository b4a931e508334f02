"""Session logic: plan, run and close sessions; their events; the party ledger.

Closing is the one place the campaign reaches into the characters: it applies the session's
relationship changes, writes the ledger, and stages ``campaign.session_completed.v1`` in the outbox
in the same transaction, so the event exists exactly when the session is closed (and only once:
a closed session cannot close again).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from campaign_service.campaigns.access import CampaignAccess
from campaign_service.events import EventStager
from campaign_service.preconditions import check_if_match
from campaign_service.secrets.view import player_view, view, view_all
from campaign_service.secrets.viewer import Viewer
from campaign_service.sessions.documents import event_document, ledger_document, session_document
from campaign_service.sessions.models import LedgerEntry, PlaySession, SessionEvent
from campaign_service.sessions.outcome import session_outcome
from campaign_service.sessions.repository import LedgerRepository, SessionEventRepository, SessionRepository
from campaign_service.sessions.schemas import CloseIn, LedgerIn, SessionEventIn, SessionIn, SessionPatch
from campaign_service.story.documents import relationship_document
from campaign_service.story.repository import RelationshipRepository, StoryEntityRepository
from campaign_service.story.service import apply_standing_change
from dnd_shared.contracts.campaign import (
    AttendingCharacter,
    CampaignSessionCompletedV1,
    CampaignXpAwardedV1,
    LootItem,
    RelationshipChange,
)
from dnd_shared.db.base import utcnow
from dnd_shared.errors import ConflictError, ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.identity import Principal

Document = dict[str, Any]


class SessionService:
    """Sessions of a campaign and its ledger."""

    def __init__(self, access: CampaignAccess, sessions: SessionRepository, events: SessionEventRepository,
                 ledger: LedgerRepository, relationships: RelationshipRepository, entities: StoryEntityRepository,
                 outbox: EventStager) -> None:
        self.access = access
        self.sessions = sessions
        self.events = events
        self.ledger = ledger
        self.relationships = relationships
        self.entities = entities
        self.outbox = outbox

    async def _attending(self, campaign_id: uuid.UUID, attendance: list[uuid.UUID]) -> list[str]:
        attached = {str(c.character_id) for c in await self.access.party.in_campaign(campaign_id)}
        unknown = [str(c) for c in attendance if str(c) not in attached]
        if unknown:
            raise UnprocessableError("Only characters in the campaign can attend.", code="unknown_character",
                                     details=[ErrorDetail("attendance", f"not in the campaign: {', '.join(unknown)}")])
        return list(dict.fromkeys(str(c) for c in attendance))

    async def _session(self, viewer: Viewer, session_id: uuid.UUID, *, include_deleted: bool = False) -> PlaySession:
        play = await self.sessions.in_campaign_by_id(viewer.campaign_id, session_id, include_deleted=include_deleted)
        if play is None:
            raise NotFoundError(f"No session with id {session_id}.", code="session_not_found")
        return play

    async def plan(self, user: Principal, campaign_id: uuid.UUID, body: SessionIn) -> PlaySession:
        """A planned session, numbered after the last one (DM)."""
        await self.access.dm(user, campaign_id)
        attendance = await self._attending(campaign_id, body.attendance)
        return await self.sessions.create(
            campaign_id=campaign_id, number=await self.sessions.next_number(campaign_id), title=body.title,
            scheduled_for=body.scheduled_for, notes=body.notes, dm_notes=body.dm_notes, attendance=attendance)

    async def list_sessions(self, user: Principal, campaign_id: uuid.UUID) -> list[Document]:
        """Sessions as the caller may see them."""
        _, viewer = await self.access.viewer(user, campaign_id)
        return view_all(viewer, "session", (session_document(s) for s in await self.sessions.in_campaign(campaign_id)))

    async def get(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID) -> tuple[PlaySession, Document]:
        """A session and the events the caller may see."""
        _, viewer = await self.access.viewer(user, campaign_id)
        play = await self._session(viewer, session_id)
        document = view(viewer, "session", session_document(play)) or {}
        events = await self.events.of_session(play.id)
        document["events"] = view_all(viewer, "event", (event_document(e) for e in events))
        return play, document

    async def update(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID, body: SessionPatch,
                     if_match: str | None) -> PlaySession:
        """Edit a session (DM; ``If-Match``); a closed one only changes its notes and recap."""
        _, viewer = await self.access.dm(user, campaign_id)
        play = await self._session(viewer, session_id)
        check_if_match(play.version, if_match)
        values = body.model_dump(exclude_unset=True)
        if play.status == "closed" and set(values) - {"notes", "dm_notes", "recap"}:
            raise ConflictError("A closed session only takes notes and a recap.", code="session_closed")
        if body.attendance is not None:
            values["attendance"] = await self._attending(campaign_id, body.attendance)
        if "recap" in values:
            values["recap_generation"] = None
        return await self.sessions.update(play, values)

    async def delete(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID,
                     if_match: str | None) -> PlaySession:
        """Soft delete a session that has not been closed (a closed one has already told the characters)."""
        _, viewer = await self.access.dm(user, campaign_id)
        play = await self._session(viewer, session_id)
        check_if_match(play.version, if_match)
        if play.status == "closed":
            raise ConflictError("A closed session stays: its outcome reached the characters.", code="session_closed")
        return await self.sessions.soft_delete(play)

    async def restore(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID) -> PlaySession:
        """Bring a deleted session back."""
        _, viewer = await self.access.dm(user, campaign_id)
        play = await self._session(viewer, session_id, include_deleted=True)
        if play.deleted_at is None:
            raise ConflictError("The session is not deleted.", code="session_not_deleted")
        return await self.sessions.restore(play)

    async def start(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID) -> PlaySession:
        """Planned -> running."""
        _, viewer = await self.access.dm(user, campaign_id)
        play = await self._session(viewer, session_id)
        if play.status != "planned":
            raise ConflictError(f"The session is {play.status}, not planned.", code="session_not_planned")
        return await self.sessions.update(play, {"status": "running", "started_at": utcnow()})

    async def add_event(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID,
                        body: SessionEventIn) -> SessionEvent:
        """Record an XP award, loot, a notable moment or a relationship change (DM)."""
        campaign, viewer = await self.access.dm(user, campaign_id)
        play = await self._session(viewer, session_id)
        if play.status == "closed":
            raise ConflictError("The session is closed.", code="session_closed")
        if body.character_id is not None:
            await self._attending(campaign_id, [body.character_id])
        data: dict[str, Any] = {}
        if body.kind == "xp" and campaign.advancement == "milestone":
            raise UnprocessableError("This campaign advances by milestone; it awards no XP.", code="milestone_campaign",
                                     details=[ErrorDetail("kind", "xp is not used in milestone campaigns")])
        if body.kind == "loot":
            if not body.item:
                raise UnprocessableError("Loot needs an item.", details=[ErrorDetail("item", "required for loot")])
            data["quantity"] = body.quantity
        if body.kind == "relationship":
            data = await self._relationship_data(campaign_id, body)
        return await self.events.create(
            campaign_id=campaign_id, session_id=play.id, kind=body.kind, character_id=body.character_id,
            amount=body.amount, item=body.item, description=body.description, data=data,
            visibility=body.visibility, visible_to=[str(c) for c in body.visible_to],
            dm_only_fields=list(body.dm_only_fields))

    async def _relationship_data(self, campaign_id: uuid.UUID, body: SessionEventIn) -> dict[str, Any]:
        if body.relationship_id is None or body.character_id is None or body.change == 0:
            raise UnprocessableError("A relationship change names the character, the relationship and a change.",
                                     details=[ErrorDetail("relationship_id", "required with character_id and a "
                                                          "non-zero change")])
        edge = await self.relationships.in_campaign_by_id(campaign_id, body.relationship_id)
        ends = {(edge.source_kind, str(edge.source_id)), (edge.target_kind, str(edge.target_id))} if edge else set()
        if edge is None or ("pc", str(body.character_id)) not in ends:
            raise UnprocessableError("The relationship does not involve that character.", code="unknown_relationship",
                                     details=[ErrorDetail("relationship_id", "not a relationship of the character")])
        return {"relationship_id": str(edge.id), "change": body.change}

    async def close(self, user: Principal, campaign_id: uuid.UUID, session_id: uuid.UUID, body: CloseIn,
                    if_match: str | None) -> PlaySession:
        """Close the session: apply relationship changes, write the ledger, stage the completion event."""
        campaign, viewer = await self.access.dm(user, campaign_id)
        play = await self._session(viewer, session_id)
        check_if_match(play.version, if_match)
        if play.status == "closed":
            raise ConflictError("The session is already closed.", code="session_already_closed")
        events = await self.events.of_session(play.id)
        edges: dict[str, Document] = {}
        for event in events:
            if event.kind == "relationship":
                edge = await self.relationships.get_or_raise(uuid.UUID(event.data["relationship_id"]))
                edge = await apply_standing_change(self.relationships, edge, int(event.data["change"]),
                                                   event.description, play.id)
                edges[str(edge.id)] = relationship_document(edge)
        outcomes = session_outcome(play.attendance, [event_document(e) for e in events], edges,
                                   await self._party_names(campaign_id))
        await self._write_ledger(play, events, outcomes)
        closed_at = utcnow()
        owners = {str(c.character_id): c.owner_id for c in await self.access.party.in_campaign(campaign_id)}
        completed = CampaignSessionCompletedV1(
            campaign_id=campaign.id, campaign_name=campaign.name, session_id=play.id, session_number=play.number,
            title=play.title, played_at=play.started_at or play.scheduled_for or closed_at,
            advancement="milestone" if campaign.advancement == "milestone" else "xp",
            summary=play.recap or play.notes,
            characters=[AttendingCharacter(
                character_id=uuid.UUID(o.character_id), owner_id=owners[o.character_id], xp=o.xp,
                notable_moments=o.notable_moments, loot=[LootItem(**item) for item in o.loot],
                relationship_changes=[RelationshipChange(**change) for change in o.relationship_changes],
                milestone=body.milestone and campaign.advancement == "milestone",
            ) for o in outcomes.values() if o.character_id in owners],
        )
        event_id = await self.outbox.stage(completed, subject=str(play.id))
        return await self.sessions.update(play, {"status": "closed", "closed_at": closed_at,
                                                 "completion_event_id": event_id})

    async def _party_names(self, campaign_id: uuid.UUID) -> dict[str, str]:
        names = {str(c.character_id): c.name for c in await self.access.party.in_campaign(campaign_id)}
        for entity in await self.entities.in_campaign(campaign_id):
            if entity.visibility == "party" and entity.kind in ("npc", "faction"):
                names[str(entity.id)] = entity.name
        return names

    async def _write_ledger(self, play: PlaySession, events: list[SessionEvent], outcomes: dict[str, Any]) -> None:
        for character_id, outcome in outcomes.items():
            if outcome.xp:
                await self.ledger.create(campaign_id=play.campaign_id, session_id=play.id, kind="xp",
                                         character_id=uuid.UUID(character_id), amount=outcome.xp,
                                         description=f"Session {play.number}: {play.title}")
        for event in events:
            if event.kind == "loot":
                await self.ledger.create(
                    campaign_id=play.campaign_id, session_id=play.id, kind="loot", character_id=event.character_id,
                    amount=int(event.data.get("quantity", 1)), item=event.item, description=event.description,
                    visibility=event.visibility, visible_to=list(event.visible_to),
                    dm_only_fields=list(event.dm_only_fields))

    # --- ledger ------------------------------------------------------------------------------
    async def ledger_view(self, user: Principal, campaign_id: uuid.UUID) -> Document:
        """The ledger lines the caller may see, and XP totals per character from those lines."""
        _, viewer = await self.access.viewer(user, campaign_id)
        entries = view_all(viewer, "ledger", (ledger_document(e) for e in await self.ledger.in_campaign(campaign_id)))
        totals: dict[str, int] = defaultdict(int)
        for entry in entries:
            if entry["kind"] == "xp" and entry.get("character_id") and "amount" in entry:
                totals[entry["character_id"]] += int(entry["amount"])
        return {"entries": entries, "xp_totals": dict(totals)}

    async def add_ledger_entry(self, user: Principal, campaign_id: uuid.UUID, body: LedgerIn) -> LedgerEntry:
        """A line written by the DM outside a session (XP to a character announces itself)."""
        campaign, _ = await self.access.dm(user, campaign_id)
        if body.character_id is not None:
            await self._attending(campaign_id, [body.character_id])
        if body.kind == "xp" and (body.character_id is None or campaign.advancement == "milestone"):
            raise UnprocessableError("XP goes to one character in an XP campaign.", code="invalid_xp_entry",
                                     details=[ErrorDetail("character_id", "required for xp")])
        entry = await self.ledger.create(campaign_id=campaign_id, kind=body.kind, character_id=body.character_id,
                                         amount=body.amount, item=body.item, description=body.description,
                                         visibility=body.visibility)
        if body.kind == "xp" and body.character_id is not None:
            # The award reaches the player's journal: a reason the player may not see stays behind.
            shown = player_view("ledger", ledger_document(entry), [str(body.character_id)])
            reason = str(shown.get("description", "")) if shown is not None else ""
            await self.outbox.stage(CampaignXpAwardedV1(campaign_id=campaign_id, character_id=body.character_id,
                                                        amount=body.amount, reason=reason),
                                    subject=str(entry.id))
        return entry

