"""Request and response bodies of accounts."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from auth_service.accounts.passwords import MAX_PASSWORD_LENGTH


def _normalise_email(value: str) -> str:
    value = value.strip().lower()
    local, _, domain = value.partition("@")
    if not local or "." not in domain or domain.startswith(".") or domain.endswith(".") or " " in value:
        raise ValueError("must be an email address like name@example.com")
    return value


Email = Annotated[str, Field(min_length=3, max_length=320), AfterValidator(_normalise_email)]
DisplayName = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(str.strip)]
Password = Annotated[str, Field(min_length=1, max_length=MAX_PASSWORD_LENGTH)]
Role = Literal["player", "admin"]


class RegisterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email
    display_name: DisplayName
    password: Password


class ChangePasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: Password
    new_password: Password


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    display_name: str
    roles: list[str]
    created_at: datetime
    last_login_at: datetime | None


class AdminUserOut(UserOut):
    disabled_at: datetime | None
    version: int


class UserPage(BaseModel):
    items: list[AdminUserOut]
    next_cursor: str | None


class PrincipalOut(BaseModel):
    """The verified identity a request carries (what ``dnd_shared.identity.CurrentUser`` yields)."""

    user_id: uuid.UUID
    roles: list[str]
    scopes: list[str]
    auth_method: str
