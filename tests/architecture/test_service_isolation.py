"""Services talk through the hub only: no service imports another service's package, and no
service's configuration holds another service's address.

Two independent checks of the imports: an AST scan of every Python file of every service folder
(source, migrations and tests), and the import-linter ``independence`` contract in the root
``pyproject.toml`` (which also follows imports made through ``dnd_shared``).
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic_settings import BaseSettings

from dnd_shared.fleet import FLEET, ServiceSpec

ROOT = Path(__file__).resolve().parents[2]
ADDRESS_WORDS = ("url", "host", "port", "address", "endpoint", "base")


def imported_modules(source: str) -> set[str]:
    """Every module a Python source imports (absolute imports; relative ones stay in-package)."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module", "__import__"
        ) and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            modules.add(node.args[0].value)
    return modules


def foreign_imports(spec: ServiceSpec, source: str) -> set[str]:
    """Imports in ``spec``'s code of another service's package."""
    others = {other.package for other in FLEET if other.name != spec.name}
    return {m for m in imported_modules(source) if m.split(".")[0] in others}


def foreign_addresses(spec: ServiceSpec, settings: BaseSettings) -> list[str]:
    """Settings of ``spec`` that name or point at another service (by name or dev port)."""
    problems = []
    others = [other for other in FLEET if other.name != spec.name]
    port_pattern = re.compile(r":({})\b".format("|".join(str(o.port) for o in others)))
    host_pattern = re.compile(r"//({})([-_](service))?[:/.]".format("|".join(o.name for o in others)))
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        lowered = name.lower()
        for other in others:
            if other.name in lowered.split("_") and any(word in lowered for word in ADDRESS_WORDS):
                problems.append(f"{spec.name}.{name} looks like the address of {other.name}")
        text = str(value.get_secret_value() if hasattr(value, "get_secret_value") else value)
        if port_pattern.search(text) or host_pattern.search(text):
            problems.append(f"{spec.name}.{name}={text!r} points at another service")
    return problems


@pytest.mark.parametrize("spec", FLEET, ids=lambda s: s.name)
def test_no_service_imports_another_service(spec: ServiceSpec) -> None:
    offenders = {}
    for path in sorted((ROOT / spec.folder).rglob("*.py")):
        found = foreign_imports(spec, path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ROOT))] = sorted(found)
    assert offenders == {}


@pytest.mark.parametrize("spec", FLEET, ids=lambda s: s.name)
def test_no_service_config_holds_another_services_address(spec: ServiceSpec) -> None:
    settings = importlib.import_module(f"{spec.package}.config").Settings()
    assert foreign_addresses(spec, settings) == []


def test_env_example_gives_no_service_another_services_address() -> None:
    prefixes = {spec.package.removesuffix("_service").upper() + "_": spec for spec in FLEET}
    prefixes["HUB_"] = next(s for s in FLEET if s.name == "hub")
    example = ROOT / ".env.example"
    problems = []
    for line in example.read_text(encoding="utf-8").splitlines():
        variable, _, value = line.lstrip("# ").partition("=")
        for prefix, spec in prefixes.items():
            if variable.startswith(prefix):
                ports = [str(o.port) for o in FLEET if o.name != spec.name]
                if any(f":{port}" in value for port in ports):
                    problems.append(line)
    assert problems == []


def test_the_checks_catch_violations() -> None:
    """The detectors above are not vacuous."""
    character = next(s for s in FLEET if s.name == "character")
    assert foreign_imports(character, "from catalog_service.search import service\nimport dnd_shared\n") == {
        "catalog_service.search"
    }
    assert foreign_imports(character, "import importlib\nimportlib.import_module('llm_service.rpc')\n") == {
        "llm_service.rpc"
    }
    assert foreign_imports(character, "from character_service.rules import build\n") == set()

    class Leaky(BaseSettings):
        catalog_base_url: str = "http://127.0.0.1:8400"
        llm_endpoint: str = "http://llm-service:8100/v1"
        openai_base_url: str = "https://api.openai.com/v1"

    problems = foreign_addresses(character, Leaky())
    assert len([p for p in problems if "catalog_base_url" in p]) == 2
    assert any("llm_endpoint" in p for p in problems)
    assert not any("openai_base_url" in p for p in problems)


@pytest.mark.skipif(shutil.which("lint-imports", path=str(Path(sys.executable).parent)) is None,
                    reason="import-linter is not installed")
def test_import_linter_independence_contract() -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Services are independent of each other KEPT" in result.stdout
