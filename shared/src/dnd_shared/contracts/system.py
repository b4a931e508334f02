"""``<service>.system.info``: the one RPC every service answers (name, version, instance, uptime)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from dnd_shared.contracts.rpc import RpcContract


class SystemInfoRequest(BaseModel):
    """No parameters; unknown fields are refused so a typo is a validation error, not ignored."""

    model_config = ConfigDict(extra="forbid")


class SystemInfo(BaseModel):
    """What one instance says about itself."""

    service: str
    version: str
    instance_id: str
    uptime_seconds: float
    rpc_types: list[str]
    event_types: list[str]


def system_info_contract(service: str) -> RpcContract[SystemInfoRequest, SystemInfo]:
    """The contract of ``<service>.system.info``."""
    return RpcContract(f"{service}.system.info", SystemInfoRequest, SystemInfo, "query")
