"""Contracts of the campaign service: its events and its ``campaign.membership`` RPC.

Events (stream ``hub:evt:campaign``, published through the campaign service's outbox after commit):

- :class:`CampaignSessionCompletedV1` — a session was closed. The character service turns it into
  journal entries, XP (and level-up readiness) and relationship updates on each attending character.
  Every secret is removed before it is built: it carries what the players may see. Deliveries are
  at least once; a consumer applies it once per ``(session_id, character_id)`` (the event id is stable
  for one closing, and a session closes once).
- :class:`CampaignMemberJoinedV1`, :class:`CampaignMemberLeftV1` — membership and attached characters.
- :class:`CampaignXpAwardedV1` — XP written to the party ledger outside a session close.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from dnd_shared.contracts.events import EventModel
from dnd_shared.contracts.rpc import RpcContract


class RelationshipChange(BaseModel):
    """A change of one attending character's standing with an NPC, PC or faction."""

    model_config = ConfigDict(frozen=True)

    target_kind: Literal["npc", "pc", "faction"]
    target_id: uuid.UUID
    target_name: str
    #: Signed change of standing (-10..+10 scale).
    change: int
    #: Standing after the change.
    standing: int
    note: str = ""


class LootItem(BaseModel):
    """An item the character received."""

    model_config = ConfigDict(frozen=True)

    item: str
    quantity: int = 1
    note: str = ""


class AttendingCharacter(BaseModel):
    """What the session meant for one attending character."""

    model_config = ConfigDict(frozen=True)

    character_id: uuid.UUID
    owner_id: uuid.UUID
    #: XP earned this session (its share of party awards plus its own awards); 0 in milestone campaigns.
    xp: int = Field(ge=0)
    #: Notable moments the character's player may see, oldest first.
    notable_moments: list[str] = Field(default_factory=list)
    loot: list[LootItem] = Field(default_factory=list)
    relationship_changes: list[RelationshipChange] = Field(default_factory=list)
    #: True when the campaign advances by milestone and the DM granted a level at this session.
    milestone: bool = False


class CampaignSessionCompletedV1(EventModel):
    """``campaign.session_completed.v1``: a session was closed."""

    event_type: ClassVar[str] = "campaign.session_completed.v1"

    campaign_id: uuid.UUID
    campaign_name: str
    session_id: uuid.UUID
    session_number: int
    title: str
    played_at: datetime
    advancement: Literal["xp", "milestone"]
    #: The player-visible notes (the DM's notes never travel).
    summary: str = ""
    characters: list[AttendingCharacter]


class CampaignMemberJoinedV1(EventModel):
    """``campaign.member_joined.v1``: a user joined, or a character was attached (``character_id``)."""

    event_type: ClassVar[str] = "campaign.member_joined.v1"

    campaign_id: uuid.UUID
    user_id: uuid.UUID
    role: Literal["dm", "player"]
    character_id: uuid.UUID | None = None


class CampaignMemberLeftV1(EventModel):
    """``campaign.member_left.v1``: a user left or was removed, or a character was detached."""

    event_type: ClassVar[str] = "campaign.member_left.v1"

    campaign_id: uuid.UUID
    user_id: uuid.UUID
    character_id: uuid.UUID | None = None
    removed_by_dm: bool = False


class CampaignXpAwardedV1(EventModel):
    """``campaign.xp_awarded.v1``: the DM wrote XP to the ledger outside a session close."""

    event_type: ClassVar[str] = "campaign.xp_awarded.v1"

    campaign_id: uuid.UUID
    character_id: uuid.UUID
    amount: int
    reason: str = ""


class MembershipQuery(BaseModel):
    """Is ``user_id`` in campaign ``campaign_id`` (and its DM)? Is ``character_id`` attached to it?"""

    model_config = ConfigDict(extra="forbid")

    campaign_id: uuid.UUID
    user_id: uuid.UUID | None = None
    character_id: uuid.UUID | None = None


class MembershipAnswer(BaseModel):
    """The answer; unknown campaigns answer ``exists=false`` (never an error)."""

    campaign_id: uuid.UUID
    exists: bool
    user_role: Literal["dm", "player"] | None = None
    is_dm: bool = False
    is_member: bool = False
    character_attached: bool | None = None
    character_owner_id: uuid.UUID | None = None
    #: Whether merges into a player character's ``main`` need the DM's approval (the campaign's setting).
    merges_need_approval: bool = True


membership_contract: RpcContract[MembershipQuery, MembershipAnswer] = RpcContract(
    "campaign.membership", MembershipQuery, MembershipAnswer, "query"
)
