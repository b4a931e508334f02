"""Hit Point maximum and Hit Point Dice (02_CharacterCreation.md; class tables)."""

from __future__ import annotations

from .data.classes import fixed_hp
from .profile import Profile


def max_hit_points(p: Profile) -> int:
    """Return the Hit Point maximum.

    Level 1 of the starting class: the full die + Con.  Every later level:
    the rolled value (``hp_rolls``) or the fixed value (die / 2 + 1), + Con,
    minimum 1 per level.  Then Dwarven Toughness (+1 per level) and Draconic
    Resilience (+1 per Sorcerer level from level 3).
    """
    con = p.mods["constitution"]
    total = 0
    first = True
    for entry in p.build.classes:
        cdef = next((c for c, _l, _s, _o in p.classes if c.id == entry.id), None)
        if cdef is None:
            continue
        die = cdef.hit_die
        rolls = entry.hp_rolls
        levels = entry.level
        start = 0
        if first:
            total += max(1, die + con)
            levels -= 1
            first = False
        fixed = fixed_hp(die)
        for i in range(start, levels):
            gain = rolls[i] if i < len(rolls) else fixed
            total += max(1, gain + con)
    if p.species is not None and p.species.hp_per_level:
        total += p.species.hp_per_level * p.level
    if p.has_subclass("sorcerer", 3):
        total += p.class_levels["sorcerer"]
    return max(total, 1)


def hit_dice_max(p: Profile) -> dict[str, int]:
    """Return Hit Point Dice per die size, pooled across classes (e.g. {"d10": 5})."""
    dice: dict[str, int] = {}
    for cdef, lvl, _s, _o in p.classes:
        key = f"d{cdef.hit_die}"
        dice[key] = dice.get(key, 0) + lvl
    return dice
