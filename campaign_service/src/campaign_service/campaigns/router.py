"""HTTP routes of campaigns and their party."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response, status

from campaign_service.campaigns.dependencies import CampaignServiceDep
from campaign_service.campaigns.documents import (
    campaign_document,
    invite_document,
    party_character_document,
)
from campaign_service.campaigns.schemas import AttachIn, CampaignIn, CampaignPatch, InviteIn, JoinIn
from campaign_service.preconditions import IfMatch, set_etag
from campaign_service.secrets.view import view
from campaign_service.secrets.viewer import Viewer
from dnd_shared.hub import HubDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/campaigns", tags=["campaigns"])

Document = dict[str, Any]


def _dm_view(user_id: uuid.UUID, document: Document) -> Document:
    return view(Viewer(user_id, uuid.UUID(document["id"]), True), "campaign", document) or {}


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create a campaign (you are its DM)")
async def create_campaign(body: CampaignIn, user: CurrentUser, campaigns: CampaignServiceDep,
                          response: Response) -> Document:
    campaign = await campaigns.create(user, body)
    set_etag(response, campaign.version)
    return _dm_view(user.user_id, campaign_document(campaign))


@router.get("", summary="Your campaigns (as DM or player); deleted=true lists the ones you deleted")
async def list_campaigns(user: CurrentUser, campaigns: CampaignServiceDep, deleted: bool = False) -> list[Document]:
    return await campaigns.list_mine(user, deleted=deleted)


@router.post("/join", summary="Join a campaign with its invite code")
async def join(body: JoinIn, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    campaign = await campaigns.join_by_code(user, body.code)
    viewer = Viewer(user.user_id, campaign.id, False)
    return view(viewer, "campaign", campaign_document(campaign)) or {}


@router.get("/invites", summary="Invitations waiting for you")
async def my_invites(user: CurrentUser, campaigns: CampaignServiceDep) -> list[Document]:
    return await campaigns.my_invites(user)


@router.post("/invites/{invite_id}/accept", summary="Accept an invitation and join")
async def accept_invite(invite_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    return invite_document(await campaigns.answer_invite(user, invite_id, True))


@router.post("/invites/{invite_id}/decline", summary="Decline an invitation")
async def decline_invite(invite_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    return invite_document(await campaigns.answer_invite(user, invite_id, False))


@router.get("/{campaign_id}", summary="One campaign (players get the player view)")
async def get_campaign(campaign_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep,
                       response: Response) -> Document:
    campaign, viewer = await campaigns.get(user, campaign_id)
    set_etag(response, campaign.version)
    return view(viewer, "campaign", campaign_document(campaign)) or {}


@router.patch("/{campaign_id}", summary="Edit a campaign (DM; If-Match)")
async def update_campaign(campaign_id: uuid.UUID, body: CampaignPatch, user: CurrentUser,
                          campaigns: CampaignServiceDep, response: Response, if_match: IfMatch = None) -> Document:
    campaign = await campaigns.update(user, campaign_id, body, if_match)
    set_etag(response, campaign.version)
    return _dm_view(user.user_id, campaign_document(campaign))


@router.delete("/{campaign_id}", summary="Soft delete a campaign (DM)")
async def delete_campaign(campaign_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep,
                          if_match: IfMatch = None) -> Document:
    return _dm_view(user.user_id, campaign_document(await campaigns.delete(user, campaign_id, if_match)))


@router.post("/{campaign_id}/restore", summary="Restore a deleted campaign (DM)")
async def restore_campaign(campaign_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    return _dm_view(user.user_id, campaign_document(await campaigns.restore(user, campaign_id)))


@router.post("/{campaign_id}/invite-code", summary="Rotate the invite code (DM)")
async def rotate_code(campaign_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    return _dm_view(user.user_id, campaign_document(await campaigns.rotate_code(user, campaign_id)))


@router.post("/{campaign_id}/invites", status_code=status.HTTP_201_CREATED, summary="Invite a user (DM)")
async def invite(campaign_id: uuid.UUID, body: InviteIn, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    return invite_document(await campaigns.invite(user, campaign_id, body.user_id))


@router.get("/{campaign_id}/members", summary="Members and party (DM and player views)")
async def members(campaign_id: uuid.UUID, user: CurrentUser, campaigns: CampaignServiceDep) -> Document:
    return await campaigns.members_view(user, campaign_id)


@router.delete("/{campaign_id}/members/{user_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Leave (your own id) or remove a player (DM)")
async def remove_member(campaign_id: uuid.UUID, user_id: uuid.UUID, user: CurrentUser,
                        campaigns: CampaignServiceDep) -> Response:
    await campaigns.remove_member(user, campaign_id, user_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{campaign_id}/characters", status_code=status.HTTP_201_CREATED,
             summary="Attach one of your characters (ownership checked with the character service)")
async def attach_character(campaign_id: uuid.UUID, body: AttachIn, user: CurrentUser,
                           campaigns: CampaignServiceDep, hub: HubDep) -> Document:
    return party_character_document(await campaigns.attach(user, campaign_id, body.character_id, hub))


@router.delete("/{campaign_id}/characters/{character_id}", status_code=status.HTTP_204_NO_CONTENT,
               summary="Detach a character (its owner or the DM)")
async def detach_character(campaign_id: uuid.UUID, character_id: uuid.UUID, user: CurrentUser,
                           campaigns: CampaignServiceDep) -> Response:
    await campaigns.detach(user, campaign_id, character_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
