"""Benchmark: full character-sheet computation over 1,000 varied builds.

Run from the repository root:

    PYTHONPATH=character_service/src python bench/rules_sheet_bench.py

Builds are generated with a fixed seed (all 12 classes, levels 1-20, single and
multiclass, all species/backgrounds, armor, weapons, feats, spells), parsed
once with ``Build.model_validate`` (the edge), then ``compute_sheet`` is timed
per call.  The figures are written to the "Rules engine: sheet computation"
section of bench/RESULTS.md (other sections are kept).
"""

from __future__ import annotations

import json
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from character_service.rules.build import Build
from character_service.rules.data.classes import CLASS_OPTIONS, CLASSES, INVOCATIONS
from character_service.rules.data.species import SPECIES
from character_service.rules.sheet import compute_sheet
from character_service.rules.state import PlayState

N_BUILDS = 1000
REPEATS = 5
SEED = 20240
SECTION = "## Rules engine: sheet computation"
ABILITIES = ["strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma"]
BG_ABILITIES = {
    "acolyte": ["intelligence", "wisdom", "charisma"],
    "criminal": ["dexterity", "constitution", "intelligence"],
    "sage": ["constitution", "intelligence", "wisdom"],
    "soldier": ["strength", "dexterity", "constitution"],
}
BG_FEAT = {"acolyte": "magic_initiate", "criminal": "alert", "sage": "magic_initiate", "soldier": "savage_attacker"}
ARMORS = [
    None,
    "leather_armor",
    "studded_leather_armor",
    "chain_shirt",
    "half_plate_armor",
    "chain_mail",
    "plate_armor",
]
WEAPONS = [
    "longsword",
    "greatsword",
    "rapier",
    "dagger",
    "shortbow",
    "longbow",
    "quarterstaff",
    "handaxe",
    "maul",
    "javelin",
]


def make_build(rng: random.Random, i: int) -> dict[str, Any]:
    """Return one random (mostly legal) build as JSON data."""
    total = rng.randint(1, 20)
    class_ids = rng.sample(sorted(CLASSES), rng.choice([1, 1, 1, 2, 2, 3]))
    split = (
        sorted(rng.sample(range(1, total), len(class_ids) - 1))
        if total >= len(class_ids) and len(class_ids) > 1
        else []
    )
    levels = [b - a for a, b in zip([0, *split], [*split, total], strict=False)] if split else [total]
    class_ids = class_ids[: len(levels)]
    classes: list[dict[str, Any]] = []
    for cid, lvl in zip(class_ids, levels, strict=False):
        cdef = CLASSES[cid]
        options: dict[str, Any] = {}
        for key, (at, allowed) in CLASS_OPTIONS.get(cid, {}).items():
            if lvl >= at:
                options[key] = rng.choice(sorted(allowed))
        if cid == "warlock":
            options["invocations"] = rng.sample(
                ["pact_of_the_blade", "eldritch_mind", "armor_of_shadows"], min(3, INVOCATIONS[lvl - 1])
            )
        if cid == "bard" and lvl >= 3:
            options["skills"] = ["arcana", "history", "nature"]
        classes.append(
            {
                "id": cid,
                "level": lvl,
                "subclass": cdef.subclass.id if lvl >= 3 else None,
                "hp_rolls": [rng.randint(1, cdef.hit_die) for _ in range(lvl - (1 if not classes else 0))]
                if rng.random() < 0.3
                else [],
                "options": options,
            }
        )
    sp = rng.choice(sorted(SPECIES))
    sdef = SPECIES[sp]
    species: dict[str, Any] = {"id": sp}
    if sdef.lineages:
        species["lineage"] = rng.choice(sorted(sdef.lineages))
    if sdef.lineage_needs_ability:
        species["spellcasting_ability"] = rng.choice(["intelligence", "wisdom", "charisma"])
    if sp in ("elf", "human"):
        species["skill"] = "perception"
    bg = rng.choice(sorted(BG_ABILITIES))
    a = rng.sample(BG_ABILITIES[bg], 3)
    incs = {a[0]: 2, a[1]: 1} if rng.random() < 0.5 else {x: 1 for x in a}
    arr = [15, 14, 13, 12, 10, 8]
    rng.shuffle(arr)
    feats: list[dict[str, Any]] = [
        {
            "id": BG_FEAT[bg],
            "source": "background",
            "choices": {
                "spell_list": "cleric" if bg == "acolyte" else "wizard",
                "ability": "wisdom",
                "cantrips": ["a", "b"],
                "spell": "bless",
            }
            if BG_FEAT[bg] == "magic_initiate"
            else {},
        }
    ]
    if sp == "human":
        feats.append({"id": "skilled", "source": "species", "choices": {"skills": ["arcana", "history", "nature"]}})
    for c in classes:
        for lvl in sorted(CLASSES[c["id"]].asi_levels):
            if lvl <= c["level"]:
                feats.append(
                    {
                        "id": "ability_score_improvement",
                        "source": "class",
                        "level": lvl,
                        "class_id": c["id"],
                        "choices": {"ability_increases": {rng.choice(ABILITIES): 1, rng.choice(ABILITIES): 1}},
                    }
                )
    armor = rng.choice(ARMORS)
    equipment: list[dict[str, Any]] = [{"item_id": w, "equipped": True} for w in rng.sample(WEAPONS, rng.randint(1, 3))]
    if armor:
        equipment.append({"item_id": armor, "equipped": True})
    if rng.random() < 0.4:
        equipment.append({"item_id": "shield", "equipped": True})
    if rng.random() < 0.2:
        equipment.append({"item_id": "ring_of_protection", "equipped": True, "attuned": True})
    spells = {
        "cantrips": {c["id"]: ["x1", "x2"] for c in classes},
        "prepared": {c["id"]: ["s1", "s2", "s3"] for c in classes},
    }
    return {
        "name": f"Bench {i}",
        "species": species,
        "background": {"id": bg, "ability_increases": incs},
        "classes": classes,
        "ability_scores": {"method": "standard_array", "base": dict(zip(ABILITIES, arr, strict=False))},
        "skill_proficiencies": ["perception", "insight"],
        "expertise": ["perception"],
        "languages": ["elvish", "dwarvish"],
        "feats": feats,
        "fighting_styles": rng.sample(["defense", "archery", "great_weapon_fighting"], 1)
        if "fighter" in class_ids
        else [],
        "weapon_masteries": rng.sample(WEAPONS, 2),
        "equipment": equipment,
        "spells": spells,
    }


