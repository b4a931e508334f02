"""``/api/v1/auth``: register (public), the caller's own account, and admin user management."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from auth_service.accounts.schemas import (
    AdminUserOut,
    ChangePasswordIn,
    PrincipalOut,
    RegisterIn,
    Role,
    UserOut,
    UserPage,
)
from auth_service.accounts.service import AccountService
from auth_service.principals import BearerUser
from auth_service.runtime import RuntimeDep, client_ip
from auth_service.tokens.schemas import TokenPairOut
from auth_service.tokens.service import TokenService
from dnd_shared.db.engine import SessionDep
from dnd_shared.db.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from dnd_shared.identity import AdminUser, CurrentUser

API_PREFIX = "/api/v1/auth"
router = APIRouter(prefix=API_PREFIX, tags=["accounts"])


@router.post("/register", status_code=status.HTTP_201_CREATED, response_model=UserOut,
             summary="Create an account (public; rate-limited at the edge)")
async def register(body: RegisterIn, request: Request, session: SessionDep, runtime: RuntimeDep) -> UserOut:
    user = await AccountService(session, runtime).register(body, client_ip(request))
    return UserOut.model_validate(user)


@router.get("/me", response_model=UserOut, summary="The caller's account")
async def me(principal: CurrentUser, session: SessionDep, runtime: RuntimeDep) -> UserOut:
    return UserOut.model_validate(await AccountService(session, runtime).get_active(principal.user_id))


@router.get("/whoami", response_model=PrincipalOut,
            summary="The caller as every service sees it (bearer token or any API key; no database)")
async def whoami(principal: CurrentUser) -> PrincipalOut:
    return PrincipalOut(user_id=principal.user_id, roles=sorted(principal.roles), scopes=sorted(principal.scopes),
                        auth_method=principal.auth_method)


@router.post("/me/password", response_model=TokenPairOut,
             summary="Change the password; ends every session and returns a fresh token pair")
async def change_password(body: ChangePasswordIn, principal: BearerUser, request: Request, session: SessionDep,
                          runtime: RuntimeDep) -> TokenPairOut:
    user = await AccountService(session, runtime).change_password(
        principal.user_id, body.current_password, body.new_password, client_ip(request))
    return await TokenService(session, runtime).issue_pair(user)


# --- admin ---------------------------------------------------------------------------------------
@router.get("/users", response_model=UserPage, summary="List accounts (admin)")
async def list_users(
    admin: AdminUser, session: SessionDep, runtime: RuntimeDep,
    email: Annotated[str | None, Query(max_length=320)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = DEFAULT_PAGE_SIZE,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> UserPage:
    page = await AccountService(session, runtime).list_users(email=email, limit=limit, cursor=cursor)
    return UserPage(items=[AdminUserOut.model_validate(u) for u in page.items], next_cursor=page.next_cursor)


@router.post("/users/{user_id}/disable", response_model=AdminUserOut,
             summary="Disable an account and end all its sessions and keys (admin)")
async def disable_user(user_id: uuid.UUID, admin: AdminUser, request: Request, session: SessionDep,
                       runtime: RuntimeDep) -> AdminUserOut:
    user = await AccountService(session, runtime).set_disabled(admin.user_id, user_id, True, client_ip(request))
    return AdminUserOut.model_validate(user)


@router.post("/users/{user_id}/enable", response_model=AdminUserOut, summary="Re-enable an account (admin)")
async def enable_user(user_id: uuid.UUID, admin: AdminUser, request: Request, session: SessionDep,
                      runtime: RuntimeDep) -> AdminUserOut:
    user = await AccountService(session, runtime).set_disabled(admin.user_id, user_id, False, client_ip(request))
    return AdminUserOut.model_validate(user)


@router.put("/users/{user_id}/roles/{role}", response_model=AdminUserOut, summary="Grant a global role (admin)")
async def grant_role(user_id: uuid.UUID, role: Role, admin: AdminUser, request: Request, session: SessionDep,
                     runtime: RuntimeDep) -> AdminUserOut:
    service = AccountService(session, runtime)
    user = await service.users.get_or_raise(user_id)
    return AdminUserOut.model_validate(await service.set_role(admin.user_id, user, role, True, client_ip(request)))


@router.delete("/users/{user_id}/roles/{role}", response_model=AdminUserOut,
               summary="Revoke a global role (admin)")
async def revoke_role(user_id: uuid.UUID, role: Role, admin: AdminUser, request: Request, session: SessionDep,
                      runtime: RuntimeDep) -> AdminUserOut:
    service = AccountService(session, runtime)
    user = await service.users.get_or_raise(user_id)
    return AdminUserOut.model_validate(await service.set_role(admin.user_id, user, role, False, client_ip(request)))
