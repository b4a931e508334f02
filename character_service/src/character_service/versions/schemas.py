"""HTTP shapes of version control."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

BranchName = str
BRANCH_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/\-]{0,59}$"


class CommitSummaryOut(BaseModel):
    """A commit without its snapshot (history lists)."""

    id: uuid.UUID
    parents: list[uuid.UUID]
    branch: str
    author_id: uuid.UUID
    message: str
    kind: str
    summary: str
    created_at: datetime


class CommitOut(CommitSummaryOut):
    """A commit with the build it holds."""

    snapshot: dict[str, Any]
    digest: str


class HistoryPage(BaseModel):
    branch: str
    items: list[CommitSummaryOut]
    next_cursor: str | None


class ChangeOut(BaseModel):
    path: str
    kind: Literal["added", "removed", "changed"]
    before: Any = None
    after: Any = None


class DiffOut(BaseModel):
    from_commit: uuid.UUID = Field(alias="from")
    to_commit: uuid.UUID = Field(alias="to")
    summary: str
    changes: list[ChangeOut]

    model_config = {"populate_by_name": True}


class BranchIn(BaseModel):
    name: str = Field(pattern=BRANCH_PATTERN, description="Letters, digits, . _ / -; at most 60")
    from_: str | None = Field(default=None, alias="from",
                              description="A commit id or a branch name; the active branch's head by default")

    model_config = {"populate_by_name": True}


class BranchOut(BaseModel):
    name: str
    head: uuid.UUID
    active: bool
    created_at: datetime
    deleted_at: datetime | None


class BranchList(BaseModel):
    active: str
    items: list[BranchOut]


class CheckoutIn(BaseModel):
    branch: str = Field(pattern=BRANCH_PATTERN)


class RevertIn(BaseModel):
    commit: str = Field(min_length=1, max_length=80, description="A commit id (or a branch name: its head)")
    message: str | None = Field(default=None, max_length=500)


class ValueChoice(BaseModel):
    value: Any


Choice = Literal["ours", "theirs", "base"] | ValueChoice


class MergeIn(BaseModel):
    source: str = Field(pattern=BRANCH_PATTERN)
    target: str = Field(default="main", pattern=BRANCH_PATTERN)
    message: str | None = Field(default=None, max_length=500)
    resolutions: dict[str, Choice] = Field(
        default_factory=dict,
        description='Per conflicting path: "ours" (target), "theirs" (source), "base", or {"value": ...}')
    merge_request: uuid.UUID | None = Field(default=None, description="The approved merge request this carries out")


class MergeOut(BaseModel):
    result: Literal["fast_forward", "merged", "up_to_date"]
    target: str
    head: uuid.UUID
    commit: CommitSummaryOut | None
    character_version: int


class MergeRequestIn(BaseModel):
    source: str = Field(pattern=BRANCH_PATTERN)
    target: str = Field(default="main", pattern=BRANCH_PATTERN)
    title: str = Field(default="", max_length=200)
    comment: str | None = Field(default=None, max_length=4000)


class DecisionIn(BaseModel):
    comment: str | None = Field(default=None, max_length=4000)


class CommentIn(BaseModel):
    body: str = Field(min_length=1, max_length=4000)


class MergeRequestOut(BaseModel):
    id: uuid.UUID
    version: int
    character_id: uuid.UUID
    source: str
    target: str
    author_id: uuid.UUID
    title: str
    status: Literal["open", "approved", "rejected", "merged"]
    campaign_id: uuid.UUID | None
    source_head: uuid.UUID
    approved_head: uuid.UUID | None
    merged_commit: uuid.UUID | None
    reviewers: list[uuid.UUID]
    comments: list[dict[str, Any]]
    audit: list[dict[str, Any]]
    created_at: datetime
    updated_at: datetime


class MergeRequestPage(BaseModel):
    items: list[MergeRequestOut]
    next_cursor: str | None


class ActivityOut(BaseModel):
    id: uuid.UUID
    actor_id: uuid.UUID | None
    what: str
    report: dict[str, Any]
    created_at: datetime


class ActivityPage(BaseModel):
    items: list[ActivityOut]
    next_cursor: str | None
