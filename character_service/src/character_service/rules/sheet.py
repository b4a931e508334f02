"""Compute the derived character sheet from a build and (optional) play state.

Stages follow Foundry dnd5e's actor preparation: base data (``profile.prepare``)
-> items and features (armor, weapons, class tables) -> effects (play state:
exhaustion, conditions, spent resources) -> derived values.  Nothing derived is
stored; the sheet is a plain JSON-serialisable ``TypedDict`` built fresh on
every call without pydantic validation on the output.
"""

from __future__ import annotations

from typing import Final, TypedDict

from .abilities import ABILITIES, SKILLS
from .armor_class import ArmorClassInfo, compute_armor_class
from .attacks import Attack, compute_attacks
from .build import Build
from .data.classes import LAND_RESISTANCE, UNARMORED_MOVEMENT
from .data.equipment import ITEM_WEIGHT_LB
from .features import Feature, compute_advantages, compute_class_details, compute_features
from .hit_points import hit_dice_max, max_hit_points
from .multiclass import spell_slots
from .profile import Profile, prepare
from .resources import Resource, compute_resources
from .spellcasting import (
    ClassSpellcasting,
    InnateSpellcasting,
    compute_spellcasting,
    innate_spellcasting,
    pact_magic,
)
from .state import PlayState


class AbilityBlock(TypedDict):
    """Score, modifier and saving throw for one ability."""

    score: int
    modifier: int
    save: int
    save_proficient: bool


class SkillBlock(TypedDict):
    """One skill."""

    ability: str
    modifier: int
    proficiency: str  # none | half | proficient | expertise


class HitPoints(TypedDict):
    """Hit Point block."""

    max: int
    current: int
    temp: int
    bloodied: bool


class Pool(TypedDict):
    """A maximum and what remains of it."""

    max: int
    remaining: int


class PactSlots(TypedDict):
    """Warlock Pact Magic slots."""

    level: int
    max: int
    remaining: int


class Sheet(TypedDict):
    """The derived, read-only character sheet."""

    name: str
    level: int
    classes: list[dict[str, object]]
    proficiency_bonus: int
    abilities: dict[str, AbilityBlock]
    constitution_modifier: int
    armor_class: ArmorClassInfo
    initiative: int
    initiative_advantage: bool
    initiative_score: int
    speed: dict[str, int]
    size: str
    senses: dict[str, int]
    hit_points: HitPoints
    hit_dice: dict[str, Pool]
    skills: dict[str, SkillBlock]
    passives: dict[str, int]
    spellcasting: dict[str, ClassSpellcasting]
    innate_spellcasting: list[InnateSpellcasting]
    spell_slots: dict[str, Pool]
    pact_slots: PactSlots | None
    attacks: list[Attack]
    resources: list[Resource]
    carrying_capacity: dict[str, float]
    attunement: dict[str, int]
    d20_penalty: int
    exhaustion: int
    conditions: list[str]
    heroic_inspiration: bool
    death_saves: dict[str, int]
    concentration: str | None
    features: list[Feature]
    proficiencies: dict[str, list[str]]
    languages: list[str]
    resistances: list[str]
    condition_immunities: list[str]
    advantages: list[str]
    class_details: dict[str, object]
    warnings: list[str]


_DEFAULT_STATE: Final = PlayState()
_SPEED_ZERO: Final = frozenset({"grappled", "paralyzed", "petrified", "restrained", "unconscious"})
_INCAPACITATING: Final = frozenset({"incapacitated", "paralyzed", "petrified", "stunned", "unconscious"})
_SIZE_ORDER: Final = ("tiny", "small", "medium", "large", "huge", "gargantuan")
# Carrying Capacity table (Rules Glossary): carry multiplier per size.
_CARRY: Final = {"tiny": 7.5, "small": 15, "medium": 15, "large": 30, "huge": 60, "gargantuan": 120}
_PROF_LABEL: Final = ("none", "half", "proficient", "expertise")


def _carried_weight(build: Build) -> float:
    """Pounds carried: catalog weapons/armor by the SRD tables, inline items by their own weight."""
    total = 0.0
    for entry in build.equipment:
        if entry.item is not None:
            total += entry.item.weight_lb * entry.quantity
        elif entry.item_id is not None:
            total += ITEM_WEIGHT_LB.get(entry.item_id, 0.0) * entry.quantity
    return round(total, 2)


def _num(x: float) -> float:
    return int(x) if float(x).is_integer() else x


def compute_sheet(build: Build, state: PlayState | None = None) -> Sheet:
    """Return the full derived sheet for ``build`` with current values from ``state``."""
    st = state if state is not None else _DEFAULT_STATE
    p = prepare(build)
    warnings = p.warnings
    return _derive(p, st, warnings)


