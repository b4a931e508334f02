"""Accounts: register, authenticate, change password, admin management.

Argon2 work runs in a worker thread so one login never stalls the event loop (and the forward-auth
sharing it). Whatever must end every access token of a user (disable, role change, password change)
goes through :meth:`AccountService.end_all_sessions`.
"""

from __future__ import annotations

import uuid

import anyio
from sqlalchemy.ext.asyncio import AsyncSession

from auth_service.accounts.models import ADMIN, PLAYER, User
from auth_service.accounts.passwords import password_problems
from auth_service.accounts.repository import UserRepository
from auth_service.accounts.schemas import RegisterIn
from auth_service.audit.service import AuditEventType, AuditLog
from auth_service.runtime import AuthRuntime
from auth_service.tokens.service import TokenService
from dnd_shared.db.base import utcnow
from dnd_shared.db.pagination import Page
from dnd_shared.errors import (
    AppError,
    ConflictError,
    ErrorDetail,
    RateLimitedError,
    UnauthorizedError,
    UnprocessableError,
)

INVALID_CREDENTIALS = "The email or password is wrong."


def _refuse_weak(password: str, *, email: str, display_name: str, field: str) -> None:
    problems = password_problems(password, email=email, display_name=display_name)
    if problems:
        raise UnprocessableError("The password is too weak.", code="weak_password",
                                 details=[ErrorDetail(field, problem) for problem in problems])


