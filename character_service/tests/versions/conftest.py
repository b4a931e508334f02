"""Fixtures for the version-control tests: the app with a test signing key and fast hub timings, a
``campaign`` hub instance answering ``campaign.membership`` for real over Redis, and builds."""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from character_service.campaign_links.repository import CampaignLinkRepository
from character_service.main import create_app
from dnd_shared.contracts.campaign import MembershipAnswer, MembershipQuery, membership_contract
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.testing.fixtures import ClientFactory
from dnd_shared.testing.hub_fixtures import HubFactory, fast_hub_settings
from dnd_shared.testing.identity import SignedIdentity

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def identity() -> SignedIdentity:
    return SignedIdentity()


@pytest.fixture
def app_factory(identity: SignedIdentity) -> Callable[[], FastAPI]:
    def factory() -> FastAPI:
        app: FastAPI = create_app()
        identity.install(app)
        app.state.hub_settings = fast_hub_settings()
        return app

    return factory


@pytest.fixture
async def api(service_client: ClientFactory, app_factory: Callable[[], FastAPI]) -> AsyncIterator[httpx.AsyncClient]:
    async with service_client(app_factory) as client:
        yield client


@pytest.fixture
def alice(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


@pytest.fixture
def bob(identity: SignedIdentity) -> dict[str, str]:
    return identity.headers(uuid.uuid4())


def example_build(name: str) -> dict[str, Any]:
    document = json.loads((EXAMPLES / f"{name}.json").read_text())
    document.pop("state", None)
    return copy.deepcopy(document)


@pytest.fixture
def wizard_build() -> dict[str, Any]:
    return example_build("wizard_elf_3")


@pytest.fixture
def fighter_build() -> dict[str, Any]:
    return example_build("fighter_dwarf_5")


@dataclass
class Campaigns:
    """The campaign service as the hub sees it: campaigns with their DM and attached characters."""

    session: AsyncSession
    dms: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)
    attached: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)

    async def attach(self, character_id: str, dm_id: uuid.UUID) -> uuid.UUID:
        """A new campaign run by ``dm_id`` with the character attached (on both sides)."""
        campaign_id = uuid.uuid4()
        self.dms[campaign_id] = dm_id
        self.attached[campaign_id] = {uuid.UUID(character_id)}
        await CampaignLinkRepository(self.session).attach(uuid.UUID(character_id), campaign_id)
        await self.session.commit()
        return campaign_id

    def router(self) -> HubRouter:
        router = HubRouter()

        @router.rpc(membership_contract)
        async def membership(query: MembershipQuery, ctx: MessageContext) -> MembershipAnswer:
            exists = query.campaign_id in self.dms
            is_dm = exists and self.dms[query.campaign_id] == query.user_id
            return MembershipAnswer(
                campaign_id=query.campaign_id, exists=exists, is_dm=is_dm, is_member=is_dm,
                user_role="dm" if is_dm else None,
                character_attached=(query.character_id in self.attached[query.campaign_id]) if exists else None,
            )

        return router


@pytest.fixture
async def campaigns(db_session: AsyncSession, hub_instance: HubFactory) -> AsyncIterator[Campaigns]:
    """A running ``campaign`` hub instance with a real ``campaign.membership`` handler."""
    state = Campaigns(db_session)
    async with hub_instance("campaign", state.router()):
        yield state
