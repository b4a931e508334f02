"""Version control use cases: history, commits, diff, branches, checkout, merge (fast-forward or
three-way with conflicts and resolutions, checked by the rules engine), merge requests with DM
approval, revert to any commit, branch restore, and the play-state activity log.

The character row always holds the build of its checked-out branch's head; commits hold every
build. Services never commit the session.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from character_service.characters.models import Character
from character_service.characters.service import CharacterService, check_if_match, checked_build
from character_service.versions.history import BuildHistory
from character_service.versions.membership import CampaignMembership, CampaignRole
from character_service.versions.models import MAIN_BRANCH, Activity, Branch, BuildCommit, MergeRequest
from character_service.versions.repository import MergeRequestRepository
from character_service.versions.summary import BUILD_LIST_RULES, TRAVELLING_FIELDS, summarize_build_change
from dnd_shared.db.base import utcnow
from dnd_shared.db.pagination import Page
from dnd_shared.errors import (
    ConflictError,
    ErrorDetail,
    ForbiddenError,
    NotFoundError,
    UnprocessableError,
)
from dnd_shared.identity import Principal
from dnd_shared.versioning import DocumentDiff, Resolution, describe, merge_base, three_way_merge
from dnd_shared.versioning.errors import MergeConflictError

MergeOutcome = tuple[str, Branch, BuildCommit | None, Character]


def short(commit_id: uuid.UUID) -> str:
    """The first 8 hex digits of a commit id, for messages."""
    return commit_id.hex[:8]


def with_travelling_fields(document: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """``document`` with the fields that travel across branches (XP) taken from the current build."""
    result = dict(document)
    for name in TRAVELLING_FIELDS:
        if name in current:
            result[name] = current[name]
    return result


def audit_entry(who: uuid.UUID, action: str, detail: str = "") -> dict[str, Any]:
    """One line of a merge request's audit trail."""
    return {"who": str(who), "action": action, "at": utcnow().isoformat(), "detail": detail}


