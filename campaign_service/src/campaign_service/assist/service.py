"""The assistants: campaign outline, NPCs, story hooks, session recaps, Antitheticon networks.

Each asks ``llm.generate`` through the hub and saves the result as ordinary story content (marked
``generated`` with its provenance) that the DM edits like anything else. Only what players may
already see goes into a recap: the DM's session notes never reach the model's prompt.
"""

from __future__ import annotations

import uuid
from typing import Any

from campaign_service.antitheticon.nemesis import class_label
from campaign_service.antitheticon.service import require_antitheticon
from campaign_service.assist.llm import generate
from campaign_service.assist.schemas import HooksIn, NetworkIn, NpcIdeaIn, OutlineIn, RecapIn
from campaign_service.campaigns.access import CampaignAccess
from campaign_service.sessions.models import PlaySession
from campaign_service.sessions.repository import SessionRepository
from campaign_service.story.documents import entity_document
from campaign_service.story.models import StoryEntity
from campaign_service.story.schemas import EntityIn
from campaign_service.story.service import StoryService
from dnd_shared.errors import NotFoundError
from dnd_shared.hub import RequestHub
from dnd_shared.identity import Principal

Document = dict[str, Any]


class AssistService:
    """LLM-backed content for a campaign's DM."""

    def __init__(self, access: CampaignAccess, story: StoryService, sessions: SessionRepository,
                 hub: RequestHub) -> None:
        self.access = access
        self.story = story
        self.sessions = sessions
        self.hub = hub

    def _result(self, generation: dict[str, Any], entities: list[StoryEntity]) -> Document:
        return {"generation": generation, "entities": [entity_document(e) for e in entities]}

    async def outline(self, user: Principal, campaign_id: uuid.UUID, body: OutlineIn) -> Document:
        """Arcs (one per act), major NPCs and locations."""
        campaign, viewer = await self.access.dm(user, campaign_id)
        premise = body.premise or campaign.description or campaign.name
        result = await generate(self.hub, "campaign_outline", {
            "premise": premise if len(premise) >= 3 else f"{premise} campaign", "tone": campaign.theme or None,
            "start_level": body.start_level, "end_level": max(body.start_level, body.end_level)}, seed=body.seed)
        provenance = result.provenance()
        out = result.output
        created = []
        for act in out.get("acts", []):
            created.append(await self.story.create_as_dm(viewer, EntityIn(
                kind="arc", name=act["title"], summary=act["summary"],
                data={"level_range": str(act.get("levels", ""))[:20]}), generation=provenance))
        for npc in out.get("major_npcs", []):
            created.append(await self.story.create_as_dm(viewer, EntityIn(
                kind="npc", name=npc["name"], data={"role": npc.get("role", "")}), generation=provenance))
        for location in out.get("locations", []):
            created.append(await self.story.create_as_dm(viewer, EntityIn(kind="location", name=str(location)[:200]),
                                                         generation=provenance))
        return self._result(provenance, created)

    async def npc(self, user: Principal, campaign_id: uuid.UUID, body: NpcIdeaIn) -> Document:
        """One NPC; its secret is DM-only."""
        campaign, viewer = await self.access.dm(user, campaign_id)
        result = await generate(self.hub, "npc", {"description": body.description,
                                                  "setting": campaign.theme or None}, seed=body.seed)
        out = result.output
        notes = f"Suggested stat block: {out['stat_block']}" if out.get("stat_block") else ""
        entity = await self.story.create_as_dm(viewer, EntityIn(
            kind="npc", name=out["name"], summary=out.get("role", ""),
            data={"role": out.get("role", ""), "species": out.get("species", ""),
                  "appearance": out.get("appearance", ""), "personality": out.get("personality", ""),
                  "motives": out.get("motivation", ""), "voice": out.get("voice", ""),
                  "secret": out.get("secret", ""), "notes": notes}), generation=result.provenance())
        return self._result(result.provenance(), [entity])

    async def hooks(self, user: Principal, campaign_id: uuid.UUID, body: HooksIn) -> Document:
        """Open story hooks for the party's level."""
        campaign, viewer = await self.access.dm(user, campaign_id)
        levels = [c.level for c in await self.access.party.in_campaign(campaign_id)]
        context = body.context or campaign.description or campaign.name
        result = await generate(self.hub, "story_hook", {
            "context": context if len(context) >= 3 else f"{context} campaign",
            "party_level": max(levels, default=1), "count": body.count}, seed=body.seed)
        created = [await self.story.create_as_dm(viewer, EntityIn(
            kind="hook", name=hook["title"], summary=hook["summary"],
            data={"stakes": hook.get("stakes", ""), "complication": hook.get("complication", "")}),
            generation=result.provenance()) for hook in result.output.get("hooks", [])]
        return self._result(result.provenance(), created)

    async def recap(self, user: Principal, campaign_id: uuid.UUID, body: RecapIn) -> PlaySession:
        """The session's recap from its (player-visible) notes and events; saved on the session."""
        campaign, _ = await self.access.dm(user, campaign_id)
        play = await self.sessions.in_campaign_by_id(campaign_id, body.session_id)
        if play is None:
            raise NotFoundError(f"No session with id {body.session_id}.", code="session_not_found")
        notes = play.notes if len(play.notes) >= 3 else f"Session {play.number}: {play.title}"
        result = await generate(self.hub, "session_recap", {"notes": notes, "campaign": campaign.name[:200]},
                                seed=body.seed)
        out = result.output
        lines = [out.get("summary", "")] + [f"- {event}" for event in out.get("key_events", [])]
        if out.get("loose_threads"):
            lines += ["Loose threads:"] + [f"- {thread}" for thread in out["loose_threads"]]
        return await self.sessions.update(play, {"recap": "\n".join(line for line in lines if line),
                                                 "recap_generation": result.provenance()})

    async def network(self, user: Principal, campaign_id: uuid.UUID, body: NetworkIn) -> Document:
        """An Antitheticon network: the mastermind's identity, its facades with their tells, the plot layers
        and the party's counterparts — all DM-only until the DM shows them."""
        campaign, viewer = await self.access.dm(user, campaign_id)
        require_antitheticon(campaign)
        party = [f"{c.name}, {c.species} {class_label(c.classes)}".strip()
                 for c in await self.access.party.in_campaign(campaign_id)][:8]
        premise = body.premise or campaign.description or campaign.name
        result = await generate(self.hub, "antitheticon", {
            "premise": premise if len(premise) >= 3 else f"{premise} campaign", "party": party}, seed=body.seed)
        provenance = result.provenance()
        out = result.output
        mastermind = await self.story.create_as_dm(viewer, EntityIn(
            kind="identity", name=out["mastermind"], summary=out.get("mastermind_goal", ""),
            data={"true_name": out["mastermind"], "goal": out.get("mastermind_goal", "")}), generation=provenance)
        created = [mastermind]
        for identity in out.get("identities", []):
            created.append(await self.story.create_as_dm(viewer, EntityIn(
                kind="facade", name=identity["alias"], summary=identity.get("purpose", ""), visibility="dm_only",
                data={"identity_id": str(mastermind.id), "tell": identity.get("tell", ""),
                      "notes": f"Worn by {identity.get('worn_by', '')}"}), generation=provenance))
        for layer in out.get("layers", []):
            created.append(await self.story.create_as_dm(viewer, EntityIn(
                kind="plot_layer", name=f"Layer {layer['depth']}", position=int(layer["depth"]),
                data={"depth": layer["depth"], "apparent_plot": layer.get("apparent_plot", ""),
                      "true_plot": layer.get("hidden_truth", ""), "reveal_trigger": layer.get("reveal_trigger", "")}),
                generation=provenance))
        for counterpart in out.get("counterparts", []):
            created.append(await self.story.create_as_dm(viewer, EntityIn(
                kind="counterpart", name=counterpart["name"],
                data={"mirrors": counterpart.get("mirrors", ""), "twist": counterpart.get("twist", "")}),
                generation=provenance))
        return self._result(provenance, created)
