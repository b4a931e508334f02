"""``POST /api/v1/images/portraits``: queue a portrait (202 with the job to follow)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from dnd_shared.db.engine import SessionDep
from dnd_shared.hub.dependencies import get_hub
from dnd_shared.identity import CurrentUser
from image_service.assets.dependencies import SettingsDep
from image_service.assets.schemas import API_PREFIX
from image_service.jobs.queueing import admit_generation, wake_worker_after_commit
from image_service.jobs.schemas import JobOut
from image_service.jobs.service import JobService
from image_service.portraits.characters import CharacterLook, fetch_character_look
from image_service.portraits.schemas import PortraitCreate
from image_service.portraits.service import portrait_spec

router = APIRouter(prefix=API_PREFIX, tags=["portraits"])


@router.post("/portraits", response_model=JobOut, status_code=202)
async def create_portrait(
    body: PortraitCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
) -> JobOut:
    """From a ``description``, or from ``character_id`` (its species, class and appearance come from
    the character service through the hub: 404 if it is not yours or does not exist, 503 when the
    character service is not running). Counts against the generation limit."""
    await admit_generation(request, settings, user.user_id)
    jobs = JobService(session, settings)
    target = await jobs.target_image(user, body.image_id, "portrait")
    if body.description is not None:
        look = CharacterLook(
            body.description.name,
            body.description.species,
            body.description.character_class,
            body.description.appearance,
        )
    else:
        assert body.character_id is not None
        look = await fetch_character_look(get_hub(request), user, body.character_id, body.appearance)
    job = await jobs.queue_portrait(user.user_id, portrait_spec(body, look), body.character_id, target)
    wake_worker_after_commit(session, request.app.state)
    response.headers["Location"] = f"{API_PREFIX}/jobs/{job.id}"
    return JobOut.of(job)
