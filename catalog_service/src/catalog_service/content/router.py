"""HTTP routes of catalog content: browse, get, homebrew writes, adaptation, balance preview."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from catalog_service.balance.checks import check_balance
from catalog_service.config import API_PREFIX
from catalog_service.content import service
from catalog_service.content.filters import ContentFilters
from catalog_service.content.http import EmbedderDep, EventsDep, IfMatch, WriteLimit, check_if_match, set_etag
from catalog_service.content.identity import ViewerDep
from catalog_service.content.mechanics import validate_mechanics
from catalog_service.content.schemas import AdaptRequest, EntryCreate, EntryOut, EntryPageOut, EntryUpdate
from catalog_service.content.visibility import Viewer
from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix=API_PREFIX)


def _owner_viewer(principal: Any) -> Viewer:
    return Viewer(user_id=principal.user_id)


@router.get("/{content_type}", response_model=EntryPageOut, summary="Browse one content type")
async def browse(
    content_type: str,
    session: SessionDep,
    viewer: ViewerDep,
    filters: Annotated[ContentFilters, Query()],
    sort: Annotated[str, Query(max_length=20)] = "name",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> EntryPageOut:
    """SRD entries and the caller's own homebrew of a type, filtered, sorted, keyset-paginated."""
    resolved = service.resolve_type(content_type)
    page = await service.browse(session, viewer, resolved, filters, sort=sort, limit=limit, cursor=cursor)
    return EntryPageOut(items=[EntryOut.of(e) for e in page.items], next_cursor=page.next_cursor)


@router.get("/{content_type}/{key}", response_model=EntryOut, summary="One entry by slug or id")
async def get_entry(
    content_type: str, key: str, session: SessionDep, viewer: ViewerDep, response: Response
) -> EntryOut:
    """The entry with its provenance chain (parent first, root last)."""
    entry = await service.get_entry(session, viewer, service.resolve_type(content_type), key)
    set_etag(response, entry)
    return EntryOut.of(entry, await service.provenance(session, entry), viewer)


@router.post(
    "/{content_type}", response_model=EntryOut, status_code=status.HTTP_201_CREATED,
    dependencies=[WriteLimit], summary="Create homebrew",
)
async def create_entry(
    content_type: str, body: EntryCreate, session: SessionDep, principal: CurrentUser, embedder: EmbedderDep,
    events: EventsDep, response: Response,
) -> EntryOut:
    """Structural validation per type, then balance checks: errors refuse (422), warnings are kept."""
    entry = await service.create_entry(
        session, embedder, events, principal, service.resolve_type(content_type), body
    )
    set_etag(response, entry)
    return EntryOut.of(entry, [])


@router.post("/{content_type}/balance-check", summary="Check mechanics without saving")
async def balance_check(content_type: str, mechanics: dict[str, Any], principal: CurrentUser) -> dict[str, Any]:
    """The verdicts a homebrew write with these mechanics would get."""
    parsed = validate_mechanics(service.resolve_type(content_type), mechanics)
    return check_balance(parsed).as_dict()


@router.patch("/{content_type}/{key}", response_model=EntryOut, dependencies=[WriteLimit], summary="Edit homebrew")
async def update_entry(
    content_type: str, key: str, body: EntryUpdate, session: SessionDep, principal: CurrentUser,
    embedder: EmbedderDep, events: EventsDep, response: Response, if_match: IfMatch = None,
) -> EntryOut:
    """Owners only (others get 404); a stale ``If-Match`` is 412."""
    entry = await service.get_owned(session, _owner_viewer(principal), service.resolve_type(content_type), key)
    version = check_if_match(entry, if_match)
    entry = await service.update_entry(session, embedder, events, principal, entry, body, expected_version=version)
    set_etag(response, entry)
    return EntryOut.of(entry, await service.provenance(session, entry))


@router.delete("/{content_type}/{key}", response_model=EntryOut, summary="Soft-delete homebrew")
async def delete_entry(
    content_type: str, key: str, session: SessionDep, principal: CurrentUser, events: EventsDep, response: Response,
    if_match: IfMatch = None,
) -> EntryOut:
    """Hidden from browse, search and RPC until restored."""
    entry = await service.get_owned(session, _owner_viewer(principal), service.resolve_type(content_type), key)
    version = check_if_match(entry, if_match)
    entry = await service.delete_entry(session, events, principal, entry, expected_version=version)
    set_etag(response, entry)
    return EntryOut.of(entry)


@router.post("/{content_type}/{key}/restore", response_model=EntryOut, summary="Restore deleted homebrew")
async def restore_entry(
    content_type: str, key: str, session: SessionDep, principal: CurrentUser, events: EventsDep, response: Response,
    if_match: IfMatch = None,
) -> EntryOut:
    """Bring a soft-deleted entry back."""
    entry = await service.get_owned(
        session, _owner_viewer(principal), service.resolve_type(content_type), key, include_deleted=True
    )
    version = check_if_match(entry, if_match)
    entry = await service.restore_entry(session, events, principal, entry, expected_version=version)
    set_etag(response, entry)
    return EntryOut.of(entry)


@router.post(
    "/{content_type}/{key}/adapt", response_model=EntryOut, status_code=status.HTTP_201_CREATED,
    dependencies=[WriteLimit], summary="Adapt an entry",
)
async def adapt_entry(
    content_type: str, key: str, body: AdaptRequest, session: SessionDep, principal: CurrentUser,
    embedder: EmbedderDep, events: EventsDep, response: Response,
) -> EntryOut:
    """A themed derivative of any entry the caller can see, linked to its parent and root."""
    viewer = _owner_viewer(principal)
    entry = await service.adapt_entry(
        session, embedder, events, viewer, principal, service.resolve_type(content_type), key, body
    )
    set_etag(response, entry)
    return EntryOut.of(entry, await service.provenance(session, entry))