def make_state(rng: random.Random) -> PlayState | None:
    """Return a random play state (or None for a fresh character)."""
    if rng.random() < 0.5:
        return None
    return PlayState(
        hp_current=rng.randint(0, 30),
        temp_hp=rng.randint(0, 5),
        exhaustion=rng.randint(0, 2),
        spell_slots_spent={1: 1},
        resources_spent={"rage": 1},
    )


def run() -> dict[str, Any]:
    """Generate, parse and time the builds; return the figures."""
    rng = random.Random(SEED)
    builds = [Build.model_validate(make_build(rng, i)) for i in range(N_BUILDS)]
    states = [make_state(rng) for _ in range(N_BUILDS)]
    for b, s in zip(builds, states, strict=False):  # warm-up, also checks JSON-serialisability
        json.dumps(compute_sheet(b, s))
    samples: list[int] = []
    perf = time.perf_counter_ns
    for _ in range(REPEATS):
        for b, s in zip(builds, states, strict=False):
            t0 = perf()
            compute_sheet(b, s)
            samples.append(perf() - t0)
    samples.sort()
    median_ms = statistics.median(samples) / 1e6
    p95_ms = samples[int(len(samples) * 0.95)] / 1e6
    mean_ms = statistics.fmean(samples) / 1e6
    return {
        "builds": N_BUILDS,
        "calls": len(samples),
        "median_ms": median_ms,
        "p95_ms": p95_ms,
        "mean_ms": mean_ms,
        "sheets_per_s": 1000 / mean_ms,
    }


def write_results(r: dict[str, Any]) -> None:
    """Replace (or append) this benchmark's section in bench/RESULTS.md."""
    path = Path(__file__).with_name("RESULTS.md")
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    body = (
        f"{SECTION}\n\n"
        f"Command (from the repository root):\n\n"
        f"    PYTHONPATH=character_service/src python bench/rules_sheet_bench.py\n\n"
        f"- {r['builds']} seeded builds (all classes, levels 1-20, multiclass, every species/background), "
        f"{r['calls']} timed `compute_sheet` calls\n"
        f"- median: **{r['median_ms']:.4f} ms** (target ≤ 0.15 ms)\n"
        f"- p95: {r['p95_ms']:.4f} ms; mean: {r['mean_ms']:.4f} ms\n"
        f"- throughput: {r['sheets_per_s']:,.0f} sheets/s (single thread)\n"
        f"- Python {platform.python_version()} on {platform.machine()} ({platform.system()})\n"
    )
    if SECTION in text:
        start = text.index(SECTION)
        nxt = text.find("\n## ", start + len(SECTION))
        text = text[:start] + body + (text[nxt:] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + body
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    results = run()
    print(json.dumps(results, indent=2))
    if "--no-write" not in sys.argv:
        write_results(results)
