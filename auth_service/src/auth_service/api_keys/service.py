"""Creating, listing and revoking a user's API keys."""

from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from auth_service.api_keys.format import DISPLAY_PREFIX_LENGTH, generate_api_key, key_digest
from auth_service.api_keys.models import ApiKey
from auth_service.api_keys.repository import ApiKeyRepository
from auth_service.api_keys.schemas import ApiKeyIn
from auth_service.audit.service import AuditEventType, AuditLog
from auth_service.runtime import AuthRuntime
from dnd_shared.db.base import utcnow
from dnd_shared.errors import ErrorDetail, NotFoundError, UnprocessableError

MAX_KEYS_PER_USER = 50


class ApiKeyService:
    def __init__(self, session: AsyncSession, runtime: AuthRuntime) -> None:
        self.runtime = runtime
        self.keys = ApiKeyRepository(session)
        self.audit = AuditLog(session)

    async def create(self, user_id: uuid.UUID, body: ApiKeyIn, ip: str | None) -> tuple[ApiKey, str]:
        """The stored key and the key itself (the only time it exists outside the client)."""
        if body.expires_at is not None and body.expires_at <= utcnow():
            raise UnprocessableError("The expiry is in the past.", code="expiry_in_past",
                                     details=[ErrorDetail("expires_at", "must be in the future")])
        live = await self.keys.list(filters={"user_id": user_id, "revoked_at": None}, limit=MAX_KEYS_PER_USER + 1)
        if len(live.items) >= MAX_KEYS_PER_USER:
            raise UnprocessableError(f"At most {MAX_KEYS_PER_USER} live API keys per account.",
                                     code="too_many_api_keys")
        raw = generate_api_key()
        secret = self.runtime.settings.hmac_secret.get_secret_value().encode()
        key = await self.keys.create(user_id=user_id, name=body.name, prefix=raw[:DISPLAY_PREFIX_LENGTH],
                                     key_digest=key_digest(raw, secret), scopes=body.scopes,
                                     expires_at=body.expires_at)
        await self.audit.record(AuditEventType.API_KEY_CREATED, user_id=user_id, actor_id=user_id, ip=ip,
                                details={"api_key_id": str(key.id), "prefix": key.prefix, "scopes": body.scopes})
        return key, raw

    async def list(self, user_id: uuid.UUID) -> list[ApiKey]:
        page = await self.keys.list(filters={"user_id": user_id}, limit=200)
        return page.items

    async def revoke(self, user_id: uuid.UUID, key_id: uuid.UUID, ip: str | None) -> ApiKey:
        """Revoke one of the user's keys (another user's key is a 404). Effective at once in Redis;
        replicas that cached the key stop accepting it within ``revocation_check_seconds``."""
        key = await self.keys.get_owned(key_id, user_id)
        if key is None:
            raise NotFoundError(f"No API key with id {key_id}.", code="api_key_not_found")
        if key.revoked_at is None:
            await self.keys.update(key, {"revoked_at": utcnow()})
            await self.runtime.revocations.revoke_api_keys([key.key_digest],
                                                           self.runtime.settings.api_key_cache_seconds)
            await self.audit.record(AuditEventType.API_KEY_REVOKED, user_id=user_id, actor_id=user_id, ip=ip,
                                    details={"api_key_id": str(key.id), "prefix": key.prefix})
        return key
