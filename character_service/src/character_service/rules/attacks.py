"""Weapon attacks, Unarmed Strike and Breath Weapon (06_Equipment.md, 08_RulesGlossary.md)."""

from __future__ import annotations

from typing import TypedDict

from .data.classes import MARTIAL_ARTS, RAGE_DAMAGE, SNEAK_ATTACK
from .data.equipment import Weapon
from .data.species import DRACONIC_ANCESTORS
from .profile import Profile


class Attack(TypedDict):
    """One entry of the sheet's ``attacks`` list."""

    name: str
    kind: str  # "weapon", "unarmed", "save"
    ability: str
    attack_bonus: int | None
    damage: str
    damage_type: str
    versatile_damage: str | None
    properties: list[str]
    range: list[int] | None
    proficient: bool
    mastery: str | None
    mastery_save_dc: int | None
    save_dc: int | None
    save_ability: str | None
    crit_range: int
    notes: list[str]


def damage_expr(die: str, bonus: int) -> str:
    """Return a d20-notation damage expression such as ``1d8+3``."""
    if bonus > 0:
        return f"{die}+{bonus}"
    if bonus < 0:
        return f"{die}-{-bonus}"
    return die


def weapon_proficient(profs: set[str], w: Weapon) -> bool:
    """Return whether a set of weapon proficiencies covers a weapon."""
    if w.category == "simple":
        return "simple" in profs
    if "martial" in profs:
        return True
    if "martial_light" in profs and w.has("light"):
        return True
    return "martial_finesse_or_light" in profs and (w.has("finesse") or w.has("light"))


def _die_avg(die: str) -> float:
    if "d" not in die:
        return float(die)
    n, s = die.split("d")
    return int(n) * (int(s) + 1) / 2


