"""FastAPI dependencies that build the campaign module's objects for one request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from campaign_service.campaigns.access import CampaignAccess
from campaign_service.campaigns.repository import (
    CampaignRepository,
    InviteRepository,
    MembershipRepository,
    PartyCharacterRepository,
)
from campaign_service.campaigns.service import CampaignService
from campaign_service.events import EventStagerDep
from dnd_shared.db.engine import SessionDep


def get_access(session: SessionDep) -> CampaignAccess:
    """Campaign access checks on the request's session."""
    return CampaignAccess(CampaignRepository(session), MembershipRepository(session),
                          PartyCharacterRepository(session))


AccessDep = Annotated[CampaignAccess, Depends(get_access)]


def get_campaign_service(access: AccessDep, session: SessionDep, events: EventStagerDep) -> CampaignService:
    """The campaign service of one request."""
    return CampaignService(access, InviteRepository(session), events)


CampaignServiceDep = Annotated[CampaignService, Depends(get_campaign_service)]
