"""The hub's background work, run for the app's lifetime: prober, reaper, fleet gauges."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from message_hub.config import Settings
from message_hub.fleet_metrics import run_refresher
from message_hub.probes.prober import run_prober
from message_hub.reaper import run_reaper


@asynccontextmanager
async def control_plane_loops(app: FastAPI) -> AsyncIterator[None]:
    """Start the loops after Redis is up; stop them cooperatively at shutdown."""
    settings: Settings = app.state.settings
    redis = app.state.redis
    stopping = asyncio.Event()
    tasks = [
        asyncio.create_task(run_prober(redis, settings.probe_interval, settings.probe_timeout, stopping)),
        asyncio.create_task(run_reaper(redis, settings.reaper_interval, stopping)),
        asyncio.create_task(run_refresher(redis, settings.metrics_interval, stopping)),
    ]
    try:
        yield
    finally:
        stopping.set()
        _, stuck = await asyncio.wait(tasks, timeout=settings.probe_timeout + 1)
        for task in stuck:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