def _derive(p: Profile, st: PlayState, warnings: list[str]) -> Sheet:
    build = p.build
    pb = p.pb
    mods = p.mods
    scores = p.scores
    levels = p.class_levels
    conditions = {str(c) for c in st.conditions}
    incapacitated = bool(conditions & _INCAPACITATING)

    # ---- items & features: armor class
    ac = compute_armor_class(p)
    if ac["untrained_armor"]:
        warnings.append("wearing armor without training: Disadvantage on Strength/Dexterity D20 Tests, no spellcasting")
        if p.classes and any(c.caster for c, _l, _s, _o in p.classes):
            warnings.append("cannot cast spells while wearing armor without training")
    if ac["untrained_shield"]:
        warnings.append("Shield without training gives no Armor Class benefit")

    # ---- saves
    save_bonus = p.item_save_bonus
    pal = levels.get("paladin", 0)
    if pal >= 6 and not incapacitated:
        save_bonus += max(1, mods["charisma"])  # Aura of Protection
    abilities: dict[str, AbilityBlock] = {}
    save_profs = p.save_profs
    for a in ABILITIES:
        m = mods[a]
        prof = a in save_profs
        abilities[a] = {
            "score": scores[a],
            "modifier": m,
            "save": m + (pb if prof else 0) + save_bonus,
            "save_proficient": prof,
        }

    # ---- skills
    jack = levels.get("bard", 0) >= 2
    half = pb // 2
    skill_bonus: dict[str, int] = {}
    for cdef, _lvl, _s, opts in p.classes:
        if opts.get("divine_order") == "thaumaturge" or opts.get("primal_order") == "magician":
            b = max(1, mods["wisdom"])
            skill_bonus["arcana"] = b
            skill_bonus["religion" if cdef.id == "cleric" else "nature"] = b
    skills: dict[str, SkillBlock] = {}
    profs = p.skill_profs
    expertise = p.expertise
    for sk, ab in SKILLS.items():
        if sk in expertise:
            lvl_i, add = 3, 2 * pb
        elif sk in profs:
            lvl_i, add = 2, pb
        elif jack:
            lvl_i, add = 1, half
        else:
            lvl_i, add = 0, 0
        skills[sk] = {
            "ability": ab,
            "modifier": mods[ab] + add + skill_bonus.get(sk, 0),
            "proficiency": _PROF_LABEL[lvl_i],
        }

    # ---- initiative (Alert adds PB; Feral Instinct / Remarkable Athlete give Advantage)
    init = mods["dexterity"] + (pb if "alert" in p.feat_ids else 0)
    init_adv = levels.get("barbarian", 0) >= 7 or p.has_subclass("fighter", 3)

    # ---- speed
    armor = p.armor
    heavy = armor is not None and armor.category == "heavy"
    lin = p.lineage
    walk = p.species.speed if p.species else 30
    if lin is not None and lin.speed:
        walk = lin.speed
    if levels.get("barbarian", 0) >= 5 and not heavy:
        walk += 10  # Fast Movement
    monk = levels.get("monk", 0)
    if monk >= 2 and armor is None and p.shield is None:
        walk += UNARMORED_MOVEMENT[monk - 1]
    roving = levels.get("ranger", 0) >= 6
    if roving and not heavy:
        walk += 10
    if armor is not None and armor.strength and scores["strength"] < armor.strength:
        walk -= 10
        warnings.append(f"{p.armor_name} needs Strength {armor.strength}: Speed -10 ft.")
    if st.exhaustion:
        walk -= 5 * st.exhaustion
    if conditions & _SPEED_ZERO:
        walk = 0
    walk = max(0, walk)
    climb = walk if (roving or p.has_subclass("rogue", 3)) else 0
    swim = walk if (roving or "gift_of_the_depths" in p.invocations) else 0
    speed = {"walk": walk, "climb": climb, "swim": swim, "fly": 0, "burrow": 0}

    # ---- senses
    senses: dict[str, int] = {}
    dv = (lin.darkvision if lin is not None and lin.darkvision else 0) or (p.species.darkvision if p.species else 0)
    if dv:
        senses["darkvision"] = dv
    if levels.get("ranger", 0) >= 18:
        senses["blindsight"] = 30  # Feral Senses
    if "devils_sight" in p.invocations:
        senses["devils_sight"] = 120
    truesight = 0
    if "witch_sight" in p.invocations:
        truesight = 30
    if "boon_of_truesight" in p.feat_ids:
        truesight = max(truesight, 60)
    if truesight:
        senses["truesight"] = truesight

    # ---- hit points and dice
    hp_max = max_hit_points(p)
    current = st.hp(hp_max)
    hd: dict[str, Pool] = {}
    for die, n in hit_dice_max(p).items():
        hd[die] = {"max": n, "remaining": max(0, n - st.hit_dice_spent.get(die, 0))}  # type: ignore[call-overload]

    # ---- spellcasting
    spellcasting = compute_spellcasting(p, warnings)
    slots: dict[str, Pool] = {}
    for i, n in enumerate(spell_slots(levels)):
        if n:
            slots[str(i + 1)] = {"max": n, "remaining": max(0, n - st.spell_slots_spent.get(i + 1, 0))}
    pm = pact_magic(p)
    pact: PactSlots | None = None
    if pm is not None:
        pact = {"level": pm[1], "max": pm[0], "remaining": max(0, pm[0] - st.pact_slots_spent)}

    # ---- resistances
    res: list[str] = []
    if p.species is not None:
        res.extend(p.species.resistances)
    if lin is not None and lin.resistance:
        res.append(lin.resistance)
    cond_imm: list[str] = []
    for cdef, lvl, sub, opts in p.classes:
        if sub != cdef.subclass.id:
            continue
        if cdef.id == "sorcerer" and lvl >= 6:
            aff = opts.get("elemental_affinity")
            if isinstance(aff, str):
                res.append(aff)
        elif cdef.id == "druid" and lvl >= 10:
            land = opts.get("land")
            if isinstance(land, str) and land in LAND_RESISTANCE:
                res.append(LAND_RESISTANCE[land])
            cond_imm.append("poisoned")
        elif cdef.id == "warlock" and lvl >= 10:
            fr = opts.get("fiendish_resilience")
            if isinstance(fr, str):
                res.append(fr)

    # ---- carrying capacity (Powerful Build: one size larger)
    size = p.size
    carry_size = size
    if p.species is not None and p.species.powerful_build:
        carry_size = _SIZE_ORDER[min(_SIZE_ORDER.index(size) + 1, 5)]
    carry = scores["strength"] * _CARRY[carry_size]
    carried = _carried_weight(p.build)
    if carried > carry:
        warnings.append(f"carrying {_num(carried)} lb, more than the {_num(carry)} lb capacity")

    attune_max = 4 if p.has_subclass("rogue", 13) else 3
    if p.attuned > attune_max:
        warnings.append(f"attuned to {p.attuned} items, maximum {attune_max}")

    prof_block: dict[str, list[str]] = {
        "armor": sorted(p.armor_training),
        "weapons": sorted(p.weapon_profs),
        "tools": list(p.tools),
        "saves": [a for a in ABILITIES if a in save_profs],
        "skills": [s for s in SKILLS if s in profs],
        "expertise": [s for s in SKILLS if s in expertise],
    }
    ds = st.death_saves
    return {
        "name": build.name,
        "level": p.level,
        "classes": [{"id": c.id, "level": lvl, "subclass": sub} for c, lvl, sub, _o in p.classes],
        "proficiency_bonus": pb,
        "abilities": abilities,
        "constitution_modifier": mods["constitution"],
        "armor_class": ac,
        "initiative": init,
        "initiative_advantage": init_adv,
        "initiative_score": 10 + init + (5 if init_adv else 0),
        "speed": speed,
        "size": size,
        "senses": senses,
        "hit_points": {
            "max": hp_max,
            "current": current,
            "temp": st.temp_hp,
            "bloodied": current * 2 <= hp_max,
        },
        "hit_dice": hd,
        "skills": skills,
        "passives": {
            "perception": 10 + skills["perception"]["modifier"],
            "investigation": 10 + skills["investigation"]["modifier"],
            "insight": 10 + skills["insight"]["modifier"],
        },
        "spellcasting": spellcasting,
        "innate_spellcasting": innate_spellcasting(p),
        "spell_slots": slots,
        "pact_slots": pact,
        "attacks": compute_attacks(p),
        "resources": compute_resources(p, st.resources_spent),
        "carrying_capacity": {"carry": _num(carry), "drag_lift_push": _num(carry * 2), "carried": _num(carried)},
        "attunement": {"max": attune_max, "used": p.attuned},
        "d20_penalty": -2 * st.exhaustion,
        "exhaustion": st.exhaustion,
        "conditions": sorted(conditions),
        "heroic_inspiration": st.heroic_inspiration,
        "death_saves": {"successes": ds.successes, "failures": ds.failures},
        "concentration": st.concentration,
        "features": compute_features(p),
        "proficiencies": prof_block,
        "languages": list(p.languages),
        "resistances": list(dict.fromkeys(res)),
        "condition_immunities": cond_imm,
        "advantages": compute_advantages(p),
        "class_details": compute_class_details(p),
        "warnings": warnings,
    }
