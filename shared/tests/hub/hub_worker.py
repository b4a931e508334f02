"""A hub instance in its own process, for the multi-instance tests (run as a script).

``python hub_worker.py <redis_url> <service> <record_file>``: serves ``<service>.work`` (answers its
instance id) and subscribes to ``loadtest.item.v1`` (appends ``<instance> <item>`` to the record
file, then pretends to work for 20 ms). Prints ``READY <instance_id>`` once registered. Hub timings
come from ``DND_HUB_*`` variables.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from typing import ClassVar

from pydantic import BaseModel

from dnd_shared.contracts.events import EventModel
from dnd_shared.hub.client import Hub, create_hub_redis
from dnd_shared.hub.context import MessageContext
from dnd_shared.hub.router import HubRouter
from dnd_shared.logging import configure_logging


class LoadItemV1(EventModel):
    event_type: ClassVar[str] = "loadtest.item.v1"

    item: int


class WorkRequest(BaseModel):
    n: int = 0


class WorkResult(BaseModel):
    instance_id: str
    n: int


async def main(redis_url: str, service: str, record_file: str) -> None:
    configure_logging(service, "WARNING", json=True)
    router = HubRouter()
    record = open(record_file, "a", buffering=1)  # noqa: SIM115 (open for the process lifetime)

    @router.rpc(f"{service}.work")
    async def work(request: WorkRequest, ctx: MessageContext) -> WorkResult:
        await asyncio.sleep(0.01)
        return WorkResult(instance_id=ctx.require_hub().instance_id, n=request.n)

    @router.subscribe(LoadItemV1)
    async def on_item(event: LoadItemV1, ctx: MessageContext) -> None:
        record.write(f"{ctx.require_hub().instance_id} {event.item}\n")
        await asyncio.sleep(0.02)

    redis = create_hub_redis(redis_url)
    hub = Hub(service=service, redis=redis, router=router)
    await hub.start()
    print(f"READY {hub.instance_id}", flush=True)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    await hub.stop()
    await redis.aclose()
    record.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))
    os._exit(0)
