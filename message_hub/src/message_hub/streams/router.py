"""``GET /api/v1/hub/streams`` (admin)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from dnd_shared.identity import AdminUser
from message_hub.streams.service import StreamStats, stream_stats

router = APIRouter(prefix="/api/v1/hub", tags=["streams"])


class StreamsPage(BaseModel):
    streams: list[StreamStats]


@router.get("/streams", summary="Length of every hub stream; pending and lag per consumer group")
async def streams(request: Request, _: AdminUser) -> StreamsPage:
    return StreamsPage(streams=await stream_stats(request.app.state.redis))
