"""Feature lists and class-specific numbers (``class_details``) for the sheet."""

from __future__ import annotations

from typing import Final, TypedDict

from .data.classes import (
    BARDIC_DIE,
    CLASSES,
    FAVORED_ENEMY,
    FOCUS,
    INVOCATIONS,
    MARTIAL_ARTS,
    RAGE_DAMAGE,
    RAGES,
    SNEAK_ATTACK,
    SORCERY_POINTS,
    UNARMORED_MOVEMENT,
)
from .data.feats import FEATS
from .profile import Profile


class Feature(TypedDict):
    """One feature line on the sheet."""

    name: str
    source: str
    level: int


# Precomputed at import: per class, (level, name) pairs for class and subclass.
_CLASS_FEATURES: Final = {cid: c.features for cid, c in CLASSES.items()}
_SUBCLASS_FEATURES: Final = {cid: c.subclass.features for cid, c in CLASSES.items()}
_LATE_SPECIES_TRAITS: Final = {"Draconic Flight": 5, "Large Form": 5}


def compute_features(p: Profile) -> list[Feature]:
    """Return class, subclass, species, background and feat features in order."""
    out: list[Feature] = []
    for cdef, lvl, sub, _o in p.classes:
        cid = cdef.id
        for at, name in _CLASS_FEATURES[cid]:
            if at <= lvl:
                out.append({"name": name, "source": cid, "level": at})
        if sub == cdef.subclass.id and lvl >= 3:
            src = f"{cid}:{sub}"
            for at, name in _SUBCLASS_FEATURES[cid]:
                if at <= lvl:
                    out.append({"name": name, "source": src, "level": at})
    if p.species is not None:
        src = f"species:{p.species.id}"
        for name in p.species.traits:
            at = _LATE_SPECIES_TRAITS.get(name, 1)
            if at <= p.level:
                out.append({"name": name, "source": src, "level": at})
    for feat in p.build.feats:
        fdef = FEATS.get(feat.id)
        if fdef is not None:
            out.append({"name": fdef.name, "source": f"feat:{feat.source}", "level": feat.level or 1})
    for style in p.build.fighting_styles:
        fdef = FEATS.get(style)
        name = fdef.name if fdef else style.replace("_", " ").title()
        out.append({"name": f"Fighting Style: {name}", "source": "fighting_style", "level": 1})
    return out


def cantrip_dice(level: int) -> int:
    """Return cantrip damage dice by character level (1; 2 at 5; 3 at 11; 4 at 17)."""
    return 1 + (level >= 5) + (level >= 11) + (level >= 17)


def compute_class_details(p: Profile) -> dict[str, object]:
    """Return class-table numbers (martial arts die, sneak attack, rage damage, ...)."""
    levels = p.class_levels
    mods = p.mods
    pb = p.pb
    attacks = 1
    mastery = 0
    for cdef, lvl, _s, _o in p.classes:
        for at, n in cdef.extra_attack_levels:
            if lvl >= at and n > attacks:
                attacks = n  # Extra Attack from several classes doesn't stack
        if cdef.weapon_mastery is not None:
            mastery = max(mastery, cdef.weapon_mastery[lvl - 1])
    d: dict[str, object] = {
        "attacks_per_action": attacks,
        "extra_attacks": attacks - 1,
        "weapon_mastery_count": mastery,
        "cantrip_dice": cantrip_dice(p.level),
    }
    if "thirsting_blade" in p.invocations and attacks < 2:
        d["pact_weapon_attacks"] = 3 if "devouring_blade" in p.invocations else 2
    lvl = levels.get("barbarian", 0)
    if lvl:
        d["rages"] = RAGES[lvl - 1]
        d["rage_damage"] = RAGE_DAMAGE[lvl - 1]
        if lvl >= 9:
            d["brutal_strike_dice"] = "2d10" if lvl >= 17 else "1d10"
    lvl = levels.get("bard", 0)
    if lvl:
        d["bardic_die"] = BARDIC_DIE[lvl - 1]
    lvl = levels.get("cleric", 0)
    if lvl >= 2:
        d["divine_spark_dice"] = f"{1 + (lvl >= 7) + (lvl >= 13) + (lvl >= 18)}d8"
    lvl = levels.get("druid", 0)
    if lvl >= 2:
        d["wild_shape_known_forms"] = 8 if lvl >= 8 else 6 if lvl >= 4 else 4
        d["wild_shape_max_cr"] = "1" if lvl >= 8 else "1/2" if lvl >= 4 else "1/4"
        d["wild_shape_fly"] = lvl >= 8
    lvl = levels.get("monk", 0)
    if lvl:
        d["martial_arts_die"] = MARTIAL_ARTS[lvl - 1]
        d["focus_points"] = FOCUS[lvl - 1]
        d["unarmored_movement"] = UNARMORED_MOVEMENT[lvl - 1]
        d["focus_save_dc"] = 8 + mods["wisdom"] + pb
    lvl = levels.get("paladin", 0)
    if lvl:
        d["lay_on_hands_pool"] = 5 * lvl
        if lvl >= 6:
            d["aura_of_protection_bonus"] = max(1, mods["charisma"])
            d["aura_radius"] = 30 if lvl >= 18 else 10
    lvl = levels.get("ranger", 0)
    if lvl:
        d["favored_enemy_uses"] = FAVORED_ENEMY[lvl - 1]
    lvl = levels.get("rogue", 0)
    if lvl:
        d["sneak_attack_dice"] = f"{SNEAK_ATTACK[lvl - 1]}d6"
        if lvl >= 5:
            d["cunning_strike_dc"] = 8 + mods["dexterity"] + pb
    lvl = levels.get("sorcerer", 0)
    if lvl:
        d["sorcery_points"] = SORCERY_POINTS[lvl - 1]
    lvl = levels.get("warlock", 0)
    if lvl:
        d["invocations_known"] = INVOCATIONS[lvl - 1]
    lvl = levels.get("fighter", 0)
    if lvl >= 9:
        d["indomitable_bonus"] = lvl
    if p.species is not None and p.species.id == "dragonborn":
        d["breath_weapon_dice"] = f"{cantrip_dice(p.level)}d10"
    return d


# Situational Advantage from species traits (04_CharacterOrigins.md).
_SPECIES_ADVANTAGES: Final[dict[str, tuple[str, ...]]] = {
    "dwarf": ("saving throws to avoid or end Poisoned (Dwarven Resilience)",),
    "elf": ("saving throws to avoid or end Charmed (Fey Ancestry)",),
    "gnome": ("Intelligence, Wisdom and Charisma saving throws (Gnomish Cunning)",),
    "goliath": ("ability checks to end Grappled (Powerful Build)",),
    "halfling": ("saving throws to avoid or end Frightened (Brave)",),
}


def compute_advantages(p: Profile) -> list[str]:
    """Return the standing situational Advantages the character has."""
    out: list[str] = []
    if p.species is not None:
        out.extend(_SPECIES_ADVANTAGES.get(p.species.id, ()))
    lvl = p.class_levels.get("barbarian", 0)
    if lvl >= 2:
        out.append("Dexterity saving throws unless Incapacitated (Danger Sense)")
    if lvl >= 7:
        out.append("Initiative rolls (Feral Instinct)")
    if p.has_subclass("fighter", 3):
        out.append("Initiative rolls and Strength (Athletics) checks (Remarkable Athlete)")
    if p.has_subclass("fighter", 18):
        out.append("Death Saving Throws (Survivor)")
    if "eldritch_mind" in p.invocations:
        out.append("Constitution saving throws to maintain Concentration (Eldritch Mind)")
    return out
