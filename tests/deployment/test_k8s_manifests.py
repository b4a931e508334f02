"""deployment/k8s: every manifest parses, and each service has its Deployment, Service and routes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

K8S = Path(__file__).resolve().parents[2] / "deployment" / "k8s"
FLEET = {
    "message-hub": ("message_hub", ["/api/v1/hub", "/api/v1/status"]),
    "auth-service": ("auth_service", ["/api/v1/auth"]),
    "character-service": ("character_service", ["/api/v1/characters"]),
    "campaign-service": ("campaign_service", ["/api/v1/campaigns"]),
    "image-service": ("image_service", ["/api/v1/images"]),
    "llm-service": ("llm_service", ["/api/v1/llm"]),
    "catalog-service": ("catalog_service", ["/api/v1/catalog"]),
}


def _documents() -> list[dict[str, Any]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def _find(kind: str, name: str) -> dict[str, Any]:
    matches = [d for d in _documents() if d["kind"] == kind and d["metadata"]["name"] == name]
    assert len(matches) == 1, f"{kind}/{name}"
    return matches[0]


def test_every_document_is_namespaced_and_kustomization_lists_every_file() -> None:
    for doc in _documents():
        if doc["kind"] not in ("Namespace", "Kustomization"):
            assert doc["metadata"]["namespace"] == "dnd", doc["metadata"]["name"]
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    listed = set(kustomization["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml", "migrations.yaml"}


@pytest.mark.parametrize("name", sorted(FLEET))
def test_service_manifests(name: str) -> None:
    folder, prefixes = FLEET[name]
    deployment = _find("Deployment", name)
    pod = deployment["spec"]["template"]["spec"]
    assert deployment["spec"]["selector"]["matchLabels"] == {"app.kubernetes.io/name": name}
    (container,) = pod["containers"]
    assert container["image"].startswith(f"dnd/{folder}:")
    assert container["ports"] == [{"name": "http", "containerPort": 8000}]
    assert container["readinessProbe"]["httpGet"] == {"path": "/health/ready", "port": "http"}
    assert container["livenessProbe"]["httpGet"] == {"path": "/health/live", "port": "http"}
    assert container["resources"]["requests"]["cpu"] and container["resources"]["requests"]["memory"]
    sources = container["envFrom"]
    assert {"configMapRef": {"name": "dnd-config"}} in sources
    assert {"secretRef": {"name": "dnd-secrets"}} in sources

    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts["auth-public-key"] == "/run/secrets/auth-public"
    has_private_key = "auth-private-key" in mounts
    assert has_private_key == (name == "auth-service")

    service = _find("Service", name)
    assert service["spec"]["selector"] == {"app.kubernetes.io/name": name}
    assert service["spec"]["ports"][0]["port"] == 8000

    route = _find("IngressRoute", name)
    assert route["spec"]["entryPoints"] == ["websecure"]
    assert route["spec"]["tls"]
    by_match = {r["match"]: [m["name"] for m in r["middlewares"]] for r in route["spec"]["routes"]}
    main = f"Path(`{prefixes[0]}`) || PathPrefix(`{prefixes[0]}/`)"
    # The service's prefix is protected: the same chain as the compose labels and the dev edge.
    assert by_match[main] == ["rate-limit", "security-headers", *by_match[main][2:3], "forward-auth", "circuit-breaker"]
    assert by_match[main][2].startswith("body-limit")
    for match, chain in by_match.items():
        assert chain[0].startswith("rate-limit") and chain[-1] == "circuit-breaker" and "security-headers" in chain
        if match != main:  # public routes: exact paths (health, docs, login…), /status, anonymous catalog reads
            if "forward-auth" in chain:  # event streams: authenticated, but unbuffered (no body-limit)
                assert match.startswith("PathRegexp(`") or match.endswith("/generate/stream`)")
                assert not any(m.startswith("body-limit") for m in chain)
            else:
                assert match.startswith("Path(`") or "!HeaderRegexp(`Authorization`" in match
    for r in route["spec"]["routes"]:
        assert r["services"] == [{"name": name, "port": "http"}]

    job = _find("Job", f"{name}-migrate")
    (migrate,) = job["spec"]["template"]["spec"]["containers"]
    assert migrate["command"] == ["python", "-m", f"{folder}.migrate"]


def test_config_map_holds_no_secret() -> None:
    data = _find("ConfigMap", "dnd-config")["data"]
    assert data["DND_ENV"] == "production"
    assert not {"DND_DATABASE_URL", "DND_REDIS_URL", "DND_SECRET_KEY", "AUTH_HMAC_SECRET"} & set(data)
    assert data["DND_AUTH_PUBLIC_KEY_FILE"].startswith("/run/secrets/auth-public/")
    assert not [d for d in _documents() if d["kind"] == "Secret"]
