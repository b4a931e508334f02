"""``GET /api/v1/hub/dead-letters`` (inspect) and ``POST /api/v1/hub/dead-letters`` (replay or
discard by id), admin only. Every action is logged with the operator's id."""

from __future__ import annotations

from typing import Annotated, Literal

import structlog
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from dnd_shared.hub.dead_letters import DeadLetter, DeadLetters
from dnd_shared.identity import AdminUser

router = APIRouter(prefix="/api/v1/hub", tags=["dead letters"])
log = structlog.get_logger("message_hub.dead_letters")

STREAM_ID = r"^[0-9]{1,20}-[0-9]{1,20}$"
SERVICE_NAME = r"^[a-z][a-z0-9_]{0,39}$"


class DeadLetterPage(BaseModel):
    items: list[DeadLetter]
    total: int


class DeadLetterAction(BaseModel):
    action: Literal["replay", "discard"]
    ids: list[Annotated[str, Field(pattern=STREAM_ID)]] = Field(min_length=1, max_length=500)


class DeadLetterActionResult(BaseModel):
    action: str
    processed: list[str]
    missing: list[str]


@router.get("/dead-letters", summary="Inspect dead letters, newest first")
async def list_dead_letters(
    request: Request,
    _: AdminUser,
    service: Annotated[str | None, Query(pattern=SERVICE_NAME)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DeadLetterPage:
    store = DeadLetters(request.app.state.redis)
    return DeadLetterPage(items=await store.list(service=service, limit=limit), total=await store.count())


@router.post("/dead-letters", summary="Replay dead letters onto their stream, or discard them")
async def act_on_dead_letters(request: Request, body: DeadLetterAction, admin: AdminUser) -> DeadLetterActionResult:
    store = DeadLetters(request.app.state.redis)
    ids = list(dict.fromkeys(body.ids))
    processed = await (store.replay(ids) if body.action == "replay" else store.discard(ids))
    log.info("dead_letters_" + body.action, ids=processed, operator=str(admin.user_id))
    return DeadLetterActionResult(action=body.action, processed=processed,
                                  missing=[i for i in ids if i not in processed])
