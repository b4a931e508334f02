"""A private copy of the whole local stack for end-to-end tests (session fixture ``local_stack``).

It runs ``deployment/local_stack.py up`` — the same runner as the README's command — in a temporary
``--var-dir`` with a ``--port-offset`` whose ports are all free, so it never disturbs a developer's
stack on the default ports. Use ``local_stack.https_url("/api/v1/auth/health")`` with
``verify=local_stack.tls``; direct service ports are in ``local_stack.service_port("auth")``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dnd_shared.embedded import port_is_open
from dnd_shared.fleet import (
    FLEET,
    POSTGRES_PORT,
    REDIS_PORT,
    TRAEFIK_HTTP_PORT,
    TRAEFIK_HTTPS_PORT,
    TRAEFIK_METRICS_PORT,
    service,
)

STACK_START_TIMEOUT = 150.0


@dataclass
class RunningStack:
    repo: Path
    var_dir: Path
    port_offset: int
    process: subprocess.Popen[bytes] | None = None
    edge_rate_limit: int | None = None
    output_file: Path = field(init=False)

    def __post_init__(self) -> None:
        self.output_file = self.var_dir.parent / f"{self.var_dir.name}-runner.log"

    # --- addresses --------------------------------------------------------------------------
    @property
    def https_port(self) -> int:
        return TRAEFIK_HTTPS_PORT + self.port_offset

    @property
    def http_port(self) -> int:
        return TRAEFIK_HTTP_PORT + self.port_offset

    @property
    def traefik_metrics_port(self) -> int:
        return TRAEFIK_METRICS_PORT + self.port_offset

    @property
    def postgres_port(self) -> int:
        return POSTGRES_PORT + self.port_offset

    @property
    def redis_port(self) -> int:
        return REDIS_PORT + self.port_offset

    @property
    def ca_file(self) -> str:
        return str(self.var_dir / "certs" / "localhost.crt")

    @property
    def tls(self) -> ssl.SSLContext:
        """Trusts exactly this stack's self-signed certificate (pass as httpx ``verify=``)."""
        return ssl.create_default_context(cafile=self.ca_file)

    def https_url(self, path: str) -> str:
        return f"https://localhost:{self.https_port}{path}"

    def service_port(self, name: str) -> int:
        return service(name).port + self.port_offset

    def service_url(self, name: str, path: str) -> str:
        return f"http://127.0.0.1:{self.service_port(name)}{path}"

    def log_file(self, name: str) -> Path:
        return self.var_dir / "log" / f"{name}.log"

    def state(self) -> dict[str, object]:
        result: dict[str, object] = json.loads((self.var_dir / "stack.json").read_text())
        return result

    # --- lifecycle --------------------------------------------------------------------------
    def command(self) -> list[str]:
        extra = ["--edge-rate-limit", str(self.edge_rate_limit)] if self.edge_rate_limit else []
        return [sys.executable, str(self.repo / "deployment" / "local_stack.py"), "up",
                "--var-dir", str(self.var_dir), "--port-offset", str(self.port_offset), *extra]

    def start(self, timeout: float = STACK_START_TIMEOUT) -> float:
        """Start the runner and wait for its ``stack ready`` line; returns the seconds it took."""
        started = time.monotonic()
        output = self.output_file.open("ab")
        self.process = subprocess.Popen(self.command(), cwd=self.repo, stdout=output, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        output.close()
        while True:
            text = self.output_file.read_text(errors="replace")
            if "stack ready" in text.split("[stack] stopping")[-1]:
                return time.monotonic() - started
            if self.process.poll() is not None:
                raise RuntimeError(f"the stack runner exited ({self.process.returncode}):\n{text[-4000:]}")
            if time.monotonic() - started > timeout:
                self.stop()
                raise TimeoutError(f"the stack was not ready in {timeout}s:\n{text[-4000:]}")
            time.sleep(0.2)

    def stop(self, timeout: float = 60) -> int:
        """Ctrl-C the runner (SIGINT) and wait for it; returns its exit code."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        code = self.process.returncode
        self.process = None
        return code


def pick_port_offset() -> int:
    """An offset (10000..24200) under which every port of the stack is free. Every shifted port stays
    below 32768, where Linux starts handing out ephemeral ports for outgoing connections, so a
    client's transient port never takes one of the stack's."""
    base_ports = [POSTGRES_PORT, REDIS_PORT, TRAEFIK_HTTPS_PORT, TRAEFIK_HTTP_PORT, TRAEFIK_METRICS_PORT, 8081,
                  *(s.port for s in FLEET)]
    candidates = list(range(10000, 24300, 100))
    random.Random(os.getpid()).shuffle(candidates)
    for offset in candidates:
        if not any(port_is_open(p + offset) for p in base_ports):
            return offset
    raise RuntimeError("no free port range for a private stack")


@pytest.fixture(scope="session")
def local_stack(pytestconfig: pytest.Config) -> Iterator[RunningStack]:
    """The whole stack (PostgreSQL, Redis, Traefik, every service), started once per test session."""
    root = Path(tempfile.mkdtemp(prefix="dnd-stack-"))
    os.chmod(root, 0o755)
    stack = RunningStack(repo=Path(pytestconfig.rootpath), var_dir=root / "var", port_offset=pick_port_offset())
    stack.start()
    try:
        yield stack
    finally:
        stack.stop()
        shutil.rmtree(root, ignore_errors=True)
