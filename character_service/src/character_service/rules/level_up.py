"""Level advancement: what the next level asks for, and applying it to a build.

``level_up_options(build, class_id)`` lists the choices; ``apply_level_up``
returns a new ``Build`` (the input is never modified) or every problem found.
"""

from __future__ import annotations

from typing import Any, TypedDict

from .abilities import final_scores
from .build import Build
from .data.classes import CLASSES, INVOCATIONS, fixed_hp
from .multiclass import multiclass_problems, spell_slots
from .validation import Problem, expertise_allowed, validate

SUBCLASS_LEVEL = 3
EPIC_BOON_LEVEL = 19


class LevelUpOptions(TypedDict):
    """What gaining a level in a class requires the player to decide."""

    class_id: str
    new_class_level: int
    new_character_level: int
    multiclass: bool
    allowed: bool
    problems: list[dict[str, str]]
    hit_points: dict[str, object]
    choices: list[str]
    new_features: list[str]
    cantrips_gained: int
    prepared_gained: int
    new_spell_slot_levels: list[int]
    resources: list[str]


def level_up_options(build: Build, class_id: str) -> LevelUpOptions:
    """Return the choices the next level in ``class_id`` needs (and whether it's allowed)."""
    cdef = CLASSES.get(class_id)
    current = next((c for c in build.classes if c.id == class_id), None)
    new_level = (current.level if current else 0) + 1
    total = build.level + 1
    problems: list[dict[str, str]] = []
    if cdef is None:
        problems.append(Problem("class_id", "unknown_class", f"unknown class '{class_id}'").to_dict())
        return {
            "class_id": class_id,
            "new_class_level": new_level,
            "new_character_level": total,
            "multiclass": current is None,
            "allowed": False,
            "problems": problems,
            "hit_points": {},
            "choices": [],
            "new_features": [],
            "cantrips_gained": 0,
            "prepared_gained": 0,
            "new_spell_slot_levels": [],
            "resources": [],
        }
    if total > 20:
        problems.append(Problem("classes", "max_level", "a character can't exceed level 20").to_dict())
    multiclass = current is None
    if multiclass:
        missing = multiclass_problems([c.id for c in build.classes], class_id, final_scores(build))
        for cid in missing:
            problems.append(
                Problem(
                    "class_id",
                    "multiclass_prerequisite",
                    f"needs 13+ in {CLASSES[cid].name}'s primary ability",
                ).to_dict()
            )
    choices: list[str] = ["hit_points: fixed or rolled"]
    if new_level == SUBCLASS_LEVEL:
        choices.append(f"subclass: {cdef.subclass.id}")
    if new_level in cdef.asi_levels:
        choices.append("feat: ability_score_improvement or another feat")
    if new_level == EPIC_BOON_LEVEL:
        choices.append("epic_boon feat")
    prev_exp = sum(n for at, n in cdef.expertise if new_level - 1 >= at)
    new_exp = sum(n for at, n in cdef.expertise if new_level >= at)
    if new_exp > prev_exp:
        choices.append(f"expertise: {new_exp - prev_exp}")
    if multiclass and cdef.mc_skills:
        choices.append(f"skill_proficiencies: {cdef.mc_skills} (multiclass)")
    if multiclass and cdef.mc_tool_choices:
        choices.append(f"tool_proficiencies: {cdef.mc_tool_choices} (multiclass)")
    if class_id == "barbarian" and new_level == SUBCLASS_LEVEL:
        choices.append("skill_proficiencies: 1 (Primal Knowledge)")
    if class_id == "warlock":
        prev = INVOCATIONS[new_level - 2] if new_level > 1 else 0
        if INVOCATIONS[new_level - 1] > prev:
            choices.append(f"invocations: {INVOCATIONS[new_level - 1] - prev}")
    if cdef.weapon_mastery is not None:
        prev_m = cdef.weapon_mastery[new_level - 2] if new_level > 1 else 0
        if cdef.weapon_mastery[new_level - 1] > prev_m:
            choices.append(f"weapon_masteries: {cdef.weapon_mastery[new_level - 1] - prev_m}")
    if class_id == "fighter" and new_level == 1:
        choices.append("fighting_styles: 1")
    if class_id in ("paladin", "ranger") and new_level == 2:
        choices.append("fighting_styles: 1")
    cantrips_gained = 0
    prepared_gained = 0
    if cdef.cantrips:
        cantrips_gained = cdef.cantrips[new_level - 1] - (cdef.cantrips[new_level - 2] if new_level > 1 else 0)
    if cdef.prepared:
        prepared_gained = cdef.prepared[new_level - 1] - (cdef.prepared[new_level - 2] if new_level > 1 else 0)
    if cantrips_gained:
        choices.append(f"cantrips: {cantrips_gained}")
    if prepared_gained:
        choices.append(f"prepared spells: {prepared_gained}")
    if class_id == "wizard" and new_level > 1:
        choices.append("spellbook: 2 new spells")
    before = {c.id: c.level for c in build.classes}
    after = dict(before)
    after[class_id] = new_level
    old_slots = spell_slots(before)
    new_slots = spell_slots(after)
    new_slot_levels = [i + 1 for i in range(len(new_slots)) if i >= len(old_slots)]
    features = [n for at, n in cdef.features if at == new_level]
    sub = current.subclass if current else None
    if sub == cdef.subclass.id or new_level == SUBCLASS_LEVEL:
        features += [n for at, n in cdef.subclass.features if at == new_level]
    res = [r.name for r in cdef.resources if r.min_level == new_level]
    return {
        "class_id": class_id,
        "new_class_level": new_level,
        "new_character_level": total,
        "multiclass": multiclass,
        "allowed": not problems,
        "problems": problems,
        "hit_points": {
            "die": f"d{cdef.hit_die}",
            "fixed": fixed_hp(cdef.hit_die),
            "roll_range": [1, cdef.hit_die],
            "plus": "Constitution modifier (minimum 1 total)",
        },
        "choices": choices,
        "new_features": features,
        "cantrips_gained": cantrips_gained,
        "prepared_gained": prepared_gained,
        "new_spell_slot_levels": new_slot_levels,
        "resources": res,
    }


