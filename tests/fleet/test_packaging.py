"""Every workspace member builds with poetry-core (what ``poetry build`` runs) into a wheel that
carries its package and, for services, its migrations."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from poetry.core.masonry.api import build_wheel

from dnd_shared.fleet import FLEET

REPO = Path(__file__).resolve().parents[2]
MEMBERS = [("shared", "dnd_shared")] + [(spec.folder, spec.package) for spec in FLEET]


@pytest.mark.parametrize(("folder", "package"), MEMBERS, ids=[m[0] for m in MEMBERS])
def test_member_builds_a_wheel_with_poetry_core(folder: str, package: str, tmp_path: Path) -> None:
    previous = Path.cwd()
    os.chdir(REPO / folder)
    try:
        wheel_name = build_wheel(str(tmp_path))
    finally:
        os.chdir(previous)
    names = zipfile.ZipFile(tmp_path / wheel_name).namelist()
    assert f"{package}/__init__.py" in names
    if package != "dnd_shared":
        assert f"{package}/main.py" in names
        assert f"{package}/migrations/env.py" in names
        assert any(n.startswith(f"{package}/migrations/versions/0001_") for n in names)
