"""The local stack: embedded PostgreSQL, Redis and Traefik from PyPI packages plus every service.

    python3 dev.py up                       # what the README says (bootstraps, then runs this)
    .venv/bin/python deployment/local_stack.py up [--var-dir DIR] [--port-offset N]
    .venv/bin/python deployment/local_stack.py status [--var-dir DIR]

``up`` starts, in order: the dev TLS certificate (once), PostgreSQL (data in ``<var>/pgdata``),
Redis (AOF in ``<var>/redis``), every service's migrations, every service under uvicorn, Traefik
(config rendered from ``traefik/`` into ``<var>/traefik``); waits until every service is ready and
every public health route answers through Traefik; prints the URLs and ``stack ready``. Ctrl-C
(SIGINT) or SIGTERM stops every process it started. Data stays in ``<var>`` across restarts. A
second ``up`` on the same ``<var>`` while one runs refuses to start (an flock on ``<var>/stack.lock``).

``--port-offset N`` shifts every port (PostgreSQL, Redis, Traefik, services) by N and
``--var-dir`` picks another data folder, so tests can run a private stack beside a developer's.
"""

from __future__ import annotations

import argparse
import fcntl
import importlib
import importlib.util
import json
import os
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from dnd_shared.embedded import EmbeddedPostgres, EmbeddedRedis, die_with_parent, port_is_open
from dnd_shared.fleet import (
    DATABASE_NAME,
    FLEET,
    POSTGRES_PORT,
    REDIS_PORT,
    TRAEFIK_HTTP_PORT,
    TRAEFIK_HTTPS_PORT,
    TRAEFIK_METRICS_PORT,
    ServiceSpec,
)

REPO = Path(__file__).resolve().parent.parent
TRAEFIK_DASHBOARD_PORT = 8081
READY_TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True)
class Ports:
    offset: int = 0

    def shift(self, port: int) -> int:
        return port + self.offset

    @property
    def postgres(self) -> int:
        return self.shift(POSTGRES_PORT)

    @property
    def redis(self) -> int:
        return self.shift(REDIS_PORT)

    @property
    def https(self) -> int:
        return self.shift(TRAEFIK_HTTPS_PORT)

    @property
    def http(self) -> int:
        return self.shift(TRAEFIK_HTTP_PORT)

    @property
    def metrics(self) -> int:
        return self.shift(TRAEFIK_METRICS_PORT)

    @property
    def dashboard(self) -> int:
        return self.shift(TRAEFIK_DASHBOARD_PORT)

    def service(self, spec: ServiceSpec) -> int:
        return self.shift(spec.port)

    def all(self) -> list[int]:
        return [self.postgres, self.redis, self.https, self.http, self.metrics, self.dashboard,
                *(self.service(s) for s in FLEET)]


def say(message: str) -> None:
    print(f"[stack] {message}", flush=True)


