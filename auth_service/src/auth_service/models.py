"""Imports every ORM model of the auth service so Alembic sees the whole schema."""

from auth_service.accounts.models import User
from auth_service.api_keys.models import ApiKey
from auth_service.audit.models import AuditEvent
from auth_service.tokens.models import RefreshToken

__all__ = ["ApiKey", "AuditEvent", "RefreshToken", "User"]
