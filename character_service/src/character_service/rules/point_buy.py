"""Ability score generation methods: standard array, point buy, 4d6 drop lowest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

# 02_CharacterCreation.md, Step 3.
STANDARD_ARRAY: Final = (15, 14, 13, 12, 10, 8)
POINT_BUY_BUDGET: Final = 27
POINT_BUY_COST: Final[dict[int, int]] = {8: 0, 9: 1, 10: 2, 11: 3, 12: 4, 13: 5, 14: 7, 15: 9}
POINT_BUY_MIN: Final = 8
POINT_BUY_MAX: Final = 15
ROLLED_MIN: Final = 3
ROLLED_MAX: Final = 18
MANUAL_MIN: Final = 1
MANUAL_MAX: Final = 20


def point_buy_cost(base: Mapping[str, int]) -> int | None:
    """Return the total point cost of six scores, or None if any is outside 8..15."""
    total = 0
    for score in base.values():
        cost = POINT_BUY_COST.get(score)
        if cost is None:
            return None
        total += cost
    return total


def is_standard_array(base: Mapping[str, int]) -> bool:
    """Return whether the six scores are a permutation of 15, 14, 13, 12, 10, 8."""
    return sorted(base.values(), reverse=True) == list(STANDARD_ARRAY)


def roll_total(dice: Sequence[int]) -> int:
    """Return the total of the highest three of four d6."""
    return sum(sorted(dice)[1:]) if len(dice) == 4 else sum(dice)


def rolls_valid(dice: Sequence[int]) -> bool:
    """Return whether a roll record is four d6 results (each 1..6)."""
    return len(dice) == 4 and all(1 <= d <= 6 for d in dice)
