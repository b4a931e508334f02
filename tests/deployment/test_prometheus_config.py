"""Prometheus scrape configs: valid for promtool, and every service plus Traefik is scraped."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PROD = ROOT / "deployment" / "prometheus" / "prometheus.yml"
DEV = ROOT / "deployment" / "prometheus" / "prometheus.dev.yml"

# compose DNS name, dev port
SERVICES = {
    "message-hub": 8200,
    "auth-service": 8300,
    "character-service": 8000,
    "campaign-service": 8001,
    "image-service": 8002,
    "llm-service": 8100,
    "catalog-service": 8400,
}


def _targets(path: Path) -> dict[str, set[str]]:
    config: dict[str, Any] = yaml.safe_load(path.read_text())
    jobs: dict[str, set[str]] = {}
    for job in config["scrape_configs"]:
        assert job.get("metrics_path", "/metrics") == "/metrics"
        jobs[job["job_name"]] = {t for group in job["static_configs"] for t in group["targets"]}
    return jobs


@pytest.mark.parametrize("path", [PROD, DEV], ids=["compose", "dev"])
def test_promtool_accepts_the_config(path: Path) -> None:
    promtool = shutil.which("promtool")
    if promtool is None:
        pytest.skip("promtool not installed (Debian package `prometheus`); YAML-level checks still ran")
    result = subprocess.run([promtool, "check", "config", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS" in result.stdout


def test_compose_config_scrapes_traefik_and_every_service_by_dns_name() -> None:
    jobs = _targets(PROD)
    assert jobs["traefik"] == {"traefik:8082"}
    assert jobs["dnd-services"] == {f"{name}:8000" for name in SERVICES}


def test_compose_dns_names_exist_in_docker_compose() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert set(SERVICES) | {"traefik"} <= set(compose["services"])
    static = yaml.safe_load((ROOT / "traefik" / "docker" / "traefik.yml").read_text())
    assert static["entryPoints"]["metrics"]["address"] == ":8082"
    assert static["metrics"]["prometheus"]["entryPoint"] == "metrics"


def test_dev_config_scrapes_the_local_stack_ports() -> None:
    jobs = _targets(DEV)
    assert jobs["traefik"] == {"127.0.0.1:8082"}
    assert jobs["dnd-services"] == {f"127.0.0.1:{port}" for port in SERVICES.values()}


def test_target_labels_do_not_shadow_the_services_own_service_label() -> None:
    for path in (PROD, DEV):
        config = yaml.safe_load(path.read_text())
        for job in config["scrape_configs"]:
            for group in job["static_configs"]:
                assert "service" not in group.get("labels", {})
