"""Builder steps: which parts of a (partial) build are still missing or wrong, from the rules engine's
own validation, and the legal options for each step from the rules data.

Spell options live in the catalog: the step says, per casting class, how many cantrips and prepared
spells and the highest spell level; :func:`add_catalog_spells` fills in the legal spells from the
catalog through the hub (``catalog.browse``).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from character_service.rules.build import Build
from character_service.rules.data.backgrounds import BACKGROUNDS
from character_service.rules.data.classes import CLASSES, SKILLS_ALL
from character_service.rules.data.species import SPECIES
from character_service.rules.point_buy import POINT_BUY_BUDGET, POINT_BUY_COST, STANDARD_ARRAY
from character_service.rules.sheet import compute_sheet
from character_service.rules.validation import validate
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.errors import field_path
from dnd_shared.hub.client import Hub

#: Steps in the order a player takes them, each owning the build fields it sets.
STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("species", ("species",)),
    ("class", ("classes",)),
    ("background", ("background",)),
    ("abilities", ("ability_scores",)),
    ("skills", ("skill_proficiencies", "expertise")),
    ("feats", ("feats",)),
    ("proficiencies", ("languages", "tool_proficiencies", "fighting_styles", "weapon_masteries")),
    ("equipment", ("equipment", "currency")),
    ("spells", ("spells",)),
    ("details", ("name", "personality", "appearance", "backstory", "alignment", "xp", "rules_version")),
)


def _step_of(path: str) -> str:
    head = path.split(".", 1)[0].split("[", 1)[0]
    for step, fields in STEPS:
        if head in fields:
            return step
    return "details"


def problems_by_step(document: dict[str, Any]) -> tuple[dict[str, list[dict[str, str]]], Build | None]:
    """Every problem of the build, grouped by builder step (missing fields included)."""
    grouped: dict[str, list[dict[str, str]]] = {step: [] for step, _ in STEPS}
    try:
        build = Build.model_validate(document)
    except ValidationError as exc:
        for error in exc.errors():
            path = field_path(error["loc"]) if error["loc"] else "build"
            issue = "not chosen yet" if error["type"] == "missing" else error["msg"]
            grouped[_step_of(path)].append({"field": path, "code": error["type"], "message": issue})
        return grouped, None
    for problem in validate(build):
        grouped[_step_of(problem.field)].append(problem.to_dict())
    # Legal but unfinished: a caster with places left for cantrips or prepared spells.
    for class_id, casting in compute_sheet(build)["spellcasting"].items():
        for kind, known, most in (("cantrips", casting["cantrips_known"], casting["cantrips_max"]),
                                  ("prepared", casting["prepared_count"], casting["prepared_max"])):
            if known < most:
                grouped["spells"].append({"field": f"spells.{kind}.{class_id}", "code": "choose_more",
                                          "message": f"choose {most - known} more ({known} of {most})"})
    return grouped, build


def options_for(step: str, build: Build | None, document: dict[str, Any]) -> dict[str, Any]:
    """The legal choices of one step, from the rules data (and a catalog link for spells)."""
    if step == "species":
        return {"species": [{"id": s.id, "name": s.name, "sizes": list(s.sizes), "lineage_kind": s.lineage_kind,
                             "lineages": sorted(s.lineages) if s.lineages else []} for s in SPECIES.values()]}
    if step == "class":
        return {"classes": [{"id": c.id, "name": c.name, "hit_die": f"d{c.hit_die}", "primary": list(c.primary),
                             "saves": list(c.saves), "subclass": c.subclass.id} for c in CLASSES.values()]}
    if step == "background":
        return {"backgrounds": [{"id": b.id, "name": b.name, "abilities": list(b.abilities), "feat": b.feat,
                                 "skills": list(b.skills)} for b in BACKGROUNDS.values()],
                "ability_increases": ["+2/+1 among the background's three abilities", "+1/+1/+1"]}
    if step == "abilities":
        return {"methods": ["standard_array", "point_buy", "rolled", "manual"],
                "standard_array": list(STANDARD_ARRAY),
                "point_buy": {"budget": POINT_BUY_BUDGET, "costs": {str(k): v for k, v in POINT_BUY_COST.items()}}}
    if step == "skills":
        classes = document.get("classes") or []
        first = CLASSES.get(str(classes[0].get("id"))) if classes and isinstance(classes[0], dict) else None
        if first is None:
            return {"choose": None, "from": list(SKILLS_ALL), "note": "choose a class first"}
        return {"choose": first.skill_count, "from": list(first.skill_list or SKILLS_ALL)}
    if step == "spells" and build is not None:
        sheet = compute_sheet(build)
        highest = max((int(level) for level, slot in sheet["spell_slots"].items() if slot["max"]), default=0)
        if sheet["pact_slots"]:
            highest = max(highest, int(sheet["pact_slots"]["level"]))
        classes = {}
        for class_id, casting in sheet["spellcasting"].items():
            classes[class_id] = {"cantrips_max": casting["cantrips_max"], "prepared_max": casting["prepared_max"],
                                 "max_spell_level": highest, "catalog": f"/api/v1/catalog/spell?class={class_id}"
                                 f"&level_max={highest}"}
        return {"classes": classes}
    return {}


def builder_report(document: dict[str, Any]) -> dict[str, Any]:
    """Each step with its status, its problems and its options. ``todo``: something to choose or fix;
    ``done``: the rules engine accepts it; ``pending``: checked once the basic steps (species, class,
    background, abilities) are chosen, since the rules for it depend on them."""
    grouped, build = problems_by_step(document)
    steps = []
    for step, fields in STEPS:
        problems = grouped[step]
        if problems:
            status = "todo"
        elif build is None and step != "details":
            status = "pending"
        else:
            status = "done"
        steps.append({"step": step, "fields": list(fields), "status": status, "problems": problems,
                      "options": options_for(step, build, document) if status != "done" else {}})
    remaining = [s["step"] for s in steps if s["status"] != "done"]
    return {"complete": not remaining, "remaining": remaining, "steps": steps}


async def add_catalog_spells(report: dict[str, Any], hub: Hub | None, principal: PrincipalClaims | None) -> None:
    """Put the catalog's spells (each casting class's list up to its highest level) into the spells
    step; when the catalog cannot be reached the step says so and keeps the browse link."""
    step = next(s for s in report["steps"] if s["step"] == "spells")
    classes: dict[str, dict[str, Any]] = step["options"].get("classes", {})
    for class_id, info in classes.items():
        if hub is None or not hub.running:
            info["spells_unavailable"] = "the catalog cannot be reached right now"
            continue
        try:
            page = await hub.call("catalog.browse", {
                "type": "spell", "filters": {"class": class_id, "level_max": info["max_spell_level"]}, "limit": 200,
            }, principal=principal, timeout=3.0)
        except Exception as exc:  # the rest of the builder report is still useful
            info["spells_unavailable"] = f"the catalog did not answer ({type(exc).__name__})"
            continue
        info["spells"] = [{"id": e["slug"].replace("-", "_"), "name": e["name"], "level": e["mechanics"].get("level"),
                           "catalog_id": e["id"]} for e in page["entries"]]
