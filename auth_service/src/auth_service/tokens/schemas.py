"""Request and response bodies of login, refresh and logout."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from auth_service.accounts.schemas import Email, Password


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email
    password: Password


class RefreshIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str = Field(min_length=1, max_length=200)


class TokenPairOut(BaseModel):
    access_token: str
    token_type: Literal["Bearer"] = "Bearer"
    expires_in: int
    refresh_token: str
    refresh_expires_in: int
