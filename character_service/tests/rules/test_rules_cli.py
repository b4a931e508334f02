"""CLI: ``python -m character_service.rules compute|validate build.json`` via subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.run(
        [sys.executable, "-m", "character_service.rules", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_compute_example_with_state() -> None:
    r = run("compute", str(EXAMPLES / "fighter_dwarf_5.json"))
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["armor_class"]["value"] == 19
    assert s["hit_points"] == {"max": 54, "current": 30, "temp": 5, "bloodied": False}
    assert s["d20_penalty"] == -2 and s["speed"]["walk"] == 25  # Exhaustion 1
    assert s["hit_dice"]["d10"] == {"max": 5, "remaining": 3}


def test_validate_examples_are_legal() -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        r = run("validate", str(path))
        assert r.returncode == 0, (path.name, r.stdout)
        assert json.loads(r.stdout) == []


def test_validate_reports_problems_and_exits_1(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "wizard_elf_3.json").read_text())
    data["ability_scores"]["base"]["intelligence"] = 16  # point buy range
    data["expertise"] = ["athletics"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    r = run("validate", str(path))
    assert r.returncode == 1
    found = {(p["field"], p["code"]) for p in json.loads(r.stdout)}
    assert ("ability_scores.base.intelligence", "point_buy_out_of_range") in found
    assert ("expertise[0]", "expertise_without_proficiency") in found


def test_schema_error_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "schema.json"
    path.write_text(json.dumps({"species": {"id": "elf"}}))
    r = run("validate", str(path))
    assert r.returncode == 1
    assert all(p["code"] == "schema" for p in json.loads(r.stdout))


def test_missing_file_exits_2(tmp_path: Path) -> None:
    assert run("compute", str(tmp_path / "nope.json")).returncode == 2
