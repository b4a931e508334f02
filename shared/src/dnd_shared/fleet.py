"""The fleet's services in one table: folder, package, schema, dev port and public route prefixes.

Read by the local stack runner, the test fixtures (which migrations to apply) and the hub.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceSpec:
    name: str  # also the PostgreSQL schema and the hub's service name
    package: str
    folder: str
    port: int
    prefixes: tuple[str, ...]

    @property
    def health_path(self) -> str:
        return f"{self.prefixes[0]}/health"


FLEET: tuple[ServiceSpec, ...] = (
    ServiceSpec("hub", "message_hub", "message_hub", 8200, ("/api/v1/hub", "/api/v1/status")),
    ServiceSpec("auth", "auth_service", "auth_service", 8300, ("/api/v1/auth",)),
    ServiceSpec("character", "character_service", "character_service", 8000, ("/api/v1/characters",)),
    ServiceSpec("campaign", "campaign_service", "campaign_service", 8001, ("/api/v1/campaigns",)),
    ServiceSpec("image", "image_service", "image_service", 8002, ("/api/v1/images",)),
    ServiceSpec("llm", "llm_service", "llm_service", 8100, ("/api/v1/llm",)),
    ServiceSpec("catalog", "catalog_service", "catalog_service", 8400, ("/api/v1/catalog",)),
)

POSTGRES_PORT = 5433
REDIS_PORT = 6380
TRAEFIK_HTTPS_PORT = 8443
TRAEFIK_HTTP_PORT = 8080
TRAEFIK_METRICS_PORT = 8082
DATABASE_NAME = "dnd"


def service(name: str) -> ServiceSpec:
    """Look a service up by name (``character``)."""
    for spec in FLEET:
        if spec.name == name:
            return spec
    raise KeyError(name)
