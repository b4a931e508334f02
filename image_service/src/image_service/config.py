"""Settings of the image service (env prefix ``IMAGE_``, fleet-wide fallbacks ``DND_``)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import SettingsConfigDict

from dnd_shared.settings import ServiceSettings


class Settings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="IMAGE_", env_file=".env", extra="ignore")

    service_name: str = "image"
    port: int = 8002

    #: ``filesystem`` (default) or ``s3`` (any S3-compatible object store).
    storage_backend: Literal["filesystem", "s3"] = "filesystem"
    #: Where the filesystem store keeps blobs; unset: ``<var_dir>/assets`` (``./var/assets``, or under
    #: ``DND_VAR_DIR`` when the runner sets it).
    assets_dir: Path | None = None
    s3_endpoint_url: str | None = None
    s3_bucket: str = "dnd-images"
    s3_region: str = "us-east-1"
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None
    s3_prefix: str = "assets/"

    #: GetImg.AI key; without one every generation uses the offline renderer.
    getimg_api_key: SecretStr | None = None
    getimg_base_url: str = "https://api.getimg.ai/v1"
    #: GetImg text-to-image family: ``flux-schnell``, ``stable-diffusion-xl``, ...
    getimg_model_path: str = "flux-schnell"
    getimg_timeout_seconds: float = Field(default=60.0, gt=0)

    #: Generations (portraits, item art, maps) per user per minute.
    generation_rate_limit_per_minute: int = Field(default=10, ge=1)
    #: Run the job worker inside the service (off in tests that drive it by hand).
    job_worker_enabled: bool = True
    job_poll_seconds: float = Field(default=1.0, gt=0)
    #: Seconds before a running job whose worker vanished is picked up again.
    job_lease_seconds: float = Field(default=120.0, gt=0)
    #: ``Cache-Control`` max-age for served images (bytes of a version never change).
    cache_max_age_seconds: int = Field(default=3600, ge=0)

    def resolved_assets_dir(self) -> Path:
        """The filesystem store's root directory."""
        return self.assets_dir if self.assets_dir is not None else self.var_dir / "assets"
