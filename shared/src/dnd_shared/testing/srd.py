"""Where the team's SRD 5.2 text is, for tests that check encoded numbers against it.

The text lives beside the repository (``../shared/srd``), not in it: ``DND_SRD_DIR`` if set, else
``<repo>/../shared/srd``, else ``/work/shared/srd``. Tests that need it use :data:`requires_srd`, so
a checkout without the text skips them with the reason instead of failing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_REPO = Path(__file__).resolve().parents[4]


def srd_dir() -> Path | None:
    """The SRD 5.2 markdown folder, or None when this machine does not have it."""
    candidates = [os.environ.get("DND_SRD_DIR"), str(_REPO.parent / "shared" / "srd"), "/work/shared/srd"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "08_RulesGlossary.md").exists():
            return Path(candidate)
    return None


SRD_DIR = srd_dir()
requires_srd = pytest.mark.skipif(SRD_DIR is None, reason="the SRD 5.2 text (../shared/srd) is not on this machine")