class VersionService:
    def __init__(self, characters: CharacterService, merge_requests: MergeRequestRepository,
                 membership: CampaignMembership) -> None:
        self.characters = characters
        self.history: BuildHistory = characters.history
        self.merge_requests = merge_requests
        self.membership = membership

    # --- reading ------------------------------------------------------------------------------
    async def _visible(self, principal: Principal, character_id: uuid.UUID, *, read_only: bool = False
                       ) -> Character:
        """The character for its owner (or an admin); reads are open to the DM of its campaign too, who
        reviews its merge requests."""
        character = await self.characters.get_visible(principal, character_id, allow_dm=read_only)
        if await self.history.checkouts.of_character(character.id) is None:
            await self.history.ensure(character)
        return character

    async def _branch(self, character_id: uuid.UUID, name: str, *, for_update: bool = False) -> Branch:
        branch = await self.history.branches.by_name(character_id, name, for_update=for_update)
        if branch is None:
            raise NotFoundError(f"No branch {name!r} on this character.", code="branch_not_found",
                                details=[ErrorDetail("branch", f"{name!r} does not exist")])
        return branch

    async def resolve(self, character_id: uuid.UUID, ref: str, field: str = "commit") -> BuildCommit:
        """A commit id, or a branch name (its head)."""
        try:
            commit_id = uuid.UUID(ref)
        except ValueError:
            branch = await self.history.branches.by_name(character_id, ref)
            if branch is None:
                raise NotFoundError(f"No commit or branch {ref!r} on this character.", code="commit_not_found",
                                    details=[ErrorDetail(field, "neither a commit id nor a branch name")]) from None
            commit_id = branch.head_id
        return await self.history.commits.of_character(character_id, commit_id)

    async def active_branch(self, character: Character) -> str:
        """The name of the checked-out branch."""
        checkout, _ = await self.history.ensure(character)
        return checkout.branch

    async def history_page(self, principal: Principal, character_id: uuid.UUID, branch: str | None, limit: int,
                           cursor: str | None) -> tuple[str, list[BuildCommit], str | None]:
        """One page of a branch's history (the checked-out one by default), newest first, following
        first parents. Two statements whatever the history's length: the character, then the walk
        (which finds the branch head itself)."""
        character = await self.characters.get_visible(principal, character_id, allow_dm=True)
        after_id: uuid.UUID | None = None
        if cursor is not None:
            try:
                after_id = uuid.UUID(cursor)
            except ValueError:
                raise UnprocessableError("The cursor is not valid.", code="invalid_cursor",
                                         details=[ErrorDetail("cursor", "not a cursor returned by this API")]) from None
        checked_out, commits = await self.history.commits.first_parent_chain(
            character.id, limit + 1, branch=branch, after_id=after_id)
        if not commits:
            # Rare paths: no history yet, an unknown branch, a cursor at the root or a foreign cursor.
            checkout, _ = await self.history.ensure(character)
            name = branch or checkout.branch
            head = await self.history.branches.by_name(character.id, name)
            if head is None:
                raise NotFoundError(f"No branch {name!r} on this character.", code="branch_not_found",
                                    details=[ErrorDetail("branch", f"{name!r} does not exist")])
            if after_id is not None and not await self.history.commits.exists(character.id, after_id):
                raise UnprocessableError("The cursor is not valid.", code="invalid_cursor",
                                         details=[ErrorDetail("cursor", "not a cursor returned by this API")])
            if after_id is None:
                checked_out, commits = await self.history.commits.first_parent_chain(character.id, limit + 1,
                                                                                    branch=name)
            return name, commits[:limit], None
        next_cursor = str(commits[limit - 1].id) if len(commits) > limit else None
        return branch or str(checked_out), commits[:limit], next_cursor

    async def commit(self, principal: Principal, character_id: uuid.UUID, ref: str) -> BuildCommit:
        """One commit with its snapshot."""
        character = await self._visible(principal, character_id, read_only=True)
        return await self.resolve(character.id, ref)

    async def diff(self, principal: Principal, character_id: uuid.UUID, from_ref: str, to_ref: str
                   ) -> tuple[BuildCommit, BuildCommit, DocumentDiff]:
        """Field-level changes and the build summary between two commits (or branch heads)."""
        character = await self._visible(principal, character_id, read_only=True)
        old = await self.resolve(character.id, from_ref, "from")
        new = await self.resolve(character.id, to_ref, "to")
        result = describe(old.snapshot, new.snapshot, rules=BUILD_LIST_RULES, summarizer=summarize_build_change)
        return old, new, result

    # --- branches -----------------------------------------------------------------------------
    async def branches(self, principal: Principal, character_id: uuid.UUID, *, deleted: bool
                       ) -> tuple[str, list[Branch]]:
        """The active branch's name and every live (or deleted) branch."""
        character = await self._visible(principal, character_id, read_only=True)
        return await self.active_branch(character), await self.history.branches.of_character(character.id,
                                                                                              deleted=deleted)

    async def create_branch(self, principal: Principal, character_id: uuid.UUID, name: str, from_ref: str | None
                            ) -> Branch:
        """A new branch at any commit (the active branch's head by default); 409 if the name is taken."""
        character = await self._visible(principal, character_id)
        start = await self.resolve(character.id, from_ref or await self.active_branch(character), "from")
        if await self.history.branches.by_name(character.id, name) is not None:
            raise ConflictError(f"A branch named {name!r} exists.", code="branch_exists",
                                details=[ErrorDetail("name", "already taken")])
        return await self.history.branches.create(character_id=character.id, name=name, head_id=start.id)

    async def delete_branch(self, principal: Principal, character_id: uuid.UUID, name: str) -> Branch:
        """Soft delete; ``main`` and the checked-out branch cannot be deleted."""
        character = await self._visible(principal, character_id)
        if name == MAIN_BRANCH:
            raise ConflictError("The main branch cannot be deleted.", code="branch_protected",
                                details=[ErrorDetail("name", "main")])
        if name == await self.active_branch(character):
            raise ConflictError(f"{name!r} is checked out; check out another branch first.",
                                code="branch_checked_out", details=[ErrorDetail("name", "checked out")])
        return await self.history.branches.soft_delete(await self._branch(character.id, name, for_update=True))

    async def restore_branch(self, principal: Principal, character_id: uuid.UUID, name: str) -> Branch:
        """Bring back the most recently deleted branch of that name (409 if a live one took the name)."""
        character = await self._visible(principal, character_id)
        live = await self.history.branches.by_name(character.id, name)
        if live is not None:
            raise ConflictError(f"A live branch named {name!r} exists.", code="branch_exists",
                                details=[ErrorDetail("name", "already taken")])
        deleted = await self.history.branches.by_name(character.id, name, deleted=True)
        if deleted is None:
            raise NotFoundError(f"No deleted branch {name!r} on this character.", code="branch_not_found")
        return await self.history.branches.restore(deleted)

    # --- writing the row ----------------------------------------------------------------------
    def _checked(self, character: Character, document: Mapping[str, Any], what: str) -> dict[str, Any]:
        """An active character's build must pass the rules engine; a draft's may be partial."""
        if character.status == "draft":
            return dict(document)
        try:
            return checked_build(document).model_dump(mode="json")
        except UnprocessableError as exc:
            raise UnprocessableError(f"{what} would give a build that breaks the 2024 rules.",
                                     code=exc.code, details=exc.details) from exc

    async def _write_row(self, character: Character, document: dict[str, Any]) -> Character:
        return await self.characters.repository.update(character, {"build": document})

    async def checkout(self, principal: Principal, character_id: uuid.UUID, name: str, if_match: str | None
                       ) -> Character:
        """Make ``name`` the active branch: the row takes its head's build (XP travels along)."""
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        checkout, _ = await self.history.ensure(character)
        if checkout.branch == name:
            return character
        branch = await self._branch(character.id, name, for_update=True)
        head = await self.history.commits.get_or_raise(branch.head_id)
        document = self._checked(character, with_travelling_fields(head.snapshot, character.build),
                                 f"Checking out {name!r}")
        if document != head.snapshot:
            await self.history.commit_on(character, branch, document, author_id=principal.user_id,
                                         message="Carry experience over to this branch")
        await self.history.checkouts.update(checkout, {"branch": name})
        return await self._write_row(character, document)

    async def revert(self, principal: Principal, character_id: uuid.UUID, ref: str, message: str | None,
                     if_match: str | None) -> tuple[Character, BuildCommit]:
        """A new commit on the active branch whose build is that of ``ref``; nothing is rewritten."""
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        _, branch = await self.history.ensure(character)
        target = await self.resolve(character.id, ref)
        document = self._checked(character, with_travelling_fields(target.snapshot, character.build),
                                 f"Reverting to {short(target.id)}")
        commit = await self.history.commit_on(character, branch, document, author_id=principal.user_id,
                                              message=message or f"Revert to {short(target.id)}", kind="revert")
        return await self._write_row(character, document), commit

    # --- merging ------------------------------------------------------------------------------
    async def merge(self, principal: Principal, character_id: uuid.UUID, source: str, target: str, *,
                    message: str | None, resolutions: Mapping[str, Resolution],
                    merge_request_id: uuid.UUID | None, if_match: str | None) -> MergeOutcome:
        """Merge ``source`` into ``target``: fast-forward when ``target`` is behind, else three-way.
        Into ``main`` of a campaign that requires it, only with the DM's approval of this source head."""
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        checkout, _ = await self.history.ensure(character)
        if source == target:
            raise UnprocessableError("A branch cannot be merged into itself.", code="validation_error",
                                     details=[ErrorDetail("source", "same as target")])
        into = await self._branch(character.id, target, for_update=True)
        source_branch = await self._branch(character.id, source)
        request = await self._approval(principal, character, source_branch, target, merge_request_id)

        parents = await self.history.commits.ancestry([into.head_id, source_branch.head_id])
        base_id = merge_base(parents, into.head_id, source_branch.head_id)
        if base_id == source_branch.head_id:
            return "up_to_date", into, None, character
        incoming = await self.history.commits.get_or_raise(source_branch.head_id)
        active = checkout.branch == target
        if base_id == into.head_id:
            if active:
                document = self._checked(character, incoming.snapshot, f"Merging {source!r}")
                character = await self._write_row(character, document)
            await self.history.branches.update(into, {"head_id": incoming.id})
            await self._close_request(request, principal, incoming.id)
            return "fast_forward", into, None, character

        head = await self.history.commits.get_or_raise(into.head_id)
        base = await self.history.commits.get_or_raise(base_id) if base_id is not None else None
        result = three_way_merge(base.snapshot if base is not None else {}, head.snapshot, incoming.snapshot,
                                 rules=BUILD_LIST_RULES, resolutions=resolutions)
        if result.unused_resolutions:
            raise UnprocessableError("Some resolutions name paths that are not in conflict.",
                                     code="unknown_resolution_path",
                                     details=[ErrorDetail(f"resolutions.{p}", "not a conflicting path")
                                              for p in result.unused_resolutions])
        if result.conflicts:
            raise MergeConflictError(result.conflicts)
        document = self._checked(character, result.document, f"Merging {source!r} into {target!r}")
        commit = await self.history.commit_on(
            character, into, document, author_id=principal.user_id, kind="merge",
            message=message or f"Merge {source} into {target}", extra_parents=[incoming])
        if active:
            character = await self._write_row(character, document)
        await self._close_request(request, principal, commit.id)
        return "merged", into, commit, character

    async def _approval(self, principal: Principal, character: Character, source: Branch, target: str,
                        merge_request_id: uuid.UUID | None) -> MergeRequest | None:
        """The approved merge request that allows this merge, when one is needed (or named)."""
        needed = False
        if target == MAIN_BRANCH:
            role = await self.membership.membership(character.id, principal.user_id)
            needed = role.approval_required
        if merge_request_id is None and not needed:
            return None
        if merge_request_id is not None:
            candidates = [await self.merge_requests.of_character(character.id, merge_request_id, for_update=True)]
        else:
            candidates = await self.merge_requests.approved_for(character.id, source.name, target)
        for request in candidates:
            if request.source != source.name or request.target != target:
                raise UnprocessableError(
                    "The merge request is for other branches.", code="merge_request_mismatch",
                    details=[ErrorDetail("merge_request", f"{request.source} -> {request.target}")])
            if request.status == "approved" and request.approved_head_id == source.head_id:
                return request
        if any(r.status == "approved" for r in candidates):
            raise ConflictError(f"{source.name!r} changed after the DM approved it; ask for approval again.",
                                code="approval_stale", details=[ErrorDetail("source", "new commits since approval")])
        raise ForbiddenError("Merges into main of this character need the DM's approval: open a merge request.",
                             code="dm_approval_required", details=[ErrorDetail("target", "main")])

    async def _close_request(self, request: MergeRequest | None, principal: Principal, commit_id: uuid.UUID
                             ) -> None:
        if request is None:
            return
        await self.merge_requests.update(request, {
            "status": "merged", "merged_commit_id": commit_id,
            "audit": [*request.audit, audit_entry(principal.user_id, "merged", str(commit_id))],
        })

    # --- merge requests -----------------------------------------------------------------------
    async def _reviewable(self, principal: Principal, character_id: uuid.UUID) -> tuple[Character, CampaignRole | None]:
        """The character for its owner (or an admin), or for the DM of its campaign; 404 for others."""
        character = await self.characters.repository.get(character_id)
        if character is not None and (character.owner_id == principal.user_id or principal.is_admin):
            return character, None
        if character is not None:
            role = await self.membership.membership(character.id, principal.user_id)
            if role.is_dm:
                return character, role
        raise NotFoundError(f"No character with id {character_id}.", code="character_not_found")

    async def open_request(self, principal: Principal, character_id: uuid.UUID, source: str, target: str,
                           title: str, comment: str | None) -> MergeRequest:
        """Ask to merge ``source`` into ``target`` (the owner only)."""
        character = await self._visible(principal, character_id)
        if source == target:
            raise UnprocessableError("A branch cannot be merged into itself.", code="validation_error",
                                     details=[ErrorDetail("source", "same as target")])
        source_branch = await self._branch(character.id, source)
        await self._branch(character.id, target)
        role = await self.membership.membership(character.id, principal.user_id)
        comments = [self._comment(principal, comment)] if comment else []
        return await self.merge_requests.create(
            character_id=character.id, source=source, target=target, author_id=principal.user_id,
            title=title or f"Merge {source} into {target}", status="open", campaign_id=role.campaign_id,
            source_head_id=source_branch.head_id, reviewers=[], comments=comments,
            audit=[audit_entry(principal.user_id, "opened", f"{source} -> {target} at {source_branch.head_id}")],
        )

    async def list_requests(self, principal: Principal, character_id: uuid.UUID, status: str | None, limit: int,
                            cursor: str | None) -> Page[MergeRequest]:
        """The character's merge requests (its owner, or its campaign's DM)."""
        character, _ = await self._reviewable(principal, character_id)
        filters: dict[str, Any] = {"character_id": character.id}
        if status:
            filters["status"] = status
        return await self.merge_requests.list(filters=filters, limit=limit, cursor=cursor)

    @staticmethod
    def _comment(principal: Principal, body: str) -> dict[str, Any]:
        return {"author_id": str(principal.user_id), "body": body, "at": utcnow().isoformat()}

    async def comment(self, principal: Principal, character_id: uuid.UUID, request_id: uuid.UUID, body: str
                      ) -> MergeRequest:
        """Add a comment (owner or DM)."""
        character, _ = await self._reviewable(principal, character_id)
        request = await self.merge_requests.of_character(character.id, request_id, for_update=True)
        return await self.merge_requests.update(request, {
            "comments": [*request.comments, self._comment(principal, body)],
            "audit": [*request.audit, audit_entry(principal.user_id, "commented")],
        })

    async def decide(self, principal: Principal, character_id: uuid.UUID, request_id: uuid.UUID, approve: bool,
                     comment: str | None) -> MergeRequest:
        """The DM of the character's campaign approves (for the source head as it is now) or rejects."""
        character, role = await self._reviewable(principal, character_id)
        request = await self.merge_requests.of_character(character.id, request_id, for_update=True)
        if role is None:
            role = await self.membership.membership(character.id, principal.user_id)
        if not role.is_dm or (request.campaign_id is not None and role.campaign_id != request.campaign_id):
            raise ForbiddenError("Only the DM of this character's campaign can decide on its merge requests.",
                                 code="not_campaign_dm")
        if request.status not in ("open", "approved"):
            raise ConflictError(f"The merge request is {request.status}.", code="merge_request_closed",
                                details=[ErrorDetail("status", request.status)])
        source = await self._branch(character.id, request.source)
        values: dict[str, Any] = {
            "status": "approved" if approve else "rejected",
            "approved_head_id": source.head_id if approve else None,
            "reviewers": list(dict.fromkeys([*request.reviewers, str(principal.user_id)])),
            "audit": [*request.audit, audit_entry(principal.user_id, "approved" if approve else "rejected",
                                                  f"source head {source.head_id}" if approve else "")],
        }
        if comment:
            values["comments"] = [*request.comments, self._comment(principal, comment)]
        return await self.merge_requests.update(request, values)

    # --- activity -----------------------------------------------------------------------------
    async def activity(self, principal: Principal, character_id: uuid.UUID, limit: int, cursor: str | None
                       ) -> Page[Activity]:
        """The play-state activity log, oldest first."""
        character = await self.characters.get_visible(principal, character_id)
        return await self.history.activity.list(filters={"character_id": character.id}, limit=limit, cursor=cursor)


__all__ = ["MergeOutcome", "VersionService"]
