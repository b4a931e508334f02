"""Command line: ``python -m character_service.rules compute|validate build.json``.

``compute`` prints the sheet as JSON (a top-level ``state`` block in the file
is used as the play state).  ``validate`` prints the problems as JSON and
exits 1 when there are any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from .build import Build
from .sheet import compute_sheet
from .state import PlayState
from .validation import validate


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return the process exit code."""
    parser = argparse.ArgumentParser(prog="python -m character_service.rules")
    parser.add_argument("command", choices=("compute", "validate"))
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    try:
        raw = json.loads(args.path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        print(json.dumps({"error": str(exc)}), file=sys.stderr)
        return 2
    state_data = raw.pop("state", None) if isinstance(raw, dict) else None
    try:
        build = Build.model_validate(raw)
        state = PlayState.model_validate(state_data) if state_data is not None else None
    except ValidationError as exc:
        problems = [
            {"field": ".".join(str(x) for x in e["loc"]), "code": "schema", "message": e["msg"]} for e in exc.errors()
        ]
        print(json.dumps(problems, indent=2))
        return 1
    if args.command == "validate":
        found = [p.to_dict() for p in validate(build)]
        print(json.dumps(found, indent=2))
        return 1 if found else 0
    print(json.dumps(compute_sheet(build, state), indent=2))
    return 0
