"""Experience Points and level advancement (SRD 5.2 "Character Creation").

The XP thresholds come from the Character Advancement table ("Level
Advancement"): a character reaches a level when its XP total equals or
exceeds the level's number.  Multiclass characters use their total character
level ("Multiclassing" > "Experience Points").

Two advancement modes are supported:

* ``"xp"``: the level follows the XP total.
* ``"milestone"``: the GM grants levels directly; XP is ignored and a level-up
  is ready when the GM-granted level is above the current level.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from .state import PlayError

__all__ = [
    "MAX_LEVEL",
    "XP_THRESHOLDS",
    "Advancement",
    "AdvancementStatus",
    "advancement_status",
    "level_for_xp",
    "level_up_ready",
    "xp_for_level",
    "xp_to_next_level",
]

Advancement = Literal["xp", "milestone"]

MAX_LEVEL: Final = 20

# Character Advancement table: minimum XP for levels 1..20 (index = level - 1).
XP_THRESHOLDS: Final[tuple[int, ...]] = (
    0,
    300,
    900,
    2_700,
    6_500,
    14_000,
    23_000,
    34_000,
    48_000,
    64_000,
    85_000,
    100_000,
    120_000,
    140_000,
    165_000,
    195_000,
    225_000,
    265_000,
    305_000,
    355_000,
)


class AdvancementStatus(BaseModel):
    """Where a character stands on the advancement track."""

    model_config = ConfigDict(frozen=True)

    advancement: Advancement
    current_level: int
    xp: int
    level_for_xp: int | None
    target_level: int
    levels_ready: int
    level_up_ready: bool
    next_level_xp: int | None
    xp_to_next_level: int | None


def _check_xp(xp: int) -> None:
    if xp < 0:
        raise PlayError("XP can't be negative", field="xp", code="out_of_range")


def _check_level(level: int, field: str = "level") -> None:
    if not 1 <= level <= MAX_LEVEL:
        raise PlayError(f"level must be 1..{MAX_LEVEL}", field=field, code="out_of_range")


def level_for_xp(xp: int) -> int:
    """Return the character level reached with ``xp`` Experience Points (1..20)."""
    _check_xp(xp)
    return bisect_right(XP_THRESHOLDS, xp)


def xp_for_level(level: int) -> int:
    """Return the minimum XP of ``level`` (e.g. a level 10 character starts with 64,000)."""
    _check_level(level)
    return XP_THRESHOLDS[level - 1]


def xp_to_next_level(xp: int) -> int | None:
    """Return the XP still needed for the next level, or ``None`` at level 20."""
    level = level_for_xp(xp)
    if level >= MAX_LEVEL:
        return None
    return XP_THRESHOLDS[level] - xp


def level_up_ready(
    xp: int,
    current_level: int,
    advancement: Advancement = "xp",
    milestone_level: int | None = None,
) -> bool:
    """Return whether the character may gain a level now.

    ``"xp"``: the XP total reaches a level above ``current_level``.
    ``"milestone"``: ``milestone_level`` (the level granted by the GM) is above
    ``current_level``; XP is ignored.
    """
    return advancement_status(xp, current_level, advancement, milestone_level).level_up_ready


def advancement_status(
    xp: int,
    current_level: int,
    advancement: Advancement = "xp",
    milestone_level: int | None = None,
) -> AdvancementStatus:
    """Describe the advancement state: target level, levels ready and XP to the next level."""
    _check_xp(xp)
    _check_level(current_level, "current_level")
    if advancement == "xp":
        reached = level_for_xp(xp)
        target = max(current_level, reached)
        next_xp = XP_THRESHOLDS[current_level] if current_level < MAX_LEVEL else None
        return AdvancementStatus(
            advancement=advancement,
            current_level=current_level,
            xp=xp,
            level_for_xp=reached,
            target_level=target,
            levels_ready=target - current_level,
            level_up_ready=target > current_level,
            next_level_xp=next_xp,
            xp_to_next_level=None if next_xp is None else max(0, next_xp - xp),
        )
    if advancement == "milestone":
        if milestone_level is not None:
            _check_level(milestone_level, "milestone_level")
        target = max(current_level, milestone_level or current_level)
        return AdvancementStatus(
            advancement=advancement,
            current_level=current_level,
            xp=xp,
            level_for_xp=None,
            target_level=target,
            levels_ready=target - current_level,
            level_up_ready=target > current_level,
            next_level_xp=None,
            xp_to_next_level=None,
        )
    raise PlayError("advancement must be 'xp' or 'milestone'", field="advancement", code="invalid")
