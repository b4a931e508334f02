"""Armor Class: armor formulas, Shield, Unarmored Defense variants (06_Equipment.md).

Only one base formula applies at a time (02_CharacterCreation.md,
Multiclassing > Armor Class); the best available one is used.
"""

from __future__ import annotations

from typing import TypedDict

from .profile import Profile


class ArmorClassInfo(TypedDict):
    """The ``armor_class`` block of the sheet."""

    value: int
    formula: str
    base: str
    stealth_disadvantage: bool
    untrained_armor: bool
    untrained_shield: bool
    str_dex_disadvantage: bool
    cannot_cast_spells: bool


def _signed(label: str, n: int) -> str:
    return f"{label} {n}" if n >= 0 else f"{label} -{-n}"


def compute_armor_class(p: Profile) -> ArmorClassInfo:
    """Return the Armor Class and how it was built."""
    dex = p.mods["dexterity"]
    armor = p.armor
    shield = p.shield
    untrained_armor = False
    if armor is not None:
        untrained_armor = armor.category not in p.armor_training
        if armor.dex_cap is None:
            value = armor.base_ac + dex
            parts = [f"{armor.name} {armor.base_ac}", _signed("Dex", dex)]
        elif armor.dex_cap == 0:
            value = armor.base_ac
            parts = [f"{armor.name} {armor.base_ac}"]
        else:
            d = min(dex, armor.dex_cap)
            value = armor.base_ac + d
            parts = [f"{armor.name} {armor.base_ac}", _signed("Dex", d) + f" (max {armor.dex_cap})"]
        if p.armor_bonus:
            value += p.armor_bonus
            parts.append(f"magic {p.armor_bonus}")
        base = "armor"
    else:
        # Unarmored candidates: (value, parts, name)
        best = (10 + dex, ["10", _signed("Dex", dex)], "unarmored")
        levels = p.class_levels
        if "barbarian" in levels:
            con = p.mods["constitution"]
            cand = 10 + dex + con
            if cand > best[0]:
                best = (
                    cand,
                    ["Unarmored Defense 10", _signed("Dex", dex), _signed("Con", con)],
                    "barbarian_unarmored_defense",
                )
        if "monk" in levels and shield is None:
            wis = p.mods["wisdom"]
            cand = 10 + dex + wis
            if cand > best[0]:
                best = (
                    cand,
                    ["Unarmored Defense 10", _signed("Dex", dex), _signed("Wis", wis)],
                    "monk_unarmored_defense",
                )
        if p.has_subclass("sorcerer", 3):
            cha = p.mods["charisma"]
            cand = 10 + dex + cha
            if cand > best[0]:
                best = (
                    cand,
                    ["Draconic Resilience 10", _signed("Dex", dex), _signed("Cha", cha)],
                    "draconic_resilience",
                )
        value, parts, base = best
    untrained_shield = False
    if shield is not None:
        if "shield" in p.armor_training:
            value += 2 + p.shield_bonus
            parts.append("Shield 2" if not p.shield_bonus else f"Shield {2 + p.shield_bonus}")
        else:
            untrained_shield = True
    if armor is not None and "defense" in p.fighting_styles:
        value += 1
        parts.append("Defense 1")
    if p.item_ac_bonus:
        value += p.item_ac_bonus
        parts.append(f"{', '.join(p.item_bonus_names)} {p.item_ac_bonus}")
    return {
        "value": value,
        "formula": " + ".join(parts),
        "base": base,
        "stealth_disadvantage": bool(armor and armor.stealth_disadvantage),
        "untrained_armor": untrained_armor,
        "untrained_shield": untrained_shield,
        "str_dex_disadvantage": untrained_armor,
        "cannot_cast_spells": untrained_armor,
    }
