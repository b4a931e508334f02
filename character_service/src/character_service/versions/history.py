"""Recording history: every build write becomes a commit on the active branch; every play-state
write an activity entry. Used by ``CharacterService`` (its one build seam and its state seam) and by
the version service for checkouts, merges and reverts. Never commits the session.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from character_service.characters.models import Character
from character_service.versions.models import MAIN_BRANCH, Activity, Branch, BuildCommit, Checkout
from character_service.versions.repository import (
    ActivityRepository,
    BranchRepository,
    CheckoutRepository,
    CommitRepository,
)
from character_service.versions.summary import BUILD_LIST_RULES, summarize_build_change
from dnd_shared.errors import NotFoundError
from dnd_shared.versioning import AsSet, ListRules, describe, diff_documents, generic_summary, snapshot_digest

#: Play-state lists: conditions are a set.
STATE_LIST_RULES = ListRules.of({"conditions": AsSet()})


def current_actor() -> uuid.UUID | None:
    """The verified caller of the current request: the identity dependency binds ``user_id`` to the
    request's context (for its log lines); play-state writes take their "who" from there."""
    raw = structlog.contextvars.get_contextvars().get("user_id")
    try:
        return uuid.UUID(str(raw)) if raw else None
    except ValueError:
        return None


def summarize(before: Any, after: Any) -> str:
    """The build summary of a change from ``before`` to ``after``."""
    return describe(before, after, rules=BUILD_LIST_RULES, summarizer=summarize_build_change).summary


class BuildHistory:
    """Commits, branches and the checkout of characters, over one session."""

    def __init__(self, session: AsyncSession) -> None:
        self.commits = CommitRepository(session)
        self.branches = BranchRepository(session)
        self.checkouts = CheckoutRepository(session)
        self.activity = ActivityRepository(session)

    # --- starting -----------------------------------------------------------------------------
    async def start(self, character: Character, document: Mapping[str, Any], *, author_id: uuid.UUID,
                    message: str) -> tuple[Checkout, Branch]:
        """The first commit (on ``main``) and the checkout of ``main``."""
        root = await self.add_commit(character.id, MAIN_BRANCH, dict(document), author_id=author_id,
                                     message=message, kind="create", parents=[], before=None)
        branch = await self.branches.create(character_id=character.id, name=MAIN_BRANCH, head_id=root.id)
        checkout = await self.checkouts.create(character_id=character.id, branch=MAIN_BRANCH)
        return checkout, branch

    async def ensure(self, character: Character, *, previous: Mapping[str, Any] | None = None,
                     author_id: uuid.UUID | None = None) -> tuple[Checkout, Branch]:
        """The checkout and active branch; a character from before version control gets its history
        started here from ``previous`` (the build before the write in progress) or its current build."""
        checkout = await self.checkouts.of_character(character.id)
        if checkout is None:
            return await self.start(character, previous if previous is not None else character.build,
                                    author_id=author_id or character.owner_id, message="History starts here")
        branch = await self.branches.by_name(character.id, checkout.branch, for_update=True)
        if branch is None:
            raise NotFoundError(f"The checked-out branch {checkout.branch!r} is gone.", code="branch_not_found")
        return checkout, branch

    # --- writing ------------------------------------------------------------------------------
    async def add_commit(self, character_id: uuid.UUID, branch: str, document: dict[str, Any], *,
                         author_id: uuid.UUID, message: str, kind: str, parents: Sequence[BuildCommit],
                         before: Mapping[str, Any] | None) -> BuildCommit:
        """Write one commit; its summary describes the change from ``before`` (the first parent's build)."""
        return await self.commits.create(
            character_id=character_id, branch=branch, parent_id=parents[0].id if parents else None,
            parents=[p.id for p in parents], generation=1 + max((p.generation for p in parents), default=0),
            author_id=author_id, message=message[:500], kind=kind,
            summary=summarize(before, document) if before is not None else "Created",
            snapshot=document, digest=snapshot_digest(document),
        )

    async def commit_on(self, character: Character, branch: Branch, document: dict[str, Any], *,
                        author_id: uuid.UUID, message: str, kind: str = "edit",
                        extra_parents: Sequence[BuildCommit] = ()) -> BuildCommit:
        """A commit on ``branch`` after its head (plus ``extra_parents`` for a merge); moves the head."""
        head = await self.commits.get_or_raise(branch.head_id)
        commit = await self.add_commit(character.id, branch.name, document, author_id=author_id, message=message,
                                       kind=kind, parents=[head, *extra_parents], before=head.snapshot)
        await self.branches.update(branch, {"head_id": commit.id})
        return commit

    async def record_build(self, character: Character, previous: Mapping[str, Any], *, author_id: uuid.UUID,
                           message: str) -> BuildCommit:
        """The character's row now holds a new build: commit it on the active branch."""
        _, branch = await self.ensure(character, previous=previous, author_id=author_id)
        return await self.commit_on(character, branch, dict(character.build), author_id=author_id, message=message)

    async def record_state(self, character: Character, before: Mapping[str, Any], after: Mapping[str, Any]
                           ) -> Activity | None:
        """Log a play-state change (nothing when the state did not change)."""
        changes = diff_documents(dict(before), dict(after), rules=STATE_LIST_RULES)
        if not changes:
            return None
        what = "; ".join(generic_summary(before, after, changes, limit=6))
        return await self.activity.create(character_id=character.id, actor_id=current_actor(), what=what,
                                          report={"changes": [c.to_dict() for c in changes]})