class AccountService:
    def __init__(self, session: AsyncSession, runtime: AuthRuntime) -> None:
        self.session = session
        self.runtime = runtime
        self.users = UserRepository(session)
        self.audit = AuditLog(session)

    async def _hash(self, password: str) -> str:
        return await anyio.to_thread.run_sync(self.runtime.hasher.hash, password)

    async def _verify(self, password: str, stored_hash: str | None) -> tuple[bool, str | None]:
        return await anyio.to_thread.run_sync(self.runtime.hasher.verify_and_update, password, stored_hash)

    async def register(self, body: RegisterIn, ip: str | None) -> User:
        _refuse_weak(body.password, email=body.email, display_name=body.display_name, field="password")
        if await self.users.get_by_email(body.email) is not None:
            raise ConflictError("An account with this email already exists.", code="email_taken",
                                details=[ErrorDetail("email", "already registered")])
        user = await self.users.create(email=body.email, display_name=body.display_name,
                                       password_hash=await self._hash(body.password), roles=[PLAYER])
        await self.audit.record(AuditEventType.REGISTERED, user_id=user.id, actor_id=user.id, ip=ip)
        return user

    async def authenticate(self, email: str, password: str, ip: str | None) -> User | AppError:
        """The user, or the error to answer with. Unknown email and wrong password give the same
        error after the same work (an Argon2 verification either way); the failure bookkeeping
        (backoff counters, audit) is left in this unit of work, which the caller commits."""
        throttle = self.runtime.throttle
        locked = await throttle.locked_for(email)
        if locked:
            return RateLimitedError("Too many failed logins for this account; try again later.",
                                    retry_after_seconds=locked, code="login_locked")
        user = await self.users.get_by_email(email)
        valid, new_hash = await self._verify(password, user.password_hash if user else None)
        if user is not None and valid and not user.is_disabled:
            await throttle.clear(email)
            values: dict[str, object] = {"last_login_at": utcnow()}
            if new_hash is not None:
                values["password_hash"] = new_hash
            await self.users.update(user, values)
            if new_hash is not None:
                await self.audit.record(AuditEventType.PASSWORD_REHASHED, user_id=user.id, ip=ip)
            await self.audit.record(AuditEventType.LOGIN_SUCCEEDED, user_id=user.id, actor_id=user.id, ip=ip)
            return user
        failures, lock_seconds = await throttle.record_failure(email)
        reason = "unknown_email" if user is None else ("disabled" if valid else "wrong_password")
        await self.audit.record(AuditEventType.LOGIN_FAILED, user_id=user.id if user else None, ip=ip,
                                details={"reason": reason, "consecutive_failures": failures})
        if lock_seconds:
            await self.audit.record(AuditEventType.LOGIN_LOCKED, user_id=user.id if user else None, ip=ip,
                                    details={"lock_seconds": lock_seconds, "consecutive_failures": failures})
        return UnauthorizedError(INVALID_CREDENTIALS, code="invalid_credentials")

    async def get_active(self, user_id: uuid.UUID) -> User:
        user = await self.users.get(user_id)
        if user is None or user.is_disabled:
            raise UnauthorizedError("This account no longer exists or is disabled.", code="account_unavailable")
        return user

    async def change_password(self, user_id: uuid.UUID, current: str, new: str, ip: str | None) -> User:
        """Check the current password, set the new one and end every session of the user."""
        user = await self.get_active(user_id)
        valid, _ = await self._verify(current, user.password_hash)
        if not valid:
            raise UnprocessableError("The current password is wrong.", code="wrong_password",
                                     details=[ErrorDetail("current_password", "does not match")])
        _refuse_weak(new, email=user.email, display_name=user.display_name, field="new_password")
        await self.users.update(user, {"password_hash": await self._hash(new), "password_changed_at": utcnow()})
        await self.end_all_sessions(user, "password_changed")
        await self.audit.record(AuditEventType.PASSWORD_CHANGED, user_id=user.id, actor_id=user.id, ip=ip)
        return user

    async def end_all_sessions(self, user: User, reason: str, *, keep_refresh_tokens: bool = False) -> None:
        """Kill every access token (generation bump) and cached API-key record of ``user``, and every
        refresh-token family unless ``keep_refresh_tokens`` (a role change: a refresh gets new roles)."""
        await self._bump_generation(user)
        if not keep_refresh_tokens:
            await TokenService(self.session, self.runtime).revoke_all_of(user.id, reason)

    async def _bump_generation(self, user: User) -> None:
        """Access tokens of older generations die; cached API-key records of the user are re-read."""
        await self.users.update(user, {"token_generation": user.token_generation + 1})
        await self.runtime.revocations.publish_generation(user.id, user.token_generation)

    # --- admin ---------------------------------------------------------------------------------
    async def list_users(self, *, email: str | None, limit: int, cursor: str | None) -> Page[User]:
        filters = {"email": email.strip().lower()} if email else None
        return await self.users.list(filters=filters, limit=limit, cursor=cursor)

    async def set_disabled(self, admin_id: uuid.UUID, user_id: uuid.UUID, disabled: bool, ip: str | None) -> User:
        user = await self.users.get_or_raise(user_id)
        if disabled and user.id == admin_id:
            raise ConflictError("You cannot disable your own account.", code="cannot_disable_self")
        if disabled and not user.is_disabled:
            await self.users.update(user, {"disabled_at": utcnow()})
            await self.end_all_sessions(user, "user_disabled")
            await self.audit.record(AuditEventType.USER_DISABLED, user_id=user.id, actor_id=admin_id, ip=ip)
        elif not disabled and user.is_disabled:
            await self.users.update(user, {"disabled_at": None})
            await self._bump_generation(user)
            await self.audit.record(AuditEventType.USER_ENABLED, user_id=user.id, actor_id=admin_id, ip=ip)
        return user

    async def set_role(self, actor_id: uuid.UUID | None, user: User, role: str, granted: bool,
                       ip: str | None) -> User:
        """Grant or revoke a global role; the user's tokens carrying the old roles die at once (a
        refresh gets the new ones). Refuses to remove the last admin or a user's ``player`` role."""
        if role not in (PLAYER, ADMIN):
            raise UnprocessableError(f"Unknown role {role!r}.", code="unknown_role",
                                     details=[ErrorDetail("path.role", "must be player or admin")])
        has_role = role in user.roles
        if granted == has_role:
            return user
        if not granted and role == PLAYER:
            raise ConflictError("Every account keeps the player role; disable the account instead.",
                                code="player_role_required")
        if not granted and role == ADMIN and await self.users.count_admins() <= 1:
            raise ConflictError("This is the last admin; grant admin to someone else first.", code="last_admin")
        roles = sorted({*user.roles, role}) if granted else sorted(set(user.roles) - {role})
        await self.users.update(user, {"roles": roles})
        await self.end_all_sessions(user, "role_changed", keep_refresh_tokens=True)
        await self.audit.record(AuditEventType.ROLE_GRANTED if granted else AuditEventType.ROLE_REVOKED,
                                user_id=user.id, actor_id=actor_id, ip=ip, details={"role": role})
        return user
