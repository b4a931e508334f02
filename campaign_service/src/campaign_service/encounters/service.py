"""Encounter building for a campaign's DM: evaluate, suggest from the catalog, save."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from campaign_service.campaigns.access import CampaignAccess
from campaign_service.catalog_creatures import creatures_for
from campaign_service.encounters.budget import CreatureGroup, Evaluation, evaluate, suggest, xp_for_challenge_rating
from campaign_service.encounters.schemas import CreatureIn, EncounterIn, SaveEncounterIn, SuggestIn
from campaign_service.story.models import StoryEntity
from campaign_service.story.schemas import EntityIn
from campaign_service.story.service import StoryService
from dnd_shared.hub import RequestHub
from dnd_shared.identity import Principal

Document = dict[str, Any]


def creature_groups(creatures: list[CreatureIn]) -> list[CreatureGroup]:
    """Request creatures as groups with their XP (from the stat block's XP, else from the CR table)."""
    return [CreatureGroup(c.name, c.xp if c.xp is not None else xp_for_challenge_rating(c.cr or ""), c.count, c.cr)
            for c in creatures]


def evaluation_document(evaluation: Evaluation, difficulty: str, levels: list[int]) -> Document:
    """The evaluation as JSON, with the requested difficulty's budget called out."""
    return {"party_levels": levels, "party_size": len(levels), "budgets": evaluation.budgets,
            "difficulty": difficulty, "budget": evaluation.budgets[difficulty],  # type: ignore[index]
            "total_xp": evaluation.total_xp, "creature_count": evaluation.creature_count,
            "verdict": evaluation.verdict, "remaining": evaluation.remaining,
            "fits_requested": evaluation.total_xp <= evaluation.budgets[difficulty],  # type: ignore[index]
            "warnings": evaluation.warnings}


class EncounterService:
    """The encounter builder of one campaign."""

    def __init__(self, access: CampaignAccess, story: StoryService) -> None:
        self.access = access
        self.story = story

    async def _levels(self, campaign_id: uuid.UUID, given: list[int] | None) -> list[int]:
        if given is not None:
            return given
        return [c.level for c in await self.access.party.in_campaign(campaign_id)]

    async def evaluate(self, user: Principal, campaign_id: uuid.UUID, body: EncounterIn) -> Document:
        """Budgets, total XP and verdict (DM)."""
        await self.access.dm(user, campaign_id)
        levels = await self._levels(campaign_id, body.party_levels)
        return evaluation_document(evaluate(levels, creature_groups(body.creatures)), body.difficulty, levels)

    async def save(self, user: Principal, campaign_id: uuid.UUID, body: SaveEncounterIn) -> StoryEntity:
        """Keep an evaluated encounter as a (DM-only by default) story entity."""
        _, viewer = await self.access.dm(user, campaign_id)
        levels = await self._levels(campaign_id, body.party_levels)
        evaluation = evaluation_document(evaluate(levels, creature_groups(body.creatures)), body.difficulty, levels)
        data = {"difficulty": body.difficulty, "party_levels": levels,
                "creatures": [c.model_dump() for c in body.creatures], "evaluation": evaluation}
        return await self.story.create_as_dm(viewer, EntityIn(kind="encounter", name=body.name,
                                                              summary=body.summary, data=data))

    async def suggest(self, user: Principal, campaign_id: uuid.UUID, body: SuggestIn, hub: RequestHub) -> Document:
        """Encounters of catalog creatures matching the theme that fit the budget."""
        campaign, _ = await self.access.dm(user, campaign_id)
        levels = await self._levels(campaign_id, body.party_levels)
        budget = evaluate(levels, []).budgets[body.difficulty]
        theme = body.theme or campaign.theme or "monster"
        creatures = await creatures_for(hub, theme, budget, campaign_id)
        candidates = [CreatureGroup(c.name, c.xp, 1, c.cr) for c in creatures]
        suggestions = suggest(budget, candidates, len(levels), body.limit)
        return {"theme": theme, "difficulty": body.difficulty, "budget": budget, "party_levels": levels,
                "suggestions": [{"total_xp": s.total_xp, "creatures": [asdict(g) for g in s.groups],
                                 "verdict": evaluate(levels, s.groups).verdict} for s in suggestions]}
