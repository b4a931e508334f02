"""HTTP routes of version control under ``/api/v1/characters/{character_id}``.

Revert to a commit is ``POST /{id}/revert``: ``POST /{id}/restore`` already brings back a
soft-deleted character (characters router). A deleted branch comes back with
``POST /{id}/branches/{name}/restore``.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response, status

from character_service.characters.router import CharacterServiceDep, IfMatch, character_out
from character_service.characters.schemas import CharacterOut
from character_service.versions.membership import HubCampaignMembership
from character_service.versions.models import BuildCommit, MergeRequest
from character_service.versions.repository import MergeRequestRepository
from character_service.versions.schemas import (
    BRANCH_PATTERN,
    ActivityOut,
    ActivityPage,
    BranchIn,
    BranchList,
    BranchOut,
    ChangeOut,
    CheckoutIn,
    CommentIn,
    CommitOut,
    CommitSummaryOut,
    DecisionIn,
    DiffOut,
    HistoryPage,
    MergeIn,
    MergeOut,
    MergeRequestIn,
    MergeRequestOut,
    MergeRequestPage,
    RevertIn,
    ValueChoice,
)
from character_service.versions.service import VersionService
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser
from dnd_shared.versioning import Resolution, Value

router = APIRouter(prefix="/api/v1/characters/{character_id}", tags=["versions"])


def get_version_service(characters: CharacterServiceDep, session: SessionDep, request: Request) -> VersionService:
    membership = HubCampaignMembership(session, getattr(request.app.state, "hub", None))
    return VersionService(characters, MergeRequestRepository(session), membership)


VersionServiceDep = Annotated[VersionService, Depends(get_version_service)]
BranchPath = Annotated[str, Path(pattern=BRANCH_PATTERN)]
Limit = Annotated[int, Query(ge=1, le=200)]
Cursor = Annotated[str | None, Query(max_length=200)]


def summary_out(commit: BuildCommit) -> CommitSummaryOut:
    return CommitSummaryOut(id=commit.id, parents=list(commit.parents), branch=commit.branch,
                            author_id=commit.author_id, message=commit.message, kind=commit.kind,
                            summary=commit.summary, created_at=commit.created_at)


def commit_out(commit: BuildCommit) -> CommitOut:
    return CommitOut(**summary_out(commit).model_dump(), snapshot=commit.snapshot, digest=commit.digest)


def request_out(request: MergeRequest) -> MergeRequestOut:
    return MergeRequestOut(
        id=request.id, version=request.version, character_id=request.character_id, source=request.source,
        target=request.target, author_id=request.author_id, title=request.title,
        status=request.status,
        campaign_id=request.campaign_id, source_head=request.source_head_id, approved_head=request.approved_head_id,
        merged_commit=request.merged_commit_id, reviewers=[uuid.UUID(r) for r in request.reviewers],
        comments=list(request.comments), audit=list(request.audit), created_at=request.created_at,
        updated_at=request.updated_at,
    )


@router.get("/history", summary="A branch's commits, newest first (the active branch by default)")
async def history(character_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep,
                  branch: Annotated[str | None, Query(pattern=BRANCH_PATTERN)] = None, limit: Limit = 50,
                  cursor: Cursor = None) -> HistoryPage:
    name, commits, next_cursor = await versions.history_page(user, character_id, branch, limit, cursor)
    return HistoryPage(branch=name, items=[summary_out(c) for c in commits], next_cursor=next_cursor)


@router.get("/commits/{commit}", summary="One commit with the build it holds (a commit id or a branch name)")
async def get_commit(character_id: uuid.UUID, commit: Annotated[str, Path(max_length=80)], user: CurrentUser,
                     versions: VersionServiceDep) -> CommitOut:
    return commit_out(await versions.commit(user, character_id, commit))


@router.get("/diff", summary="Field-level changes and a readable summary between two commits")
async def diff(character_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep,
               from_: Annotated[str, Query(alias="from", max_length=80)],
               to: Annotated[str, Query(max_length=80)]) -> DiffOut:
    old, new, result = await versions.diff(user, character_id, from_, to)
    return DiffOut(from_commit=old.id, to_commit=new.id, summary=result.summary,
                   changes=[ChangeOut(**c.to_dict()) for c in result.changes])


@router.get("/branches", summary="Branches (deleted ones with deleted=true) and the active branch")
async def list_branches(character_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep,
                        deleted: bool = False) -> BranchList:
    active, branches = await versions.branches(user, character_id, deleted=deleted)
    return BranchList(active=active, items=[
        BranchOut(name=b.name, head=b.head_id, active=b.name == active and b.deleted_at is None,
                  created_at=b.created_at, deleted_at=b.deleted_at) for b in branches])


@router.post("/branches", status_code=status.HTTP_201_CREATED, summary="Create a branch at any commit")
async def create_branch(character_id: uuid.UUID, body: BranchIn, user: CurrentUser,
                        versions: VersionServiceDep) -> BranchOut:
    branch = await versions.create_branch(user, character_id, body.name, body.from_)
    return BranchOut(name=branch.name, head=branch.head_id, active=False, created_at=branch.created_at,
                     deleted_at=None)


@router.delete("/branches/{name:path}", summary="Soft delete a branch (restorable)")
async def delete_branch(character_id: uuid.UUID, name: BranchPath, user: CurrentUser,
                        versions: VersionServiceDep) -> BranchOut:
    branch = await versions.delete_branch(user, character_id, name)
    return BranchOut(name=branch.name, head=branch.head_id, active=False, created_at=branch.created_at,
                     deleted_at=branch.deleted_at)


@router.post("/branches/{name:path}/restore", summary="Bring a deleted branch back")
async def restore_branch(character_id: uuid.UUID, name: BranchPath, user: CurrentUser,
                         versions: VersionServiceDep) -> BranchOut:
    branch = await versions.restore_branch(user, character_id, name)
    return BranchOut(name=branch.name, head=branch.head_id, active=False, created_at=branch.created_at,
                     deleted_at=None)


@router.post("/checkout", summary="Switch the active branch: the character takes that branch's build")
async def checkout(character_id: uuid.UUID, body: CheckoutIn, user: CurrentUser, versions: VersionServiceDep,
                   response: Response, if_match: IfMatch = None) -> CharacterOut:
    return character_out(await versions.checkout(user, character_id, body.branch, if_match), response)


@router.post("/revert", summary="Revert to any commit: a new commit with that build, nothing rewritten")
async def revert(character_id: uuid.UUID, body: RevertIn, user: CurrentUser, versions: VersionServiceDep,
                 response: Response, if_match: IfMatch = None) -> CharacterOut:
    character, _ = await versions.revert(user, character_id, body.commit, body.message, if_match)
    return character_out(character, response)


def resolution_of(choice: str | ValueChoice) -> Resolution:
    if isinstance(choice, ValueChoice):
        return Value(choice.value)
    return choice  # type: ignore[return-value]


@router.post("/merge", summary="Merge a branch (fast-forward or three-way; 409 lists each conflicting path)")
async def merge(character_id: uuid.UUID, body: MergeIn, user: CurrentUser, versions: VersionServiceDep,
                response: Response, if_match: IfMatch = None) -> MergeOut:
    result, branch, commit, character = await versions.merge(
        user, character_id, body.source, body.target, message=body.message,
        resolutions={path: resolution_of(choice) for path, choice in body.resolutions.items()},
        merge_request_id=body.merge_request, if_match=if_match)
    response.headers["ETag"] = f'"{character.id}.{character.version}"'
    return MergeOut(result=result, target=branch.name, head=branch.head_id,
                    commit=summary_out(commit) if commit is not None else None,
                    character_version=character.version)


@router.get("/merge-requests", summary="Merge requests (the owner, or the DM of the character's campaign)")
async def list_merge_requests(character_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep,
                              status_: Annotated[str | None, Query(alias="status",
                                                                   pattern="^(open|approved|rejected|merged)$")] = None,
                              limit: Limit = 50, cursor: Cursor = None) -> MergeRequestPage:
    page = await versions.list_requests(user, character_id, status_, limit, cursor)
    return MergeRequestPage(items=[request_out(r) for r in page.items], next_cursor=page.next_cursor)


@router.post("/merge-requests", status_code=status.HTTP_201_CREATED, summary="Ask the DM to approve a merge")
async def open_merge_request(character_id: uuid.UUID, body: MergeRequestIn, user: CurrentUser,
                             versions: VersionServiceDep) -> MergeRequestOut:
    return request_out(await versions.open_request(user, character_id, body.source, body.target, body.title,
                                                   body.comment))


@router.post("/merge-requests/{request_id}/approve", summary="The campaign's DM approves the source as it is now")
async def approve(character_id: uuid.UUID, request_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep,
                  body: DecisionIn | None = None) -> MergeRequestOut:
    return request_out(await versions.decide(user, character_id, request_id, True, body.comment if body else None))


@router.post("/merge-requests/{request_id}/reject", summary="The campaign's DM rejects the merge")
async def reject(character_id: uuid.UUID, request_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep,
                 body: DecisionIn | None = None) -> MergeRequestOut:
    return request_out(await versions.decide(user, character_id, request_id, False, body.comment if body else None))


@router.post("/merge-requests/{request_id}/comments", summary="Comment on a merge request (owner or DM)")
async def comment(character_id: uuid.UUID, request_id: uuid.UUID, body: CommentIn, user: CurrentUser,
                  versions: VersionServiceDep) -> MergeRequestOut:
    return request_out(await versions.comment(user, character_id, request_id, body.body))


@router.get("/activity", summary="Play-state activity log (who, what, when): not committed to history")
async def activity(character_id: uuid.UUID, user: CurrentUser, versions: VersionServiceDep, limit: Limit = 50,
                   cursor: Cursor = None) -> ActivityPage:
    page = await versions.activity(user, character_id, limit, cursor)
    return ActivityPage(items=[ActivityOut(id=a.id, actor_id=a.actor_id, what=a.what, report=a.report,
                                           created_at=a.created_at) for a in page.items],
                        next_cursor=page.next_cursor)
