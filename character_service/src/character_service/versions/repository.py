"""Every query of version control: commits (history through a recursive walk of first parents,
ancestry for merge bases), branches, the checkout, merge requests and the activity log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import literal, select
from sqlalchemy.orm import defer

from character_service.versions.models import Activity, Branch, BuildCommit, Checkout, MergeRequest
from dnd_shared.db.repository import Repository
from dnd_shared.errors import NotFoundError


class CommitRepository(Repository[BuildCommit]):
    model = BuildCommit
    entity_name = "commit"

    async def of_character(self, character_id: uuid.UUID, commit_id: uuid.UUID) -> BuildCommit:
        """The commit if it belongs to the character, else 404 ``commit_not_found``."""
        commit = await self.get(commit_id)
        if commit is None or commit.character_id != character_id:
            raise NotFoundError(f"No commit {commit_id} on this character.", code="commit_not_found")
        return commit

    async def first_parent_chain(self, character_id: uuid.UUID, limit: int, *, branch: str | None = None,
                                 after_id: uuid.UUID | None = None) -> tuple[str | None, list[BuildCommit]]:
        """A page of history in one statement: from the head of ``branch`` (the checked-out branch when
        None), or from the first parent of the character's commit ``after_id`` (the next page), along
        first parents, newest first, at most ``limit`` commits, without snapshots. Returns the name of
        the checked-out branch too (None if the character has no history yet).

        A recursive CTE walks ``parent_id`` one primary-key lookup per step and stops after ``limit``
        steps, so a page costs the same whatever the length of the history."""
        table = BuildCommit.__table__
        checked_out = select(Checkout.branch).where(
            Checkout.character_id == character_id, Checkout.deleted_at.is_(None)).scalar_subquery()
        start: Any
        if after_id is not None:
            start = select(table.c.parent_id).where(
                table.c.id == after_id, table.c.character_id == character_id).scalar_subquery()
        else:
            start = select(Branch.head_id).where(
                Branch.character_id == character_id, Branch.deleted_at.is_(None),
                Branch.name == (branch if branch is not None else checked_out)).scalar_subquery()
        seed = select(table.c.id, table.c.parent_id, literal(0).label("depth")).where(
            table.c.id == start, table.c.character_id == character_id)
        chain = seed.cte("chain", recursive=True)
        step = select(table.c.id, table.c.parent_id, (chain.c.depth + 1).label("depth")).join(
            chain, table.c.id == chain.c.parent_id).where(chain.c.depth < limit - 1)
        chain = chain.union_all(step)
        statement = (
            select(BuildCommit, checked_out.label("checked_out"))
            .join(chain, BuildCommit.id == chain.c.id)
            .options(defer(BuildCommit.snapshot, raiseload=True))
            .order_by(chain.c.depth)
        )
        rows = (await self.session.execute(statement)).all()
        return (rows[0].checked_out if rows else None), [row[0] for row in rows]

    async def exists(self, character_id: uuid.UUID, commit_id: uuid.UUID) -> bool:
        """Whether the commit is one of the character's."""
        statement = select(BuildCommit.id).where(BuildCommit.id == commit_id, BuildCommit.character_id == character_id)
        return (await self.session.execute(statement)).first() is not None

    async def ancestry(self, heads: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
        """``{commit_id: parent_ids}`` for every commit reachable from ``heads`` (all parents)."""
        table = BuildCommit.__table__
        seed = select(table.c.id, table.c.parents).where(table.c.id.in_(list(heads)))
        walk = seed.cte("walk", recursive=True)
        step = select(table.c.id, table.c.parents).join(walk, table.c.id == walk.c.parents.any_())
        walk = walk.union(step)
        rows = (await self.session.execute(select(walk.c.id, walk.c.parents))).all()
        return {row.id: list(row.parents) for row in rows}


class BranchRepository(Repository[Branch]):
    model = Branch
    entity_name = "branch"

    async def by_name(self, character_id: uuid.UUID, name: str, *, deleted: bool = False,
                      for_update: bool = False) -> Branch | None:
        """The live branch (or, with ``deleted``, the most recently deleted one) of that name."""
        statement = self._select(only_deleted=deleted).where(Branch.character_id == character_id,
                                                            Branch.name == name)
        if deleted:
            statement = statement.order_by(Branch.deleted_at.desc()).limit(1)
        if for_update:
            statement = statement.with_for_update()
        branch: Branch | None = (await self.session.execute(statement)).scalars().first()
        return branch

    async def of_character(self, character_id: uuid.UUID, *, deleted: bool = False) -> list[Branch]:
        """Every live (or deleted) branch of the character, by name."""
        statement = self._select(only_deleted=deleted).where(Branch.character_id == character_id).order_by(
            Branch.name, Branch.created_at)
        return list((await self.session.execute(statement)).scalars().all())


class CheckoutRepository(Repository[Checkout]):
    model = Checkout
    entity_name = "checkout"

    async def of_character(self, character_id: uuid.UUID) -> Checkout | None:
        """The character's checkout row, if it has a history yet."""
        statement = self._select().where(Checkout.character_id == character_id)
        checkout: Checkout | None = (await self.session.execute(statement)).scalar_one_or_none()
        return checkout


class MergeRequestRepository(Repository[MergeRequest]):
    model = MergeRequest
    entity_name = "merge_request"

    async def of_character(self, character_id: uuid.UUID, merge_request_id: uuid.UUID, *,
                           for_update: bool = False) -> MergeRequest:
        """The request if it belongs to the character, else 404 ``merge_request_not_found``."""
        statement = self._select().where(MergeRequest.id == merge_request_id,
                                         MergeRequest.character_id == character_id)
        if for_update:
            statement = statement.with_for_update()
        request: MergeRequest | None = (await self.session.execute(statement)).scalar_one_or_none()
        if request is None:
            raise NotFoundError(f"No merge request {merge_request_id} on this character.",
                                code="merge_request_not_found")
        return request

    async def approved_for(self, character_id: uuid.UUID, source: str, target: str) -> list[MergeRequest]:
        """Approved requests from ``source`` into ``target``, newest first."""
        statement = self._select().where(
            MergeRequest.character_id == character_id, MergeRequest.source == source,
            MergeRequest.target == target, MergeRequest.status == "approved",
        ).order_by(MergeRequest.created_at.desc())
        return list((await self.session.execute(statement)).scalars().all())


class ActivityRepository(Repository[Activity]):
    model = Activity
    entity_name = "activity"
