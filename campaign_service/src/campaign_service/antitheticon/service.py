"""Antitheticon logic: knowledge and beliefs, reveals on a timeline, the mirroring nemesis, and the
investigation's progress. Players see only what their own characters know or believe."""

from __future__ import annotations

import uuid
from typing import Any

from campaign_service.antitheticon.documents import knowledge_document, name_subjects, reveal_document
from campaign_service.antitheticon.models import Knowledge, Reveal
from campaign_service.antitheticon.nemesis import mirror_party
from campaign_service.antitheticon.repository import KnowledgeRepository, RevealRepository
from campaign_service.antitheticon.schemas import KnowledgeIn, NemesisIn, RevealIn
from campaign_service.campaigns.access import CampaignAccess
from campaign_service.campaigns.character_summaries import fetch_summary
from campaign_service.campaigns.models import Campaign
from campaign_service.secrets.view import view, view_all
from campaign_service.secrets.viewer import Viewer
from campaign_service.story.documents import entity_document
from campaign_service.story.models import StoryEntity
from campaign_service.story.schemas import EntityIn, EntityPatch
from campaign_service.story.service import StoryService
from dnd_shared.db.base import utcnow
from dnd_shared.errors import ConflictError, ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.hub import RequestHub
from dnd_shared.identity import Principal

Document = dict[str, Any]


def require_antitheticon(campaign: Campaign) -> None:
    """409 ``not_antitheticon`` for a traditional campaign."""
    if campaign.type != "antitheticon":
        raise ConflictError("This is not an Antitheticon campaign.", code="not_antitheticon")


