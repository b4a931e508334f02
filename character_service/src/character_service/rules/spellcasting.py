"""Spellcasting per class, spell slots, Pact Magic and innate (species/feat) casting."""

from __future__ import annotations

from typing import TypedDict

from .data.classes import LAND_SPELLS, PACT_SLOT_LEVEL, PACT_SLOTS
from .data.species import TIEFLING_CANTRIP
from .profile import Profile


class ClassSpellcasting(TypedDict):
    """Spellcasting numbers for one class."""

    ability: str
    save_dc: int
    attack_bonus: int
    cantrips_max: int
    cantrips_known: int
    prepared_max: int
    prepared_count: int
    always_prepared: list[str]


class InnateSpellcasting(TypedDict):
    """Spells from a species trait or an Origin feat."""

    source: str
    ability: str
    save_dc: int
    attack_bonus: int
    cantrips: list[str]
    spells: list[str]


def always_prepared(p: Profile, class_id: str) -> list[str]:
    """Return the spells a class always has prepared at its current level."""
    out: list[str] = []
    for cdef, lvl, sub, opts in p.classes:
        if cdef.id != class_id:
            continue
        for at, spells in cdef.always_prepared:
            if lvl >= at:
                out.extend(spells)
        if sub == cdef.subclass.id:
            for at, spells in cdef.subclass.always_prepared:
                if lvl >= at:
                    out.extend(spells)
            land = opts.get("land")
            if cdef.id == "druid" and isinstance(land, str) and land in LAND_SPELLS:
                for at, spells in LAND_SPELLS[land]:
                    if lvl >= at:
                        out.extend(spells)
    return list(dict.fromkeys(out))


def extra_cantrips(p: Profile, class_id: str, opts: dict[str, str | list[str]]) -> int:
    """Return cantrips granted beyond the class table (Thaumaturge, Magician, Blessed/Druidic Warrior)."""
    if class_id == "cleric" and opts.get("divine_order") == "thaumaturge":
        return 1
    if class_id == "druid" and opts.get("primal_order") == "magician":
        return 1
    if class_id == "paladin" and "blessed_warrior" in p.fighting_styles and p.class_levels["paladin"] >= 2:
        return 2
    if class_id == "ranger" and "druidic_warrior" in p.fighting_styles and p.class_levels["ranger"] >= 2:
        return 2
    return 0


def compute_spellcasting(p: Profile, warnings: list[str]) -> dict[str, ClassSpellcasting]:
    """Return per-class spellcasting numbers; adds warnings for over-full lists."""
    out: dict[str, ClassSpellcasting] = {}
    spells = p.build.spells
    pb = p.pb
    for cdef, lvl, _sub, opts in p.classes:
        if cdef.caster is None or cdef.spell_ability is None:
            continue
        mod = p.mods[cdef.spell_ability]
        always = always_prepared(p, cdef.id)
        always_set = set(always)
        chosen = spells.prepared.get(cdef.id, [])
        prepared_count = sum(1 for s in chosen if s not in always_set)
        cantrips_max = (cdef.cantrips[lvl - 1] if cdef.cantrips else 0) + extra_cantrips(p, cdef.id, opts)
        known = len(spells.cantrips.get(cdef.id, []))
        prepared_max = cdef.prepared[lvl - 1] if cdef.prepared else 0
        if prepared_count > prepared_max:
            warnings.append(f"{cdef.name}: {prepared_count} spells prepared, maximum {prepared_max}")
        if known > cantrips_max:
            warnings.append(f"{cdef.name}: {known} cantrips known, maximum {cantrips_max}")
        out[cdef.id] = {
            "ability": cdef.spell_ability,
            "save_dc": 8 + pb + mod,
            "attack_bonus": pb + mod,
            "cantrips_max": cantrips_max,
            "cantrips_known": known,
            "prepared_max": prepared_max,
            "prepared_count": prepared_count,
            "always_prepared": always,
        }
    return out


def pact_magic(p: Profile) -> tuple[int, int] | None:
    """Return (slot count, slot level) from Warlock Pact Magic, or None."""
    lvl = p.class_levels.get("warlock", 0)
    if not lvl:
        return None
    return PACT_SLOTS[lvl - 1], PACT_SLOT_LEVEL[lvl - 1]


def innate_spellcasting(p: Profile) -> list[InnateSpellcasting]:
    """Return spellcasting from species lineages and Magic Initiate feats."""
    out: list[InnateSpellcasting] = []
    pb = p.pb
    lin = p.lineage
    sp = p.species
    if sp is not None and sp.lineage_needs_ability:
        ability = p.build.species.spellcasting_ability or "charisma"
        mod = p.mods[ability]
        cantrips: list[str] = list(lin.cantrips) if lin else []
        if sp.id == "tiefling":
            cantrips.append(TIEFLING_CANTRIP)
        spells: list[str] = list(lin.always_prepared) if lin else []
        if lin is not None:
            if lin.spell_3 and p.level >= 3:
                spells.append(lin.spell_3)
            if lin.spell_5 and p.level >= 5:
                spells.append(lin.spell_5)
        out.append(
            {
                "source": f"species:{sp.id}",
                "ability": ability,
                "save_dc": 8 + pb + mod,
                "attack_bonus": pb + mod,
                "cantrips": cantrips,
                "spells": spells,
            }
        )
    for feat in p.build.feats:
        if feat.id != "magic_initiate":
            continue
        chosen = feat.choices.get("ability")
        mi_ability = chosen if isinstance(chosen, str) and chosen in p.mods else "intelligence"
        mod = p.mods[mi_ability]
        c = feat.choices.get("cantrips")
        s = feat.choices.get("spell")
        out.append(
            {
                "source": f"feat:magic_initiate:{feat.choices.get('spell_list', '')}",
                "ability": mi_ability,
                "save_dc": 8 + pb + mod,
                "attack_bonus": pb + mod,
                "cantrips": list(c) if isinstance(c, list) else [],
                "spells": [s] if isinstance(s, str) else [],
            }
        )
    return out
