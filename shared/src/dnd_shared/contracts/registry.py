"""What an instance tells the registry about itself (stored as JSON under ``hub:instance:...``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class InstanceRecord(BaseModel):
    """One running instance of a service."""

    service: str
    instance_id: str
    base_url: str
    version: str
    rpc_types: list[str]
    event_types: list[str]
    started_at: datetime
    heartbeat_at: datetime
    pid: int
    host: str
