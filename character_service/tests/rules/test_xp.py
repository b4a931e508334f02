"""XP and level advancement (SRD 5.2 02_CharacterCreation.md, "Level Advancement",
Character Advancement table; "Multiclassing" > "Experience Points")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from character_service.rules.state import PlayError
from character_service.rules.xp import (
    MAX_LEVEL,
    XP_THRESHOLDS,
    advancement_status,
    level_for_xp,
    level_up_ready,
    xp_for_level,
    xp_to_next_level,
)

# Character Advancement table, levels 1..20.
TABLE = [
    (1, 0), (2, 300), (3, 900), (4, 2_700), (5, 6_500), (6, 14_000), (7, 23_000), (8, 34_000),
    (9, 48_000), (10, 64_000), (11, 85_000), (12, 100_000), (13, 120_000), (14, 140_000),
    (15, 165_000), (16, 195_000), (17, 225_000), (18, 265_000), (19, 305_000), (20, 355_000),
]  # fmt: skip


@pytest.mark.parametrize(("level", "xp"), TABLE)
def test_table(level: int, xp: int) -> None:
    assert xp_for_level(level) == xp
    # "When your XP total equals or exceeds a number ... you reach the level."
    assert level_for_xp(xp) == level
    if level > 1:
        assert level_for_xp(xp - 1) == level - 1


def test_starting_level_10_has_64000_xp() -> None:
    # "Starting at Higher Levels": a level 10 start has 64,000 XP.
    assert xp_for_level(10) == 64_000


def test_level_caps_at_20() -> None:
    assert level_for_xp(10_000_000) == MAX_LEVEL
    assert xp_to_next_level(355_000) is None
    assert xp_to_next_level(0) == 300 and xp_to_next_level(250) == 50


def test_errors() -> None:
    with pytest.raises(PlayError) as info:
        level_for_xp(-1)
    assert info.value.field == "xp"
    with pytest.raises(PlayError):
        xp_for_level(0)
    with pytest.raises(PlayError):
        xp_for_level(21)
    with pytest.raises(PlayError) as info2:
        level_up_ready(0, 0)
    assert info2.value.field == "current_level"
    with pytest.raises(PlayError):
        level_up_ready(0, 1, "milestone", milestone_level=21)
    with pytest.raises(PlayError):
        advancement_status(0, 1, "bogus")  # type: ignore[arg-type]


def test_level_up_ready_xp_mode() -> None:
    assert not level_up_ready(299, 1)
    assert level_up_ready(300, 1)
    assert not level_up_ready(300, 2)
    status = advancement_status(1_000, 1)
    assert status.target_level == 3 and status.levels_ready == 2 and status.level_up_ready
    assert status.next_level_xp == 300 and status.xp_to_next_level == 0
    status2 = advancement_status(500, 2)
    assert status2.xp_to_next_level == 400 and not status2.level_up_ready


def test_multiclass_uses_total_level() -> None:
    # Multiclassing: a level 6 Cleric / level 1 Fighter (total 7) needs
    # level 8's XP (34,000) to advance.
    assert not level_up_ready(33_999, 7)
    assert level_up_ready(34_000, 7)


def test_milestone_mode_ignores_xp() -> None:
    assert not level_up_ready(1_000_000, 3, "milestone")
    assert not level_up_ready(0, 3, "milestone", milestone_level=3)
    assert level_up_ready(0, 3, "milestone", milestone_level=4)
    status = advancement_status(0, 3, "milestone", milestone_level=5)
    assert status.levels_ready == 2 and status.level_for_xp is None and status.xp_to_next_level is None


def test_level_20_never_ready() -> None:
    assert not level_up_ready(10_000_000, 20)
    assert advancement_status(10_000_000, 20).next_level_xp is None


@given(st.integers(min_value=0, max_value=1_000_000))
def test_level_for_xp_consistent_with_thresholds(xp: int) -> None:
    level = level_for_xp(xp)
    assert 1 <= level <= MAX_LEVEL
    assert xp_for_level(level) <= xp
    if level < MAX_LEVEL:
        assert xp < XP_THRESHOLDS[level]


@given(st.integers(min_value=0, max_value=400_000), st.integers(min_value=0, max_value=400_000))
def test_level_monotonic(a: int, b: int) -> None:
    lo, hi = sorted((a, b))
    assert level_for_xp(lo) <= level_for_xp(hi)
