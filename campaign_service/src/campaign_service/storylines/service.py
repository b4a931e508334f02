"""Storylines: commit the live story, branch, check out, merge, log and diff.

The versioned document is ``{"entities": {<id>: <state>}}`` over the story's versioned kinds; the
live story entities are the working state of the checked-out storyline. Snapshots, the commit graph,
the three-way merge and diffs come from :mod:`dnd_shared.versioning`; this module stores commits in
the campaign schema and applies a snapshot back onto the live entities. DM only: commits hold every
secret.
"""

from __future__ import annotations

import uuid
from typing import Any

from campaign_service.campaigns.access import CampaignAccess
from campaign_service.secrets.viewer import Viewer
from campaign_service.story.models import StoryEntity
from campaign_service.story.repository import StoryEntityRepository
from campaign_service.story.service import StoryService
from campaign_service.storylines.models import StoryCommit, Storyline
from campaign_service.storylines.repository import CommitRepository, StorylineRepository
from campaign_service.storylines.schemas import MergeIn
from dnd_shared.errors import ConflictError, ErrorDetail, NotFoundError, UnprocessableError
from dnd_shared.identity import Principal
from dnd_shared.versioning import AsSet, ListRules, ancestors, describe, merge_base, snapshot_digest, three_way_merge
from dnd_shared.versioning.errors import MergeConflictError

Document = dict[str, Any]

VERSIONED_KINDS = ("arc", "chapter", "location", "faction", "npc", "hook", "world_effect", "plot_layer",
                   "identity", "facade", "clue")
STATE_FIELDS = ("kind", "name", "summary", "status", "position", "parent_id", "visibility", "visible_to", "data",
                "dm_only_fields", "linked_ids", "tags")
RULES = ListRules.of({f"entities.*.{name}": AsSet() for name in ("tags", "linked_ids", "visible_to",
                                                                   "dm_only_fields")})
EMPTY: Document = {"entities": {}}


def entity_state(entity: StoryEntity) -> Document:
    """The versioned fields of one entity, as JSON."""
    state: Document = {name: getattr(entity, name) for name in STATE_FIELDS}
    state["parent_id"] = str(entity.parent_id) if entity.parent_id else None
    return state


def commit_document(commit: StoryCommit, *, with_document: bool = False) -> Document:
    """A commit as JSON."""
    body: Document = {"id": str(commit.id), "parents": list(commit.parent_ids), "message": commit.message,
                      "author_id": str(commit.author_id), "digest": commit.digest,
                      "entities": len(commit.document.get("entities", {})), "created_at": commit.created_at.isoformat()}
    if with_document:
        body["document"] = commit.document
    return body


def storyline_document(storyline: Storyline) -> Document:
    """A storyline as JSON."""
    return {"name": storyline.name, "head": str(storyline.head_commit_id) if storyline.head_commit_id else None,
            "checked_out": storyline.checked_out, "version": storyline.version}


