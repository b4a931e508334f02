"""Test helpers of the campaign service: a :class:`Table` (HTTP client, signed identities, helpers for
the usual set-up) and a hub router playing the character service's ``character.get_summary``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI

from dnd_shared.contracts.campaign import CampaignSessionCompletedV1
from dnd_shared.contracts.character import CharacterClassLevel, CharacterRef, CharacterSummary, get_summary
from dnd_shared.errors import NotFoundError
from dnd_shared.hub import HubRouter, MessageContext
from dnd_shared.hub.outbox import OutboxRelay
from dnd_shared.testing.identity import SignedIdentity

BASE = "/api/v1/campaigns"


@dataclass
class Table:
    """The HTTP client, signed identities, and the characters the test character service knows."""

    http: httpx.AsyncClient
    app: FastAPI
    identity: SignedIdentity
    relay: OutboxRelay
    characters: dict[uuid.UUID, CharacterSummary] = field(default_factory=dict)
    #: ``campaign.session_completed.v1`` events the test character service handled, in order.
    completed_sessions: list[CampaignSessionCompletedV1] = field(default_factory=list)

    def as_user(self, user_id: uuid.UUID) -> dict[str, str]:
        """Identity headers of ``user_id`` as the edge would send them."""
        return self.identity.headers(user_id)

    def character(self, owner: uuid.UUID, name: str, level: int = 3, class_id: str = "fighter",
                  species: str = "human") -> uuid.UUID:
        """A character the (test) character service will describe."""
        character_id = uuid.uuid4()
        self.characters[character_id] = CharacterSummary(
            id=character_id, owner_id=owner, name=name, status="active", level=level,
            classes=[CharacterClassLevel(id=class_id, level=level)], species=species, background="soldier")
        return character_id

    async def create_campaign(self, dm: uuid.UUID, **values: Any) -> dict[str, Any]:
        """A campaign run by ``dm``."""
        response = await self.http.post(BASE, json={"name": "Lost Mine", **values}, headers=self.as_user(dm))
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    async def join(self, campaign: dict[str, Any], player: uuid.UUID, character_name: str | None = None,
                   level: int = 3) -> uuid.UUID | None:
        """``player`` joins with the invite code and, with a name, attaches a new character."""
        response = await self.http.post(f"{BASE}/join", json={"code": campaign["invite_code"]},
                                        headers=self.as_user(player))
        assert response.status_code == 200, response.text
        if character_name is None:
            return None
        character_id = self.character(player, character_name, level)
        response = await self.http.post(f"{BASE}/{campaign['id']}/characters",
                                        json={"character_id": str(character_id)}, headers=self.as_user(player))
        assert response.status_code == 201, response.text
        return character_id

    async def entity(self, campaign: dict[str, Any], dm: uuid.UUID, **body: Any) -> dict[str, Any]:
        """A story entity created by the DM."""
        response = await self.http.post(f"{BASE}/{campaign['id']}/entities", json=body, headers=self.as_user(dm))
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created


def character_router(table: Table) -> HubRouter:
    """The character service's ``character.get_summary`` over the table's characters, and a subscriber
    to ``campaign.session_completed.v1`` that records what it handled."""
    router = HubRouter()
    table_characters = table.characters

    @router.subscribe(CampaignSessionCompletedV1)
    async def on_completed(event: CampaignSessionCompletedV1, ctx: MessageContext) -> None:
        table.completed_sessions.append(event)

    @router.rpc(get_summary)
    async def summary(request: CharacterRef, ctx: MessageContext) -> CharacterSummary:
        found = table_characters.get(request.character_id)
        if found is None:
            raise NotFoundError(f"No character with id {request.character_id}.", code="character_not_found")
        return found

    return router


