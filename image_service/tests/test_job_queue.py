"""The job queue's claim: oldest runnable first, delayed retries wait, dead workers' leases expire."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from dnd_shared.db.base import utcnow
from image_service.jobs.repository import JobRepository


async def _job(repository: JobRepository, title: str, **values: object) -> uuid.UUID:
    fields: dict[str, object] = {
        "owner_id": uuid.uuid4(),
        "kind": "item",
        "status": "pending",
        "provider": "offline",
        "title": title,
        "spec": {},
        "prompt": "",
        "attempts": 0,
    }
    job = await repository.create(**{**fields, **values})
    return job.id


async def test_claim_order_delay_and_lease_expiry(db_session: AsyncSession) -> None:
    jobs = JobRepository(db_session)
    now = utcnow()
    first = await _job(jobs, "first", created_at=now - timedelta(minutes=3))
    delayed = await _job(jobs, "delayed", created_at=now - timedelta(minutes=2), not_before=now + timedelta(seconds=30))
    done = await _job(jobs, "done", created_at=now - timedelta(minutes=4), status="succeeded")

    claimed = await jobs.claim_next(lease_seconds=60, now=now)
    assert claimed is not None and claimed.id == first
    assert (claimed.status, claimed.attempts) == ("running", 1)
    assert claimed.lease_expires_at == now + timedelta(seconds=60)
    # Nothing else is runnable yet: the retry is delayed, the other finished, the first is leased.
    assert await jobs.claim_next(lease_seconds=60, now=now) is None
    # Once the delay passes the retry is taken ...
    later = now + timedelta(seconds=31)
    retried = await jobs.claim_next(lease_seconds=60, now=later)
    assert retried is not None and retried.id == delayed
    # ... and when the first job's worker never came back, its lease runs out and it is taken again.
    reclaimed = await jobs.claim_next(lease_seconds=60, now=now + timedelta(seconds=61))
    assert reclaimed is not None and reclaimed.id == first and reclaimed.attempts == 2
    assert (await jobs.get_or_raise(done)).status == "succeeded"
