"""Queries on generation jobs, including the worker's claim (``FOR UPDATE SKIP LOCKED``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_

from dnd_shared.db.base import utcnow
from dnd_shared.db.repository import Repository
from image_service.jobs.models import GenerationJob


class JobRepository(Repository[GenerationJob]):
    model = GenerationJob
    entity_name = "job"

    async def claim_next(self, lease_seconds: float, now: datetime | None = None) -> GenerationJob | None:
        """Take the oldest runnable job: pending (and due), or running with an expired lease (its
        worker died). Concurrent workers skip each other's rows instead of waiting."""
        now = now or utcnow()
        statement = (
            self._select()
            .where(
                or_(
                    and_(
                        GenerationJob.status == "pending",
                        or_(GenerationJob.not_before.is_(None), GenerationJob.not_before <= now),
                    ),
                    and_(GenerationJob.status == "running", GenerationJob.lease_expires_at < now),
                )
            )
            .order_by(GenerationJob.created_at)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        job: GenerationJob | None = (await self.session.execute(statement)).scalar_one_or_none()
        if job is None:
            return None
        await self.update(
            job,
            {
                "status": "running",
                "attempts": job.attempts + 1,
                "lease_expires_at": now + timedelta(seconds=lease_seconds),
            },
        )
        return job
