"""``POST /api/v1/images/items``: queue item art (202 with the job to follow)."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Request, Response

from dnd_shared.db.engine import SessionDep
from dnd_shared.identity import CurrentUser
from image_service.assets.dependencies import SettingsDep
from image_service.assets.schemas import API_PREFIX
from image_service.items.schemas import ItemArtCreate
from image_service.jobs.queueing import admit_generation, wake_worker_after_commit
from image_service.jobs.schemas import JobOut
from image_service.jobs.service import JobService
from image_service.providers.offline_item import ItemSpec

router = APIRouter(prefix=API_PREFIX, tags=["items"])


@router.post("/items", response_model=JobOut, status_code=202)
async def create_item_art(
    body: ItemArtCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
) -> JobOut:
    """An icon for an item by category and rarity; counts against the generation limit."""
    await admit_generation(request, settings, user.user_id)
    seed = body.seed if body.seed is not None else secrets.randbelow(2**31)
    spec = ItemSpec(name=body.name, category=body.category, rarity=body.rarity, description=body.description, seed=seed)
    jobs = JobService(session, settings)
    job = await jobs.queue_item(user.user_id, spec, await jobs.target_image(user, body.image_id, "item"))
    wake_worker_after_commit(session, request.app.state)
    response.headers["Location"] = f"{API_PREFIX}/jobs/{job.id}"
    return JobOut.of(job)