class StorylineService:
    """Version control of one campaign's story."""

    def __init__(self, access: CampaignAccess, story: StoryService, storylines: StorylineRepository,
                 commits: CommitRepository) -> None:
        self.access = access
        self.story = story
        self.entities: StoryEntityRepository = story.entities
        self.storylines = storylines
        self.commits = commits

    async def _all(self, campaign_id: uuid.UUID) -> list[Storyline]:
        lines = await self.storylines.in_campaign(campaign_id)
        if not lines:
            lines = [await self.storylines.create(campaign_id=campaign_id, name="main", checked_out=True)]
        return lines

    async def _named(self, campaign_id: uuid.UUID, name: str) -> tuple[Storyline, list[Storyline]]:
        lines = await self._all(campaign_id)
        for line in lines:
            if line.name == name:
                return line, lines
        raise NotFoundError(f"No storyline called {name!r}.", code="storyline_not_found")

    async def live_document(self, campaign_id: uuid.UUID) -> Document:
        """The live state of the versioned story."""
        entities = await self.entities.in_campaign(campaign_id, limit=100_000)
        return {"entities": {str(e.id): entity_state(e) for e in entities if e.kind in VERSIONED_KINDS}}

    async def _head(self, campaign_id: uuid.UUID, line: Storyline) -> StoryCommit | None:
        if line.head_commit_id is None:
            return None
        return await self.commits.in_campaign_by_id(campaign_id, line.head_commit_id)

    async def _new_commit(self, viewer: Viewer, line: Storyline, document: Document, parents: list[uuid.UUID],
                          message: str) -> StoryCommit:
        commit = await self.commits.create(campaign_id=viewer.campaign_id, parent_ids=[str(p) for p in parents],
                                           author_id=viewer.user_id, message=message, document=document,
                                           digest=snapshot_digest(document))
        await self.storylines.update(line, {"head_commit_id": commit.id})
        return commit

    # --- routes ------------------------------------------------------------------------------
    async def list_storylines(self, user: Principal, campaign_id: uuid.UUID) -> list[Document]:
        """Every storyline; ``uncommitted`` tells whether the live story differs from the checked-out head."""
        await self.access.dm(user, campaign_id)
        lines = await self._all(campaign_id)
        live = snapshot_digest(await self.live_document(campaign_id))
        shown = []
        for line in lines:
            document = storyline_document(line)
            if line.checked_out:
                head = await self._head(campaign_id, line)
                document["uncommitted"] = live != (head.digest if head else snapshot_digest(EMPTY))
            shown.append(document)
        return shown

    async def commit(self, user: Principal, campaign_id: uuid.UUID, message: str) -> StoryCommit:
        """Commit the live story onto the checked-out storyline (409 when nothing changed)."""
        _, viewer = await self.access.dm(user, campaign_id)
        line = next(line for line in await self._all(campaign_id) if line.checked_out)
        head = await self._head(campaign_id, line)
        document = await self.live_document(campaign_id)
        if head is not None and head.digest == snapshot_digest(document):
            raise ConflictError("Nothing changed since the last commit.", code="nothing_to_commit")
        return await self._new_commit(viewer, line, document, [head.id] if head else [], message)

    async def branch(self, user: Principal, campaign_id: uuid.UUID, name: str,
                     from_commit: uuid.UUID | None) -> Storyline:
        """A new storyline starting at ``from_commit`` (default: the checked-out head)."""
        await self.access.dm(user, campaign_id)
        lines = await self._all(campaign_id)
        if any(line.name == name for line in lines):
            raise ConflictError(f"A storyline called {name!r} exists.", code="storyline_exists",
                                details=[ErrorDetail("name", "already taken")])
        start = from_commit or next(line for line in lines if line.checked_out).head_commit_id
        if start is None:
            raise ConflictError("Commit the story before branching.", code="nothing_committed")
        if await self.commits.in_campaign_by_id(campaign_id, start) is None:
            raise UnprocessableError("No such commit in this campaign.", code="unknown_commit",
                                     details=[ErrorDetail("from_commit", "not a commit of this campaign")])
        return await self.storylines.create(campaign_id=campaign_id, name=name, head_commit_id=start)

    async def checkout(self, user: Principal, campaign_id: uuid.UUID, name: str, force: bool) -> Storyline:
        """Make ``name`` the live story (409 ``uncommitted_changes`` unless committed or forced)."""
        _, viewer = await self.access.dm(user, campaign_id)
        target, lines = await self._named(campaign_id, name)
        current = next(line for line in lines if line.checked_out)
        head = await self._head(campaign_id, current)
        live = await self.live_document(campaign_id)
        if not force and snapshot_digest(live) != (head.digest if head else snapshot_digest(EMPTY)):
            raise ConflictError("The live story has uncommitted changes; commit them or force.",
                                code="uncommitted_changes")
        target_head = await self._head(campaign_id, target)
        await self._apply(viewer, target_head.document if target_head else EMPTY)
        await self.storylines.update(current, {"checked_out": False})
        return await self.storylines.update(target, {"checked_out": True})

    async def merge(self, user: Principal, campaign_id: uuid.UUID, name: str, body: MergeIn) -> StoryCommit:
        """Three-way merge of ``body.source`` into ``name``; conflicts are a 409 listing each path."""
        _, viewer = await self.access.dm(user, campaign_id)
        target, _ = await self._named(campaign_id, name)
        source, _ = await self._named(campaign_id, body.source)
        ours, theirs = await self._head(campaign_id, target), await self._head(campaign_id, source)
        if theirs is None:
            raise ConflictError("The source storyline has no commits.", code="nothing_committed")
        parents = await self._parents(campaign_id)
        base_id = merge_base(parents, str(ours.id), str(theirs.id)) if ours else None
        base = await self.commits.in_campaign_by_id(campaign_id, uuid.UUID(base_id)) if base_id else None
        result = three_way_merge(base.document if base else EMPTY, ours.document if ours else EMPTY,
                                 theirs.document, rules=RULES, resolutions=body.resolutions)
        if not result.clean:
            raise MergeConflictError(result.conflicts)
        message = body.message or f"Merge {source.name} into {target.name}"
        commit = await self._new_commit(viewer, target, result.document, [c.id for c in (ours, theirs) if c],
                                        message)
        if target.checked_out:
            await self._apply(viewer, result.document)
        return commit

    async def _parents(self, campaign_id: uuid.UUID) -> dict[str, list[str]]:
        return {str(c.id): list(c.parent_ids) for c in await self.commits.in_campaign(campaign_id)}

    async def log(self, user: Principal, campaign_id: uuid.UUID, name: str) -> list[Document]:
        """The storyline's history, newest first."""
        await self.access.dm(user, campaign_id)
        line, _ = await self._named(campaign_id, name)
        if line.head_commit_id is None:
            return []
        reach = ancestors(await self._parents(campaign_id), str(line.head_commit_id))
        commits = {str(c.id): c for c in await self.commits.in_campaign(campaign_id)}
        ordered = sorted(reach, key=lambda cid: (reach[cid], -commits[cid].created_at.timestamp()))
        return [commit_document(commits[cid]) for cid in ordered]

    async def diff(self, user: Principal, campaign_id: uuid.UUID, before: uuid.UUID, after: uuid.UUID) -> Document:
        """Field-level changes between two commits, with a summary."""
        await self.access.dm(user, campaign_id)
        documents = []
        for field, commit_id in (("from", before), ("to", after)):
            commit = await self.commits.in_campaign_by_id(campaign_id, commit_id)
            if commit is None:
                raise NotFoundError(f"No commit with id {commit_id}.", code="story_commit_not_found",
                                    details=[ErrorDetail(field, "not a commit of this campaign")])
            documents.append(commit.document)
        result = describe(documents[0], documents[1], rules=RULES)
        return {"summary": result.summary, "changes": [c.to_dict() for c in result.changes]}

    async def _apply(self, viewer: Viewer, document: Document) -> None:
        """Make the live versioned entities equal ``document`` (create, update, restore, soft delete)."""
        wanted: dict[str, Document] = document.get("entities", {})
        live = {str(e.id): e for e in await self.entities.in_campaign(viewer.campaign_id, limit=100_000)
                if e.kind in VERSIONED_KINDS}
        for entity_id, entity in live.items():
            if entity_id not in wanted:
                await self.entities.soft_delete(entity)
                await self.story.record_revision(viewer, entity, "storyline")
        for entity_id, state in wanted.items():
            values = {**state, "parent_id": uuid.UUID(state["parent_id"]) if state.get("parent_id") else None}
            current = live.get(entity_id) or await self.entities.in_campaign_by_id(
                viewer.campaign_id, uuid.UUID(entity_id), include_deleted=True)
            if current is None:
                created = await self.entities.create(id=uuid.UUID(entity_id), campaign_id=viewer.campaign_id,
                                                     **values)
                await self.story.record_revision(viewer, created, "storyline")
                continue
            restored = current.deleted_at is not None
            if restored:
                await self.entities.restore(current)
            changed = entity_state(current) != state
            if changed:
                await self.entities.update(current, values)
            if restored or changed:
                await self.story.record_revision(viewer, current, "storyline")
