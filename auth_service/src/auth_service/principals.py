"""Identity dependencies specific to auth's own routes (on top of ``dnd_shared.identity``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from dnd_shared.errors import ForbiddenError
from dnd_shared.identity import CurrentUser, Principal


async def get_bearer_user(principal: CurrentUser) -> Principal:
    """The caller, who must have logged in (API keys cannot manage accounts or other keys)."""
    if principal.auth_method != "bearer":
        raise ForbiddenError("This action needs a logged-in user's bearer token, not an API key.",
                             code="bearer_token_required")
    return principal


BearerUser = Annotated[Principal, Depends(get_bearer_user)]
