"""docker-compose.yml: validated by docker-compose v1.29 itself, plus the fleet's routing contract.

The compose file is also read as plain YAML, so the label/healthcheck checks run even where the
docker-compose binary cannot be installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"

# compose service name, folder (= python package), uv dist name, public prefixes
FLEET = [
    ("message-hub", "message_hub", "message-hub", ["/api/v1/hub", "/api/v1/status"]),
    ("auth-service", "auth_service", "auth-service", ["/api/v1/auth"]),
    ("character-service", "character_service", "character-service", ["/api/v1/characters"]),
    ("campaign-service", "campaign_service", "campaign-service", ["/api/v1/campaigns"]),
    ("image-service", "image_service", "image-service", ["/api/v1/images"]),
    ("llm-service", "llm_service", "llm-service", ["/api/v1/llm"]),
    ("catalog-service", "catalog_service", "catalog-service", ["/api/v1/catalog"]),
]
SECRETS = {
    "POSTGRES_PASSWORD": "test-postgres-password",
    "DND_DB_PASSWORD": "test-dnd-password",
    "REDIS_PASSWORD": "test-redis-password",
    "DND_SECRET_KEY": "test-secret-key",
    "AUTH_HMAC_SECRET": "test-hmac-secret",
    "DND_AUTH_PRIVATE_KEY_PATH": "/nonexistent/auth_private.pem",
    "DND_AUTH_PUBLIC_KEY_PATH": "/nonexistent/auth_public.pem",
}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(COMPOSE_FILE.read_text())
    return loaded


@pytest.fixture(scope="module")
def docker_compose_binary() -> str:
    found = shutil.which("docker-compose")
    if found is None and hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        install = ["apt-get", "install", "-y", "-qq", "docker-compose"]
        if subprocess.run(install, env=env, capture_output=True, timeout=600).returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=600)
            subprocess.run(install, env=env, capture_output=True, timeout=600)
        found = shutil.which("docker-compose")
    if found is None:
        reason = "docker-compose (v1) is not installed"
        if not (hasattr(os, "geteuid") and os.geteuid() == 0):
            reason += " and this is not root, so `apt-get install -y docker-compose` cannot run"
        else:
            reason += " and `apt-get install -y docker-compose` did not provide it"
        pytest.skip(reason)
    return found


def _run_compose(binary: str, tmp_path: Path, secrets: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # An empty --env-file: a developer's own .env must not change what this test sees.
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    env = {k: v for k, v in os.environ.items() if k not in SECRETS}
    env.update(secrets)
    return subprocess.run(
        [binary, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config", "-q"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_docker_compose_validates_the_file(docker_compose_binary: str, tmp_path: Path) -> None:
    result = _run_compose(docker_compose_binary, tmp_path, SECRETS)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == ""


@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_every_secret_is_required(docker_compose_binary: str, tmp_path: Path, missing: str) -> None:
    secrets = {k: v for k, v in SECRETS.items() if k != missing}
    result = _run_compose(docker_compose_binary, tmp_path, secrets)
    assert result.returncode != 0
    assert f"set {missing}" in result.stderr


def test_no_secret_has_a_default_in_the_file() -> None:
    text = COMPOSE_FILE.read_text()
    for name in SECRETS:
        assert f"${{{name}:-" not in text and f"${{{name}-" not in text
        assert f"${{{name}:?" in text


def _labels(service: dict[str, Any]) -> dict[str, str]:
    labels = service.get("labels", {})
    if isinstance(labels, list):
        labels = dict(item.split("=", 1) for item in labels)
    return {str(k): str(v) for k, v in labels.items()}


@pytest.mark.parametrize(("name", "folder", "dist", "prefixes"), FLEET)
def test_service_is_routed_by_traefik_labels(
    compose: dict[str, Any], name: str, folder: str, dist: str, prefixes: list[str]
) -> None:
    service = compose["services"][name]
    labels = _labels(service)
    assert labels["traefik.enable"] == "true"
    for prefix in prefixes:
        routers = [
            key.split(".")[3]
            for key, value in labels.items()
            if key.startswith("traefik.http.routers.")
            and key.endswith(".rule")
            and value == f"Path(`{prefix}`) || PathPrefix(`{prefix}/`)"
        ]
        assert len(routers) == 1, f"{name}: no single router for {prefix}"
        router = f"traefik.http.routers.{routers[0]}"
        assert labels[f"{router}.entrypoints"] == "websecure"
        assert labels[f"{router}.tls"] == "true"
        # Chains of traefik/README.md: forward-auth on every prefix router except the public status.
        body_limit = "body-limit-images@file" if prefix == "/api/v1/images" else "body-limit@file"
        auth = [] if prefix == "/api/v1/status" else ["forward-auth@file"]
        expected = ["rate-limit@file", "security-headers@file", body_limit, *auth, "circuit-breaker@file"]
        assert labels[f"{router}.middlewares"].split(",") == expected
        assert labels[f"{router}.service"] == name
    lb = f"traefik.http.services.{name}.loadbalancer"
    assert labels[f"{lb}.server.port"] == "8000"
    assert labels[f"{lb}.healthcheck.path"] == "/health/ready"
    assert labels[f"{lb}.healthcheck.interval"] == "10s"
    assert labels[f"{lb}.healthcheck.timeout"] == "3s"


def test_status_router_outranks_every_other_router(compose: dict[str, Any]) -> None:
    priorities = {
        key.split(".")[3]: int(value)
        for service in compose["services"].values()
        for key, value in _labels(service).items()
        if key.startswith("traefik.http.routers.") and key.endswith(".priority")
    }
    assert priorities.pop("status") > max(priorities.values())


@pytest.mark.parametrize(("name", "folder", "dist", "prefixes"), FLEET)
def test_service_container_contract(
    compose: dict[str, Any], name: str, folder: str, dist: str, prefixes: list[str]
) -> None:
    service = compose["services"][name]
    assert service["build"] == {"context": ".", "dockerfile": f"{folder}/Dockerfile"}
    assert "/health/live" in " ".join(service["healthcheck"]["test"])
    assert "ports" not in service, "services are reached through Traefik only"
    env = service["environment"]
    assert env["DND_ENV"] == "production"
    assert env["DND_DATABASE_URL"].startswith("postgresql+asyncpg://")
    assert env["DND_REDIS_URL"].startswith("redis://")
    depends = service["depends_on"]
    assert depends["postgres"] == {"condition": "service_healthy"}
    assert depends["redis"] == {"condition": "service_healthy"}
    assert depends[f"{name}-migrate"] == {"condition": "service_completed_successfully"}
    assert env["DND_AUTH_PUBLIC_KEY_FILE"] == "/run/secrets/auth_public_key"
    assert "auth_public_key" in service["secrets"]
    migrate = compose["services"][f"{name}-migrate"]
    assert migrate["command"] == ["python", "-m", f"{folder}.migrate"]
    assert migrate["image"] == service["image"]
    assert migrate["build"] == service["build"]


@pytest.mark.parametrize(("name", "folder", "dist", "prefixes"), FLEET)
def test_dockerfile_contract(name: str, folder: str, dist: str, prefixes: list[str]) -> None:
    text = (ROOT / folder / "Dockerfile").read_text()
    assert f"uv sync --frozen --no-dev --package {dist} --no-editable --compile-bytecode" in text
    assert "COPY shared/ shared/" in text and f"COPY {folder}/ {folder}/" in text
    assert text.count("FROM ") == 2 and "AS runtime" in text
    assert "COPY --from=builder /app/.venv /app/.venv" in text
    assert "USER app:app" in text
    assert "EXPOSE 8000" in text
    assert "HEALTHCHECK" in text and "http://127.0.0.1:8000/health/live" in text
    assert (
        f'CMD ["uvicorn", "{folder}.main:create_app", "--factory", "--host", "0.0.0.0", '
        f'"--port", "8000", "--proxy-headers"]'
    ) in text


def test_auth_service_gets_its_private_key_and_hmac_secret(compose: dict[str, Any]) -> None:
    auth = compose["services"]["auth-service"]
    assert auth["environment"]["AUTH_JWT_PRIVATE_KEY_FILE"] == "/run/secrets/auth_private_key"
    assert auth["environment"]["AUTH_HMAC_SECRET"] == "${AUTH_HMAC_SECRET:?set AUTH_HMAC_SECRET}"
    assert set(auth["secrets"]) == {"auth_private_key", "auth_public_key"}
    holders = [name for name, svc in compose["services"].items() if "auth_private_key" in svc.get("secrets", [])]
    assert holders == ["auth-service"]


def test_infrastructure_services(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert services["postgres"]["image"] == "pgvector/pgvector:pg16"
    assert "pg_isready" in services["postgres"]["healthcheck"]["test"]
    assert services["redis"]["image"] == "redis:7-alpine"
    assert "--appendonly" in services["redis"]["command"]
    assert "redis-cli ping" in " ".join(services["redis"]["healthcheck"]["test"])
    traefik = services["traefik"]
    assert traefik["image"].startswith("traefik:v3.")
    assert {"80:80", "443:443"} <= set(traefik["ports"])
    assert "labels" not in traefik
    assert services["prometheus"]["image"].startswith("prom/prometheus")


def test_every_mounted_host_path_exists(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), f"{name} mounts missing {source}"


def test_labels_reference_middlewares_defined_by_the_file_provider() -> None:
    dynamic: dict[str, Any] = {}
    for path in (ROOT / "traefik" / "docker" / "dynamic").glob("*.yml"):
        for key, value in (yaml.safe_load(path.read_text()).get("http") or {}).items():
            dynamic.setdefault(key, {}).update(value)
    assert {"security-headers", "circuit-breaker", "rate-limit", "body-limit", "forward-auth"} <= set(
        dynamic["middlewares"])
    static = yaml.safe_load((ROOT / "traefik" / "docker" / "traefik.yml").read_text())
    assert static["providers"]["docker"]["exposedByDefault"] is False
    assert static["providers"]["file"]["directory"] == "/etc/traefik/dynamic"
    tls = yaml.safe_load((ROOT / "traefik" / "docker" / "dynamic" / "tls.yml").read_text())
    assert tls["tls"]["stores"]["default"]["defaultCertificate"]["certFile"].startswith("/certs/")
