"""``GET /usage`` (the caller's), ``GET /usage/users`` and ``GET /usage/users/{id}`` (admin)."""

from __future__ import annotations

import uuid
from typing import Literal

from fastapi import APIRouter, Query, Request

from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import AdminUser, CurrentUser
from llm_service.config import Settings
from llm_service.usage.repository import UsageRepository
from llm_service.usage.schemas import UsageListing, UsageSummary
from llm_service.usage.service import usage_by_user, usage_summary

router = APIRouter(tags=["usage"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.get("/usage", response_model=UsageSummary)
async def my_usage(request: Request, user: CurrentUser, session: SessionDep) -> UsageSummary:
    """The caller's tokens, requests and estimated cost today and this month, with quotas."""
    return await usage_summary(UsageRepository(session), _settings(request), user.user_id)


@router.get("/usage/users", response_model=UsageListing)
async def all_usage(admin: AdminUser, session: SessionDep, period: Literal["day", "month"] = "day",
                    limit: int = Query(default=100, ge=1, le=500)) -> UsageListing:
    """Admin: every user's usage in the current day or month, most tokens first."""
    return await usage_by_user(UsageRepository(session), period, limit=limit)


@router.get("/usage/users/{user_id}", response_model=UsageSummary)
async def user_usage(request: Request, user_id: uuid.UUID, admin: AdminUser, session: SessionDep) -> UsageSummary:
    """Admin: one user's usage and quotas."""
    return await usage_summary(UsageRepository(session), _settings(request), user_id)
