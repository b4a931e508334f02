"""The image service on the message hub.

Commands (other services asking for images on a user's behalf; the user's limit applies):
- ``image.portrait.generate`` -> the queued job; completion is announced by
  ``image.generation.completed.v1`` (see :mod:`image_service.events`);
- ``image.item.generate`` -> the queued job, same event;
- ``image.map.generate`` -> the generated map (maps are quick: no job).
Query: ``image.job.get`` -> a job's status.
Plus the fleet's standard ``image.system.info`` and diagnostics trace handlers.
"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import BaseModel

from dnd_shared.errors import UnauthorizedError
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.hub.system import system_router
from dnd_shared.identity import Principal
from image_service.assets.storage import BlobStore
from image_service.config import Settings
from image_service.items.schemas import ItemArtCreate
from image_service.jobs.schemas import JobOut
from image_service.jobs.service import JobService
from image_service.limits import enforce_generation_limit
from image_service.maps.schemas import MapCreate, MapOut
from image_service.maps.service import MapService
from image_service.portraits.characters import CharacterLook, fetch_character_look
from image_service.portraits.schemas import PortraitCreate
from image_service.portraits.service import portrait_spec
from image_service.providers.offline_item import ItemSpec

router = HubRouter()
router.include(system_router("image"))


class JobQuery(BaseModel):
    job_id: uuid.UUID


def _principal(ctx: MessageContext) -> Principal:
    user = ctx.user
    if user is None:
        raise UnauthorizedError(
            "Image generation acts for a user; the message carries none.", code="principal_required"
        )
    return user


def _state(ctx: MessageContext) -> Any:
    return ctx.require_hub().app_state


def _wake(state: Any) -> None:
    worker = getattr(state, "job_worker", None)
    if worker is not None:
        worker.wakeup.set()


@router.rpc("image.portrait.generate", kind="command")
async def generate_portrait(request: PortraitCreate, ctx: MessageContext) -> JobOut:
    """Queue a portrait for the message's user (from a description or their character)."""
    user = _principal(ctx)
    state = _state(ctx)
    settings: Settings = state.settings
    await enforce_generation_limit(state.redis, user.user_id, settings.generation_rate_limit_per_minute)
    if request.description is not None:
        d = request.description
        look = CharacterLook(d.name, d.species, d.character_class, d.appearance)
    else:
        assert request.character_id is not None
        look = await fetch_character_look(ctx.require_hub(), user, request.character_id, request.appearance)
    async with state.database.session() as session:
        jobs = JobService(session, settings)
        target = await jobs.target_image(user, request.image_id, "portrait")
        job = await jobs.queue_portrait(user.user_id, portrait_spec(request, look), request.character_id, target)
        out = JobOut.of(job)
    _wake(state)
    return out


@router.rpc("image.item.generate", kind="command")
async def generate_item_art(request: ItemArtCreate, ctx: MessageContext) -> JobOut:
    """Queue item art for the message's user."""
    user = _principal(ctx)
    state = _state(ctx)
    settings: Settings = state.settings
    await enforce_generation_limit(state.redis, user.user_id, settings.generation_rate_limit_per_minute)
    seed = request.seed if request.seed is not None else uuid.uuid4().int % 2**31
    spec = ItemSpec(request.name, request.category, request.rarity, request.description, seed)
    async with state.database.session() as session:
        jobs = JobService(session, settings)
        target = await jobs.target_image(user, request.image_id, "item")
        out = JobOut.of(await jobs.queue_item(user.user_id, spec, target))
    _wake(state)
    return out


@router.rpc("image.map.generate", kind="command")
async def generate_map(request: MapCreate, ctx: MessageContext) -> MapOut:
    """Generate and store a map for the message's user."""
    user = _principal(ctx)
    state = _state(ctx)
    settings: Settings = state.settings
    await enforce_generation_limit(state.redis, user.user_id, settings.generation_rate_limit_per_minute)
    store: BlobStore = state.blob_store
    async with state.database.session() as session:
        return MapOut.of(await MapService(session, store).create(user, request))


@router.rpc("image.job.get")
async def get_job(request: JobQuery, ctx: MessageContext) -> JobOut:
    """A job of the message's user."""
    user = _principal(ctx)
    state = _state(ctx)
    async with state.database.session() as session:
        return JobOut.of(await JobService(session, state.settings).get(user, request.job_id))
