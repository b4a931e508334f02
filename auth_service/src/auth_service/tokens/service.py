"""Issuing token pairs, rotating refresh tokens (reuse revokes the family), logging out.

Refresh tokens are opaque (``rt_`` + 256 random bits), stored as SHA-256 digests (they are
high-entropy, so a fast hash is enough), valid ``refresh_token_ttl_seconds``, single use.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from auth_service.accounts.models import User
from auth_service.accounts.repository import UserRepository
from auth_service.audit.service import AuditEventType, AuditLog
from auth_service.runtime import AuthRuntime
from auth_service.tokens.repository import RefreshTokenRepository
from auth_service.tokens.schemas import TokenPairOut
from auth_service.tokens.signing import unauthorized
from dnd_shared.db.base import utcnow
from dnd_shared.errors import AppError

REFRESH_TOKEN_PREFIX = "rt_"


def hash_refresh_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class TokenService:
    def __init__(self, session: AsyncSession, runtime: AuthRuntime) -> None:
        self.runtime = runtime
        self.tokens = RefreshTokenRepository(session)
        self.users = UserRepository(session)
        self.audit = AuditLog(session)

    async def issue_pair(self, user: User, family_id: uuid.UUID | None = None) -> TokenPairOut:
        """A new access token and a new refresh token (a new family unless rotating within one)."""
        settings = self.runtime.settings
        family_id = family_id or uuid.uuid4()
        raw = REFRESH_TOKEN_PREFIX + secrets.token_urlsafe(32)
        await self.tokens.create(
            user_id=user.id, family_id=family_id, token_hash=hash_refresh_token(raw),
            expires_at=utcnow() + timedelta(seconds=settings.refresh_token_ttl_seconds),
        )
        access, _ = self.runtime.signer.access_token(user_id=user.id, roles=list(user.roles), family_id=family_id,
                                                     generation=user.token_generation)
        # Heal the revocation mirror in Redis from the database on every issue.
        await self.runtime.revocations.publish_generation(user.id, user.token_generation)
        return TokenPairOut(access_token=access, expires_in=settings.access_token_ttl_seconds, refresh_token=raw,
                            refresh_expires_in=settings.refresh_token_ttl_seconds)

    async def rotate(self, raw: str, ip: str | None) -> TokenPairOut | AppError:
        """Exchange a refresh token for a new pair. Returns (not raises) the error, so the caller
        commits the bookkeeping of a reuse (family revoked, audit event) before answering 401."""
        row = await self.tokens.get_by_hash_for_update(hash_refresh_token(raw))
        now = utcnow()
        invalid = unauthorized("The refresh token is not valid; log in again.", "invalid_refresh_token")
        if row is None or row.expires_at <= now or (row.revoked_at is not None and row.rotated_at is None):
            return invalid
        if row.rotated_at is not None:
            if row.revoked_at is None:
                await self.revoke_family(row.family_id, "reuse_detected")
            await self.audit.record(AuditEventType.REFRESH_REUSE_DETECTED, user_id=row.user_id, ip=ip,
                                    details={"family_id": str(row.family_id)})
            return unauthorized("This refresh token was already used; the session is revoked. Log in again.",
                                "refresh_token_reused")
        user = await self.users.get(row.user_id)
        if user is None or user.is_disabled:
            return invalid
        await self.tokens.update(row, {"rotated_at": now})
        return await self.issue_pair(user, row.family_id)

    async def revoke_family(self, family_id: uuid.UUID, reason: str) -> None:
        await self.tokens.revoke_family(family_id, reason, utcnow())
        await self.runtime.revocations.revoke_family(family_id)

    async def revoke_all_of(self, user_id: uuid.UUID, reason: str) -> None:
        for family_id in await self.tokens.live_families_of(user_id):
            await self.revoke_family(family_id, reason)

    async def logout(self, raw: str, ip: str | None) -> None:
        """End the session the refresh token belongs to (idempotent; an unknown token is ignored)."""
        row = await self.tokens.get_by_hash_for_update(hash_refresh_token(raw))
        if row is None or row.revoked_at is not None:
            return
        await self.revoke_family(row.family_id, "logout")
        await self.audit.record(AuditEventType.LOGOUT, user_id=row.user_id, actor_id=row.user_id, ip=ip,
                                details={"family_id": str(row.family_id)})
