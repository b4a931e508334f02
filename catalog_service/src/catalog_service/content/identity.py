"""Optional identity for public reads: anonymous callers see SRD content, signed-in ones their own too."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from catalog_service.content.visibility import Viewer
from dnd_shared.identity import USER_ID_HEADER, Principal, get_current_user


async def get_optional_user(request: Request) -> Principal | None:
    """``None`` without identity headers; with them they must verify (401 otherwise)."""
    if not request.headers.get(USER_ID_HEADER):
        return None
    return await get_current_user(request)


async def get_viewer(principal: Annotated[Principal | None, Depends(get_optional_user)]) -> Viewer:
    """The caller for visibility checks (anonymous when unauthenticated)."""
    return Viewer(user_id=principal.user_id if principal else None)


OptionalUser = Annotated[Principal | None, Depends(get_optional_user)]
ViewerDep = Annotated[Viewer, Depends(get_viewer)]