class AntitheticonService:
    """The identity-deception layer of an Antitheticon campaign."""

    def __init__(self, access: CampaignAccess, story: StoryService, knowledge: KnowledgeRepository,
                 reveals: RevealRepository) -> None:
        self.access = access
        self.story = story
        self.knowledge = knowledge
        self.reveals = reveals

    async def _viewer(self, user: Principal, campaign_id: uuid.UUID, *, dm: bool = False) -> Viewer:
        campaign, viewer = await (self.access.dm if dm else self.access.viewer)(user, campaign_id)
        require_antitheticon(campaign)
        return viewer

    async def _check_holder(self, viewer: Viewer, body: KnowledgeIn, field: str) -> None:
        if body.holder_kind == "truth":
            if body.holder_id is not None:
                raise UnprocessableError("Truth has no holder.",
                                         details=[ErrorDetail(f"{field}holder_id", "must be null")])
            return
        if body.holder_id is None:
            raise UnprocessableError("Who holds this knowledge?",
                                     details=[ErrorDetail(f"{field}holder_id", "required")])
        if body.holder_kind == "pc":
            if await self.access.party.attached(viewer.campaign_id, body.holder_id) is None:
                raise UnprocessableError("That character is not in this campaign.", code="unknown_character",
                                         details=[ErrorDetail(f"{field}holder_id", "not an attached character")])
        else:
            entity = await self.story.entities.in_campaign_by_id(viewer.campaign_id, body.holder_id)
            if entity is None or entity.kind not in ("npc", "identity", "facade", "nemesis"):
                raise UnprocessableError("That NPC is not in this campaign.", code="unknown_entity",
                                         details=[ErrorDetail(f"{field}holder_id", "not an NPC of this campaign")])
        if body.subject_id is not None and await self.story.entities.in_campaign_by_id(
                viewer.campaign_id, body.subject_id) is None:
            raise UnprocessableError("The subject is not in this campaign.", code="unknown_entity",
                                     details=[ErrorDetail(f"{field}subject_id", "no such entity")])

    async def _add(self, viewer: Viewer, body: KnowledgeIn, reveal_id: uuid.UUID | None = None) -> Knowledge:
        for old in await self.knowledge.superseded_by(viewer.campaign_id, body.holder_kind, body.holder_id,
                                                      body.fact_key, body.subject_id):
            await self.knowledge.update(old, {"active": False})
        return await self.knowledge.create(campaign_id=viewer.campaign_id, reveal_id=reveal_id, active=True,
                                           **body.model_dump())

    # --- knowledge ---------------------------------------------------------------------------
    async def add_knowledge(self, user: Principal, campaign_id: uuid.UUID, body: KnowledgeIn) -> Knowledge:
        """Record what a PC or NPC knows or believes, or a truth (DM); replaces the holder's belief on the same fact."""
        viewer = await self._viewer(user, campaign_id, dm=True)
        await self._check_holder(viewer, body, "")
        return await self._add(viewer, body)

    async def remove_knowledge(self, user: Principal, campaign_id: uuid.UUID, knowledge_id: uuid.UUID,
                               restore: bool) -> Knowledge:
        """Soft delete (or restore) a knowledge row (DM): a correction, not a reveal."""
        await self._viewer(user, campaign_id, dm=True)
        row = await self.knowledge.get(knowledge_id, include_deleted=True)
        if row is None or row.campaign_id != campaign_id or (row.deleted_at is None) == restore:
            raise NotFoundError(f"No knowledge with id {knowledge_id}.", code="knowledge_not_found")
        return await (self.knowledge.restore(row) if restore else self.knowledge.soft_delete(row))

    async def beliefs(self, user: Principal, campaign_id: uuid.UUID, *, holder_id: uuid.UUID | None = None,
                      subject_id: uuid.UUID | None = None, include_inactive: bool = False) -> list[Document]:
        """Knowledge the caller may see: everything for the DM, their own characters' beliefs for a player
        (never whether they are true, nor subjects they cannot see)."""
        viewer = await self._viewer(user, campaign_id)
        rows = await self.knowledge.in_campaign(campaign_id, holder_id=holder_id, subject_id=subject_id,
                                                active_only=not include_inactive)
        shown = view_all(viewer, "knowledge", (knowledge_document(r) for r in rows))
        if viewer.is_dm:
            return shown
        return name_subjects(shown, await self._visible_names(viewer))

    async def _visible_names(self, viewer: Viewer) -> dict[str, str]:
        entities = view_all(viewer, "entity", (entity_document(e) for e in
                                               await self.story.entities.in_campaign(viewer.campaign_id)))
        return {e["id"]: e["name"] for e in entities}

    # --- reveals -----------------------------------------------------------------------------
    async def plan_reveal(self, user: Principal, campaign_id: uuid.UUID, body: RevealIn) -> Reveal:
        """A reveal on the timeline (DM); nothing changes until it is applied."""
        viewer = await self._viewer(user, campaign_id, dm=True)
        for index, change in enumerate(body.changes):
            await self._check_holder(viewer, change, f"changes[{index}].")
        position = body.position if body.position is not None else await self.reveals.next_position(campaign_id)
        return await self.reveals.create(campaign_id=campaign_id, title=body.title, description=body.description,
                                         position=position, changes=[c.model_dump(mode="json") for c in body.changes])

    async def apply_reveal(self, user: Principal, campaign_id: uuid.UUID, reveal_id: uuid.UUID,
                           session_id: uuid.UUID | None) -> Reveal:
        """Apply a reveal once: each change replaces the holder's belief on the same fact."""
        viewer = await self._viewer(user, campaign_id, dm=True)
        reveal = await self.reveals.in_campaign_by_id(campaign_id, reveal_id)
        if reveal is None:
            raise NotFoundError(f"No reveal with id {reveal_id}.", code="reveal_not_found")
        if reveal.status == "revealed":
            raise ConflictError("The reveal was already applied.", code="reveal_already_applied")
        touched: list[str] = []
        for raw in reveal.changes:
            change = KnowledgeIn.model_validate(raw)
            await self._add(viewer, change, reveal.id)
            if change.holder_kind == "pc" and change.holder_id is not None:
                touched.append(str(change.holder_id))
        return await self.reveals.update(reveal, {"status": "revealed", "revealed_at": utcnow(),
                                                  "session_id": session_id, "visible_to": sorted(set(touched))})

    async def timeline(self, user: Principal, campaign_id: uuid.UUID) -> list[Document]:
        """Reveals in order: all of them for the DM, the applied ones that touched their characters for a player."""
        viewer = await self._viewer(user, campaign_id)
        return view_all(viewer, "reveal", (reveal_document(r) for r in await self.reveals.in_campaign(campaign_id)))

    # --- the network -------------------------------------------------------------------------
    async def network(self, user: Principal, campaign_id: uuid.UUID) -> Document:
        """Identities, facades, deception layers, clues and counterparts as the caller may see them."""
        viewer = await self._viewer(user, campaign_id)
        kinds = ("identity", "facade", "plot_layer", "clue", "counterpart", "nemesis")
        result: Document = {}
        for kind in kinds:
            rows = await self.story.entities.in_campaign(campaign_id, kind=kind)
            result[kind] = view_all(viewer, "entity", (entity_document(e) for e in rows))
        return result

    # --- the nemesis -------------------------------------------------------------------------
    async def build_nemesis(self, user: Principal, campaign_id: uuid.UUID, body: NemesisIn,
                            hub: RequestHub) -> StoryEntity:
        """Build the nemesis from the party (asked of the character service now), or evolve it when the
        party changed since it was last built (each change is kept in ``data.evolution``)."""
        viewer = await self._viewer(user, campaign_id, dm=True)
        party = [await fetch_summary(hub, c.character_id) for c in await self.access.party.in_campaign(campaign_id)]
        mirrored = mirror_party(party)
        step = {"at": utcnow().isoformat(), "level": mirrored["level"],
                "party": [m["character_id"] for m in mirrored["mirrors"]], "party_digest": mirrored["party_digest"]}
        existing = await self.story.entities.in_campaign(campaign_id, kind="nemesis")
        if not existing:
            return await self.story.create_as_dm(viewer, EntityIn(
                kind="nemesis", name=body.name, summary=body.summary, data={**mirrored, "evolution": [step]}))
        nemesis = existing[0]
        if nemesis.data.get("party_digest") == mirrored["party_digest"]:
            return nemesis
        evolution = [*nemesis.data.get("evolution", []), step]
        return await self.story.update_as_dm(viewer, nemesis, EntityPatch(data={**mirrored, "evolution": evolution}))

    async def nemesis(self, user: Principal, campaign_id: uuid.UUID) -> Document:
        """The nemesis as the caller may see it (DM-only unless the DM shows it)."""
        viewer = await self._viewer(user, campaign_id)
        for entity in await self.story.entities.in_campaign(campaign_id, kind="nemesis"):
            document = view(viewer, "entity", entity_document(entity))
            if document is not None:
                return document
        raise NotFoundError("This campaign has no nemesis yet.", code="nemesis_not_found")

    # --- progress ----------------------------------------------------------------------------
    async def progress(self, user: Principal, campaign_id: uuid.UUID) -> Document:
        """What the party knows against the truth (DM); a player gets their own characters' belief count only,
        since the truth would say which of their beliefs are right."""
        viewer = await self._viewer(user, campaign_id)
        rows = await self.knowledge.in_campaign(campaign_id)
        if not viewer.is_dm:
            mine = [r for r in rows if r.holder_kind == "pc" and viewer.sees_character(r.holder_id)]
            return {"beliefs": len(mine)}
        truths = [r for r in rows if r.holder_kind == "truth" and r.fact_key]
        pc_rows = [r for r in rows if r.holder_kind == "pc"]
        facts = []
        for truth in truths:
            about = [r for r in pc_rows if r.fact_key == truth.fact_key]
            knowing = sorted({str(r.holder_id) for r in about if r.is_true and r.stance in ("knows", "believes")})
            misled = sorted({str(r.holder_id) for r in about if not r.is_true and r.stance in ("knows", "believes")})
            suspecting = sorted({str(r.holder_id) for r in about if r.is_true and r.stance == "suspects"})
            facts.append({"fact_key": truth.fact_key, "truth": truth.statement, "known_by": knowing,
                          "misled": misled, "suspected_by": suspecting})
        known = sum(1 for f in facts if f["known_by"])
        return {"truths": len(facts), "known": known, "misled": sum(1 for f in facts if f["misled"]),
                "percent_known": round(100 * known / len(facts)) if facts else 0, "facts": facts}
