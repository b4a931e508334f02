"""Settings of the message hub (env prefix ``HUB_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="HUB_", env_file=".env", extra="ignore")

    service_name: str = "hub"
    port: int = 8200
    #: Active probes of every registered instance's ``/health/ready``.
    probe_interval: float = Field(default=5.0, gt=0)
    probe_timeout: float = Field(default=2.0, gt=0)
    #: The reaper: forget expired registrations, delete their consumers once nothing is pending.
    reaper_interval: float = Field(default=5.0, gt=0)
    #: Refresh of the fleet gauges (instances, stream length/lag/pending, dead letters).
    metrics_interval: float = Field(default=5.0, gt=0)