def apply_level_up(build: Build, class_id: str, choices: dict[str, Any]) -> Build | list[Problem]:
    """Return a new build one level higher in ``class_id``, or every problem.

    ``choices`` keys: ``hp_roll`` (int, omit for fixed), ``subclass``,
    ``feat`` ({id, choices}), ``options`` (class options to merge),
    ``skill_proficiencies``, ``expertise``, ``tool_proficiencies``,
    ``languages``, ``weapon_masteries``, ``fighting_styles`` (lists to append),
    ``cantrips``, ``prepared``, ``spellbook`` (spell ids to append).
    """
    opts = level_up_options(build, class_id)
    problems = [Problem(**p) for p in opts["problems"]]
    if problems:
        return problems
    data = build.model_dump(mode="json")
    classes = data["classes"]
    entry = next((c for c in classes if c["id"] == class_id), None)
    new_level = opts["new_class_level"]
    hp_roll = choices.get("hp_roll")
    if entry is None:
        entry = {"id": class_id, "level": 1, "subclass": None, "hp_rolls": [], "options": {}}
        classes.append(entry)
        if hp_roll is not None:
            entry["hp_rolls"] = [hp_roll]
    else:
        fixed = fixed_hp(CLASSES[class_id].hit_die)
        before = new_level - 2 if classes[0] is entry else new_level - 1
        rolls = list(entry["hp_rolls"])
        if hp_roll is not None or rolls:
            while len(rolls) < before:
                rolls.append(fixed)  # earlier levels used the fixed value
            rolls.append(hp_roll if hp_roll is not None else fixed)
        entry["level"] = new_level
        entry["hp_rolls"] = rolls
    if "subclass" in choices:
        entry["subclass"] = choices["subclass"]
    if "options" in choices:
        entry["options"] = {**entry.get("options", {}), **choices["options"]}
    feat = choices.get("feat")
    if feat is not None:
        source = "epic_boon" if new_level == EPIC_BOON_LEVEL else "class"
        data["feats"].append(
            {
                "id": feat["id"],
                "source": source,
                "level": new_level,
                "class_id": class_id,
                "choices": feat.get("choices", {}),
            }
        )
    for key in (
        "skill_proficiencies",
        "expertise",
        "tool_proficiencies",
        "languages",
        "weapon_masteries",
        "fighting_styles",
    ):
        if key in choices:
            data[key] = [*data[key], *choices[key]]
    for key in ("cantrips", "prepared"):
        if key in choices:
            cur = data["spells"][key].get(class_id, [])
            data["spells"][key][class_id] = [*cur, *choices[key]]
    if "spellbook" in choices:
        data["spells"]["spellbook"] = [*data["spells"]["spellbook"], *choices["spellbook"]]
    try:
        new = Build.model_validate(data)
    except ValueError as exc:
        return [Problem("choices", "invalid_choices", str(exc))]
    missing: list[Problem] = []
    if new_level in CLASSES[class_id].asi_levels and feat is None:
        missing.append(
            Problem("choices.feat", "feat_required", "this level grants a feat (e.g. ability_score_improvement)")
        )
    if new_level == EPIC_BOON_LEVEL and feat is None:
        missing.append(Problem("choices.feat", "feat_required", "level 19 grants an Epic Boon feat"))
    if len(new.expertise) < expertise_allowed(new):
        missing.append(Problem("choices.expertise", "expertise_required", "choose your new Expertise"))
    problems = missing + validate(new)
    return problems if problems else new
