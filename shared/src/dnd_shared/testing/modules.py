"""Reuse a test module of a service from a cross-service test (tests are not packages)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[4]


def load_test_module(relative: str) -> ModuleType:
    """Import ``<repo>/<relative>`` (e.g. a service's ``tests/.../conftest.py``) under a private name."""
    path = REPO / relative
    spec = importlib.util.spec_from_file_location(f"_reused_{path.parent.name}_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