def compute_attacks(p: Profile) -> list[Attack]:
    """Return attack entries for carried weapons, Unarmed Strike and Breath Weapon."""
    mods = p.mods
    pb = p.pb
    levels = p.class_levels
    styles = p.fighting_styles
    str_mod = mods["strength"]
    dex_mod = mods["dexterity"]
    monk_lvl = levels.get("monk", 0)
    monk_ok = monk_lvl > 0 and p.armor is None and p.shield is None
    ma_die = MARTIAL_ARTS[monk_lvl - 1] if monk_lvl else None
    barb = levels.get("barbarian", 0)
    rogue = levels.get("rogue", 0)
    crit = 20
    if p.has_subclass("fighter", 15):
        crit = 18
    elif p.has_subclass("fighter", 3):
        crit = 19
    masteries = set(p.build.weapon_masteries)
    has_mastery_feature = any(c.weapon_mastery is not None for c, _l, _s, _o in p.classes)
    savage = "savage_attacker" in p.feat_ids
    out: list[Attack] = []
    for rw in p.weapons:
        w = rw.weapon
        ranged = w.kind == "ranged"
        if ranged or (w.has("finesse") and dex_mod > str_mod):
            ability, mod = "dexterity", dex_mod
        else:
            ability, mod = "strength", str_mod
        die = w.damage
        notes: list[str] = []
        monk_weapon = monk_ok and not ranged and (w.category == "simple" or w.has("light"))
        if monk_weapon and ma_die is not None:
            if dex_mod > mod:
                ability, mod = "dexterity", dex_mod
            if _die_avg(f"1{ma_die}") > _die_avg(die):
                die = f"1{ma_die}"
                notes.append("Martial Arts die")
        prof = weapon_proficient(p.weapon_profs, w)
        bonus = mod + rw.magic_bonus + (pb if prof else 0)
        if ranged and "archery" in styles:
            bonus += 2
            notes.append("Archery +2")
        dmg_bonus = mod + rw.magic_bonus
        versatile = damage_expr(w.versatile, dmg_bonus) if w.versatile else None
        mastery = w.mastery if (has_mastery_feature and w.id in masteries) else None
        mastery_dc = 8 + mod + pb if mastery == "topple" else None
        if mastery == "graze":
            notes.append(f"Graze: {max(mod, 0)} damage on a miss")
        if not prof:
            notes.append("not proficient: no Proficiency Bonus")
        if w.has("heavy") and ((not ranged and p.scores["strength"] < 13) or (ranged and p.scores["dexterity"] < 13)):
            notes.append("Heavy: Disadvantage (score below 13)")
        if barb and ability == "strength":
            notes.append(f"Rage: +{RAGE_DAMAGE[barb - 1]} damage while raging")
        if rogue and (w.has("finesse") or ranged):
            notes.append(f"Sneak Attack: {SNEAK_ATTACK[rogue - 1]}d6")
        if "great_weapon_fighting" in styles and not ranged and (w.has("two-handed") or w.has("versatile")):
            notes.append("Great Weapon Fighting: treat 1s and 2s on damage dice as 3 when two-handed")
        if "two_weapon_fighting" in styles and w.has("light"):
            notes.append("Two-Weapon Fighting: add modifier to the Light bonus attack")
        if savage:
            notes.append("Savage Attacker: roll damage dice twice once per turn")
        out.append(
            {
                "name": rw.name + (f" +{rw.magic_bonus}" if rw.magic_bonus and "+" not in rw.name else ""),
                "kind": "weapon",
                "ability": ability,
                "attack_bonus": bonus,
                "damage": damage_expr(die, dmg_bonus),
                "damage_type": w.damage_type,
                "versatile_damage": versatile,
                "properties": list(w.properties),
                "range": list(w.range) if w.range else None,
                "proficient": prof,
                "mastery": mastery,
                "mastery_save_dc": mastery_dc,
                "save_dc": None,
                "save_ability": None,
                "crit_range": crit,
                "notes": notes,
            }
        )
    # Unarmed Strike: Str + PB to hit, 1 + Str Bludgeoning (Rules Glossary); Monk Martial Arts.
    u_ability, u_mod = "strength", str_mod
    u_notes: list[str] = []
    if monk_ok and ma_die is not None:
        if dex_mod > str_mod:
            u_ability, u_mod = "dexterity", dex_mod
        u_damage = damage_expr(f"1{ma_die}", u_mod)
        u_notes.append("Martial Arts: Bonus Action Unarmed Strike")
    else:
        u_damage = str(max(0, 1 + str_mod))
    if barb and u_ability == "strength":
        u_notes.append(f"Rage: +{RAGE_DAMAGE[barb - 1]} damage while raging")
    out.append(
        {
            "name": "Unarmed Strike",
            "kind": "unarmed",
            "ability": u_ability,
            "attack_bonus": u_mod + pb,
            "damage": u_damage,
            "damage_type": "bludgeoning",
            "versatile_damage": None,
            "properties": [],
            "range": None,
            "proficient": True,
            "mastery": None,
            "mastery_save_dc": None,
            "save_dc": None,
            "save_ability": None,
            "crit_range": crit,
            "notes": u_notes,
        }
    )
    # Dragonborn Breath Weapon: Dex save, DC 8 + Con + PB, 1d10 (2d10 at 5, 3d10 at 11, 4d10 at 17).
    if p.species is not None and p.species.id == "dragonborn":
        dtype = DRACONIC_ANCESTORS.get(p.build.species.lineage or "", "")
        dice = 1 + (p.level >= 5) + (p.level >= 11) + (p.level >= 17)
        out.append(
            {
                "name": "Breath Weapon",
                "kind": "save",
                "ability": "constitution",
                "attack_bonus": None,
                "damage": f"{dice}d10",
                "damage_type": dtype,
                "versatile_damage": None,
                "properties": ["15-foot Cone or 30-foot Line"],
                "range": None,
                "proficient": True,
                "mastery": None,
                "mastery_save_dc": None,
                "save_dc": 8 + mods["constitution"] + pb,
                "save_ability": "dexterity",
                "crit_range": 20,
                "notes": ["half damage on a successful save"],
            }
        )
    return out