@dataclass
class Stack:
    var: Path
    ports: Ports
    #: Benchmarks only: replaces the per-IP average/burst of the general ``rate-limit`` middleware.
    edge_rate_limit: int | None = None
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    log_files: list[IO[bytes]] = field(default_factory=list)
    postgres: EmbeddedPostgres | None = None
    redis: EmbeddedRedis | None = None

    @property
    def log_dir(self) -> Path:
        return self.var / "log"

    @property
    def database_url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.ports.postgres}/{DATABASE_NAME}"

    @property
    def redis_url(self) -> str:
        return f"redis://127.0.0.1:{self.ports.redis}/0"

    # --- infrastructure ---------------------------------------------------------------------
    def start_postgres(self) -> None:
        self.postgres = EmbeddedPostgres(self.var / "pgdata", self.ports.postgres, self.log_dir / "postgres.log")
        if self.postgres.is_running():
            say("PostgreSQL was left running by an earlier stack; stopping it for a clean start")
            self.postgres.stop()
        self.postgres.start()
        self.postgres.ensure_database(DATABASE_NAME)
        self.postgres.ensure_extensions(DATABASE_NAME)
        say(f"PostgreSQL ready on 127.0.0.1:{self.ports.postgres} (data {self.var / 'pgdata'})")

    def start_redis(self) -> None:
        self.redis = EmbeddedRedis(self.var / "redis", self.ports.redis, self.log_dir / "redis.log", persistent=True)
        self.redis.start()
        say(f"Redis ready on 127.0.0.1:{self.ports.redis} (AOF in {self.var / 'redis'})")

    def migrate(self) -> None:
        for spec in FLEET:
            module = importlib.import_module(f"{spec.package}.migrate")
            module.upgrade(self.database_url)
        say(f"migrations applied for {', '.join(s.name for s in FLEET)}")

    # --- processes --------------------------------------------------------------------------
    def _spawn(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        log = (self.log_dir / f"{name}.log").open("ab")
        self.log_files.append(log)
        self.processes[name] = subprocess.Popen(
            argv, cwd=REPO, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent, start_new_session=True,  # Ctrl-C reaches the runner only
        )

    def service_env(self, spec: ServiceSpec) -> dict[str, str]:
        env = dict(os.environ)
        env.update({
            "DND_ENV": env.get("DND_ENV", "development"),
            "DND_DATABASE_URL": self.database_url,
            "DND_REDIS_URL": self.redis_url,
            "DND_VAR_DIR": str(self.var),
            f"{spec.name.upper()}_HOST": "127.0.0.1",
            f"{spec.name.upper()}_PORT": str(self.ports.service(spec)),
        })
        return env

    def start_services(self) -> None:
        for spec in FLEET:
            port = self.ports.service(spec)
            self._spawn(spec.name, [
                sys.executable, "-m", "uvicorn", f"{spec.package}.main:create_app", "--factory",
                "--host", "127.0.0.1", "--port", str(port), "--no-access-log", "--timeout-graceful-shutdown", "5",
            ], env=self.service_env(spec))
        say("services starting: " + ", ".join(f"{s.name}:{self.ports.service(s)}" for s in FLEET))

    def render_traefik_config(self) -> Path:
        """Copy traefik/ into <var>/traefik with this stack's ports and absolute paths."""
        target = self.var / "traefik"
        (target / "dynamic").mkdir(parents=True, exist_ok=True)
        for stale in (target / "dynamic").glob("*.yml"):
            stale.unlink()
        replacements = [(f"127.0.0.1:{s.port}", f"127.0.0.1:{self.ports.service(s)}") for s in FLEET]
        replacements += [("var/certs/", f"{self.var}/certs/"), ("var/log/", f"{self.var}/log/")]
        for source in sorted((REPO / "traefik" / "dynamic").glob("*.yml")):
            text = source.read_text()
            for old, new in replacements:
                text = text.replace(old, new)
            if self.edge_rate_limit is not None and "    rate-limit:\n" in text:
                general = ("    rate-limit:\n      rateLimit:\n        average: 200\n        period: 1s\n"
                           "        burst: 400\n")
                if general not in text:
                    raise RuntimeError("the rate-limit middleware changed shape; update --edge-rate-limit")
                text = text.replace(general, general.replace("average: 200", f"average: {self.edge_rate_limit}")
                                    .replace("burst: 400", f"burst: {2 * self.edge_rate_limit}"))
            (target / "dynamic" / source.name).write_text(text)
        static = (REPO / "traefik" / "traefik.yml").read_text()
        static_replacements = [
            ('address: ":8080"', f'address: ":{self.ports.http}"'),
            ('address: ":8443"', f'address: ":{self.ports.https}"'),
            ('address: "127.0.0.1:8081"', f'address: "127.0.0.1:{self.ports.dashboard}"'),
            ('address: "127.0.0.1:8082"', f'address: "127.0.0.1:{self.ports.metrics}"'),
            ("directory: traefik/dynamic", f"directory: {target / 'dynamic'}"),
            ("var/log/", f"{self.var}/log/"),
        ]
        for old, new in static_replacements:
            if old not in static:
                raise RuntimeError(f"traefik/traefik.yml no longer contains {old!r}; update the runner")
            static = static.replace(old, new)
        (target / "traefik.yml").write_text(static)
        return target / "traefik.yml"

    def start_traefik(self) -> None:
        spec = importlib.util.spec_from_file_location("gen_dev_cert", REPO / "traefik" / "gen_dev_cert.py")
        assert spec is not None and spec.loader is not None
        cert_module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(cert_module)
        cert_module.ensure_dev_certificate(self.var / "certs")
        config = self.render_traefik_config()
        traefik = Path(sys.executable).parent / "traefik"
        self._spawn("traefik", [str(traefik), f"--configFile={config}"])
        say(f"Traefik starting (https :{self.ports.https}, http :{self.ports.http} -> https)")

    # --- readiness --------------------------------------------------------------------------
    def wait_for(self, urls: dict[str, str], deadline: float, context: ssl.SSLContext | None = None) -> None:
        """Poll until every URL answers 200; fail with the ones still pending at ``deadline``."""
        pending = dict(urls)
        while pending:
            self.check_children()
            for key, url in list(pending.items()):
                if _http_status(url, context) == 200:
                    del pending[key]
            if pending and time.monotonic() > deadline:
                raise TimeoutError(f"not ready in time: {sorted(pending)} (logs in {self.log_dir})")
            time.sleep(0.1)

    def wait_for_services(self, deadline: float) -> None:
        self.wait_for({s.name: f"http://127.0.0.1:{self.ports.service(s)}/health/ready" for s in FLEET}, deadline)
        say("every service reports ready (PostgreSQL and Redis reachable)")

    def wait_for_edge(self, deadline: float) -> None:
        tls = ssl.create_default_context(cafile=str(self.var / "certs" / "localhost.crt"))
        urls = {s.health_path: f"https://localhost:{self.ports.https}{s.health_path}" for s in FLEET}
        self.wait_for(urls, deadline, tls)
        say("every public health route answers through Traefik over HTTPS")

    def check_children(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                tail = (self.log_dir / f"{name}.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"{name} exited with code {process.returncode}; last log lines:\n{tail}")

    # --- shutdown ---------------------------------------------------------------------------
    def stop(self) -> None:
        for name in ["traefik", *reversed([s.name for s in FLEET])]:
            process = self.processes.get(name)
            if process is not None and process.poll() is None:
                process.terminate()
        for name, process in self.processes.items():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                say(f"{name} did not stop in 10 s; killing it")
                process.kill()
                process.wait()
        if self.redis is not None:
            self.redis.stop()
        if self.postgres is not None:
            self.postgres.stop()
        for log in self.log_files:
            log.close()
        (self.var / "stack.json").unlink(missing_ok=True)

    def write_state(self) -> None:
        pids = {name: p.pid for name, p in self.processes.items()}
        if self.redis is not None and self.redis.process is not None:
            pids["redis"] = self.redis.process.pid
        postmaster = self.var / "pgdata" / "postmaster.pid"
        if postmaster.exists():
            pids["postgres"] = int(postmaster.read_text().split()[0])
        state = {"runner_pid": os.getpid(), "pids": pids, "ports": {"https": self.ports.https, "http": self.ports.http,
                 "postgres": self.ports.postgres, "redis": self.ports.redis,
                 "services": {s.name: self.ports.service(s) for s in FLEET}}}
        (self.var / "stack.json").write_text(json.dumps(state, indent=2))

    def print_urls(self) -> None:
        https = f"https://localhost:{self.ports.https}"
        lines = [f"  {s.name:<10} {https}{s.prefixes[0]}/docs   (direct: http://127.0.0.1:{self.ports.service(s)})"
                 for s in FLEET]
        say("URLs:\n" + "\n".join(lines) +
            f"\n  status     {https}/api/v1/status\n  dashboard  http://127.0.0.1:{self.ports.dashboard}/dashboard/"
            f"\n  metrics    http://127.0.0.1:{self.ports.metrics}/metrics (Traefik); /metrics on each service port"
            f"\n  postgres   postgresql://postgres@127.0.0.1:{self.ports.postgres}/{DATABASE_NAME}"
            f"\n  redis      redis://127.0.0.1:{self.ports.redis}/0\n  logs       {self.log_dir}/")


def _http_status(url: str, context: ssl.SSLContext | None) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=2, context=context) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except (OSError, ValueError):
        return None


def acquire_lock(var: Path) -> IO[str]:
    """Hold ``<var>/stack.lock`` for the runner's life; a second runner gets a clear refusal."""
    var.mkdir(parents=True, exist_ok=True)
    os.chmod(var, 0o755)
    lock = (var / "stack.lock").open("a+")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "unknown"
        say(f"a stack is already running on {var} (runner pid {holder}); stop it with Ctrl-C first")
        sys.exit(3)
    lock.seek(0)
    lock.truncate()
    lock.write(str(os.getpid()))
    lock.flush()
    return lock


def up(var: Path, ports: Ports, edge_rate_limit: int | None = None) -> int:
    lock = acquire_lock(var)
    busy = [p for p in ports.all() if port_is_open(p)]
    if busy:
        say(f"ports already in use by something else: {busy}; stop it or use --port-offset")
        return 4
    stack = Stack(var=var, ports=ports, edge_rate_limit=edge_rate_limit)
    stack.log_dir.mkdir(parents=True, exist_ok=True)
    stopping = False

    def request_stop(signum: int, _: Any) -> None:
        nonlocal stopping
        if not stopping:
            stopping = True
            raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    started = time.monotonic()
    try:
        stack.start_postgres()
        stack.start_redis()
        stack.migrate()
        stack.start_services()
        stack.write_state()
        deadline = started + READY_TIMEOUT_SECONDS
        stack.wait_for_services(deadline)
        stack.start_traefik()
        stack.write_state()
        stack.wait_for_edge(deadline)
        stack.print_urls()
        say(f"stack ready in {time.monotonic() - started:.1f}s — Ctrl-C stops everything")
        while True:
            stack.check_children()
            time.sleep(0.5)
    except KeyboardInterrupt:
        say("stopping…")
        return_code = 0
    except Exception as exc:  # report, then tear everything down
        say(f"error: {exc}")
        return_code = 1
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    stack.stop()
    say("stopped; data kept in " + str(var))
    lock.close()
    return return_code


def status(var: Path) -> int:
    state_file = var / "stack.json"
    if not state_file.exists():
        say(f"no stack running on {var}")
        return 1
    print(state_file.read_text())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["up", "status"])
    parser.add_argument("--var-dir", type=Path, default=REPO / "var")
    parser.add_argument("--port-offset", type=int, default=int(os.environ.get("DND_PORT_OFFSET", "0")))
    parser.add_argument("--edge-rate-limit", type=int, default=None,
                        help="benchmarks only: per-IP requests/s of the general rate limit (default: traefik/ config)")
    args = parser.parse_args(argv)
    var = args.var_dir.resolve()
    if args.command == "up":
        return up(var, Ports(args.port_offset), args.edge_rate_limit)
    return status(var)


if __name__ == "__main__":
    sys.exit(main())
