"""Multiclassing: prerequisites and combined spell slots (02_CharacterCreation.md)."""

from __future__ import annotations

from collections.abc import Mapping

from .data.classes import CLASSES, FULL_CASTER_SLOTS, HALF_CASTER_SLOTS, MULTICLASS_SLOTS, ClassDef

MULTICLASS_MIN_SCORE = 13


def meets_primary(cdef: ClassDef, scores: Mapping[str, int]) -> bool:
    """Return whether the scores meet a class's primary-ability 13+ requirement."""
    checks = [scores.get(a, 0) >= MULTICLASS_MIN_SCORE for a in cdef.primary]
    return any(checks) if cdef.primary_any else all(checks)


def multiclass_problems(class_ids: list[str], new_class: str, scores: Mapping[str, int]) -> list[str]:
    """Return the class ids whose primary ability requirement is not met.

    To add ``new_class`` the character needs 13+ in the primary ability of the
    new class and of every current class.
    """
    missing: list[str] = []
    for cid in dict.fromkeys([*class_ids, new_class]):
        cdef = CLASSES.get(cid)
        if cdef is not None and not meets_primary(cdef, scores):
            missing.append(cid)
    return missing


def caster_level(class_levels: Mapping[str, int]) -> int:
    """Return the multiclass spellcaster level.

    All Bard/Cleric/Druid/Sorcerer/Wizard levels plus half the Paladin and
    Ranger levels, rounded up (SRD 5.2).  Warlock Pact Magic is separate.
    """
    total = 0
    for cid, lvl in class_levels.items():
        cdef = CLASSES.get(cid)
        if cdef is None:
            continue
        if cdef.caster == "full":
            total += lvl
        elif cdef.caster == "half":
            total += (lvl + 1) // 2
    return total


def spell_slots(class_levels: Mapping[str, int]) -> tuple[int, ...]:
    """Return spell slots per level (index 0 = level 1) from the Spellcasting feature.

    With a single Spellcasting class, that class's own table is used; with
    several, the Multiclass Spellcaster table at :func:`caster_level`.
    """
    casters = [
        (CLASSES[c], lvl) for c, lvl in class_levels.items() if c in CLASSES and CLASSES[c].caster in ("full", "half")
    ]
    if not casters:
        return ()
    if len(casters) == 1:
        cdef, lvl = casters[0]
        table = FULL_CASTER_SLOTS if cdef.caster == "full" else HALF_CASTER_SLOTS
        return table[min(lvl, 20) - 1]
    lvl = caster_level(class_levels)
    return MULTICLASS_SLOTS[min(lvl, 20) - 1] if lvl > 0 else ()
