"""What every generation request does before its job exists: count it against the user's limit,
and arrange for the worker to wake as soon as the request's transaction commits."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import Request
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from image_service.config import Settings
from image_service.limits import enforce_generation_limit


async def admit_generation(request: Request, settings: Settings, user_id: uuid.UUID) -> None:
    """429 past the per-user generation limit."""
    await enforce_generation_limit(request.app.state.redis, user_id, settings.generation_rate_limit_per_minute)


def wake_worker_after_commit(session: AsyncSession, app_state: Any) -> None:
    """The in-process worker starts on the new job right after the commit instead of at its next poll."""
    worker = getattr(app_state, "job_worker", None)
    if worker is None:
        return

    def wake(_session: Any) -> None:
        worker.wakeup.set()

    event.listen(session.sync_session, "after_commit", wake, once=True)
