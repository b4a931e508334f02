"""Limited-use resources: class, subclass, species and feat features with their recharge."""

from __future__ import annotations

from typing import TypedDict

from .data.classes import ResourceDef
from .data.species import GIANT_ANCESTRIES
from .profile import Profile


class Resource(TypedDict):
    """One limited-use resource on the sheet."""

    id: str
    name: str
    source: str
    max: int
    remaining: int
    recharge: str
    short_rest_regain: int | str
    die: str | None


def _entry(
    rid: str,
    name: str,
    source: str,
    mx: int,
    recharge: str,
    spent: dict[str, int],
    regain: int | str = 0,
    die: str | None = None,
) -> Resource:
    return {
        "id": rid,
        "name": name,
        "source": source,
        "max": mx,
        "remaining": max(0, mx - spent.get(rid, 0)),
        "recharge": recharge,
        "short_rest_regain": "all" if recharge == "short_rest" else regain,
        "die": die,
    }


def _class_resource(r: ResourceDef, lvl: int, p: Profile) -> tuple[int, str | None] | None:
    if not (r.min_level <= lvl <= r.max_level):
        return None
    mx = r.max_fn(lvl, p.pb, p.mods)
    if mx <= 0:
        return None
    return mx, (r.die(lvl) if r.die else None)


def compute_resources(p: Profile, spent: dict[str, int]) -> list[Resource]:
    """Return every resource with its SRD maximum and remaining uses."""
    out: list[Resource] = []
    seen: set[str] = set()
    pb = p.pb
    for cdef, lvl, sub, _opts in p.classes:
        defs = cdef.resources + (cdef.subclass.resources if sub == cdef.subclass.id else ())
        for r in defs:
            got = _class_resource(r, lvl, p)
            if got is None:
                continue
            rid = r.id if r.id not in seen else f"{cdef.id}_{r.id}"
            seen.add(rid)
            out.append(_entry(rid, r.name, cdef.id, got[0], r.recharge, spent, r.short_rest_regain, got[1]))
    sp = p.species
    if sp is not None:
        src = f"species:{sp.id}"
        sid = sp.id
        if sid == "dragonborn":
            out.append(_entry("breath_weapon", "Breath Weapon", src, pb, "long_rest", spent))
        elif sid == "dwarf":
            out.append(_entry("stonecunning", "Stonecunning", src, pb, "long_rest", spent))
        elif sid == "goliath":
            name = GIANT_ANCESTRIES.get(p.build.species.lineage or "", "Giant Ancestry")
            out.append(_entry("giant_ancestry", name, src, pb, "long_rest", spent))
            if p.level >= 5:
                out.append(_entry("large_form", "Large Form", src, 1, "long_rest", spent))
        elif sid == "orc":
            out.append(_entry("adrenaline_rush", "Adrenaline Rush", src, pb, "short_rest", spent))
            out.append(_entry("relentless_endurance", "Relentless Endurance", src, 1, "long_rest", spent))
        lin = p.lineage
        if lin is not None:
            if lin.spell_3 and p.level >= 3:
                out.append(_entry(f"innate_{lin.spell_3}", f"{lin.spell_3} (free cast)", src, 1, "long_rest", spent))
            if lin.spell_5 and p.level >= 5:
                out.append(_entry(f"innate_{lin.spell_5}", f"{lin.spell_5} (free cast)", src, 1, "long_rest", spent))
            if lin.id == "forest_gnome":
                out.append(
                    _entry(
                        "innate_speak_with_animals",
                        "speak_with_animals (free cast)",
                        src,
                        pb,
                        "long_rest",
                        spent,
                    )
                )
    for feat in p.build.feats:
        if feat.id == "magic_initiate":
            spell = feat.choices.get("spell")
            if isinstance(spell, str):
                rid = f"magic_initiate_{spell}"
                if rid not in seen:
                    seen.add(rid)
                    out.append(
                        _entry(
                            rid,
                            f"{spell} (Magic Initiate free cast)",
                            "feat:magic_initiate",
                            1,
                            "long_rest",
                            spent,
                        )
                    )
    return out
