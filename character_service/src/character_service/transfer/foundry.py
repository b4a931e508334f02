"""Foundry VTT dnd5e actor JSON, both ways.

Export maps our sheet onto the ``character`` actor of the dnd5e system (abilities with proficiency,
skills with proficiency multipliers, hp, ac as a flat value with our formula in the label,
movement, senses, currency, class items with levels and subclasses, weapons/equipment items).
Import is best effort: abilities, classes/levels, species, background, skills, currency and
items are read back; everything the 2024 rules engine needs but Foundry does not hold (background
ability increases, feats' choices) must be completed in the builder afterwards.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from character_service.rules.sheet import Sheet

ABILITY_KEYS = {"strength": "str", "dexterity": "dex", "constitution": "con", "intelligence": "int",
                "wisdom": "wis", "charisma": "cha"}
SKILL_KEYS = {
    "acrobatics": "acr", "animal_handling": "ani", "arcana": "arc", "athletics": "ath", "deception": "dec",
    "history": "his", "insight": "ins", "intimidation": "itm", "investigation": "inv", "medicine": "med",
    "nature": "nat", "perception": "prc", "performance": "prf", "persuasion": "per", "religion": "rel",
    "sleight_of_hand": "slt", "stealth": "ste", "survival": "sur",
}
PROFICIENCY_VALUE = {"none": 0, "half": 0.5, "proficient": 1, "expertise": 2}
SIZE_KEYS = {"tiny": "tiny", "small": "sm", "medium": "med", "large": "lg", "huge": "huge", "gargantuan": "grg"}


# --- the dnd5e actor shape (the fields we write and read; Foundry ignores unknown ones) -----------
class FoundryAbility(BaseModel):
    value: int = Field(ge=1, le=30)
    proficient: int = Field(ge=0, le=1)


class FoundrySkill(BaseModel):
    value: float = Field(ge=0, le=2)
    ability: str


class FoundryItem(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str = Field(min_length=1)
    type: str = Field(pattern="^(class|subclass|race|background|feat|weapon|equipment|consumable|tool|loot|spell)$")
    system: dict[str, Any]


class FoundryActor(BaseModel):
    """The subset of the dnd5e ``character`` actor schema this platform produces and reads."""

    model_config = ConfigDict(extra="allow")
    name: str
    type: str = Field(pattern="^character$")
    system: FoundrySystem
    items: list[FoundryItem]
    effects: list[dict[str, Any]] = Field(default_factory=list)
    flags: dict[str, Any] = Field(default_factory=dict)


class FoundrySystem(BaseModel):
    model_config = ConfigDict(extra="allow")
    abilities: dict[str, FoundryAbility]
    skills: dict[str, FoundrySkill]
    attributes: dict[str, Any]
    details: dict[str, Any]
    traits: dict[str, Any]
    currency: dict[str, int]


FoundryActor.model_rebuild()


def _slug_title(slug: str) -> str:
    return slug.replace("_", " ").title()


def to_foundry(build: dict[str, Any], sheet: Sheet, state: dict[str, Any]) -> dict[str, Any]:
    """A dnd5e actor document for this character."""
    items: list[dict[str, Any]] = []
    for entry in build.get("classes", []):
        items.append({"name": _slug_title(entry["id"]), "type": "class", "system": {
            "identifier": entry["id"], "levels": entry["level"],
            "hitDiceUsed": 0, "advancement": [],
        }})
        if entry.get("subclass"):
            items.append({"name": _slug_title(entry["subclass"]), "type": "subclass", "system": {
                "identifier": entry["subclass"], "classIdentifier": entry["id"]}})
    species = build.get("species", {})
    items.append({"name": _slug_title(species.get("id", "unknown")), "type": "race",
                  "system": {"identifier": species.get("id"), "type": {"subtype": species.get("lineage") or ""}}})
    background = build.get("background", {})
    items.append({"name": _slug_title(background.get("id", "custom")), "type": "background",
                  "system": {"identifier": background.get("id")}})
    for feat in build.get("feats", []):
        items.append({"name": _slug_title(feat["id"]), "type": "feat", "system": {"identifier": feat["id"],
                      "type": {"value": "feat"}}})
    for entry in build.get("equipment", []):
        name = entry.get("item", {}).get("name") if entry.get("item") else _slug_title(entry["item_id"])
        is_weapon = any(a["name"] == name for a in sheet["attacks"])
        items.append({"name": name, "type": "weapon" if is_weapon else "equipment", "system": {
            "identifier": entry.get("item_id"), "quantity": entry.get("quantity", 1),
            "equipped": entry.get("equipped", False), "attuned": entry.get("attuned", False)}})
    hp = sheet["hit_points"]
    return {
        "name": build.get("name") or "Unnamed",
        "type": "character",
        "system": {
            "abilities": {ABILITY_KEYS[k]: {"value": v["score"], "proficient": int(v["save_proficient"])}
                          for k, v in sheet["abilities"].items()},
            "skills": {SKILL_KEYS[k]: {"value": PROFICIENCY_VALUE[v["proficiency"]],
                                       "ability": ABILITY_KEYS[v["ability"]]}
                       for k, v in sheet["skills"].items() if k in SKILL_KEYS},
            "attributes": {
                "hp": {"value": hp["current"], "max": hp["max"], "temp": hp["temp"]},
                "ac": {"calc": "flat", "flat": sheet["armor_class"]["value"],
                       "label": sheet["armor_class"].get("formula", "")},
                "movement": {**{k: v for k, v in sheet["speed"].items()}, "units": "ft"},
                "senses": {**dict(sheet["senses"]), "units": "ft"},
                "prof": sheet["proficiency_bonus"],
                "exhaustion": state.get("exhaustion", 0),
                "death": {"success": sheet["death_saves"].get("successes", 0),
                          "failure": sheet["death_saves"].get("failures", 0)},
                "inspiration": sheet["heroic_inspiration"],
            },
            "details": {
                "xp": {"value": build.get("xp", 0)}, "alignment": build.get("alignment", ""),
                "biography": {"value": build.get("backstory", "")}, "appearance": build.get("appearance", ""),
                "trait": build.get("personality", {}).get("traits", ""),
                "ideal": build.get("personality", {}).get("ideals", ""),
                "bond": build.get("personality", {}).get("bonds", ""),
                "flaw": build.get("personality", {}).get("flaws", ""),
            },
            "traits": {"size": SIZE_KEYS.get(sheet["size"], "med"),
                       "languages": {"value": list(sheet["languages"])},
                       "dr": {"value": list(sheet["resistances"])}},
            "currency": {k: int(build.get("currency", {}).get(k, 0)) for k in ("pp", "gp", "ep", "sp", "cp")},
            "spells": {f"spell{level}": {"value": slot["remaining"], "max": slot["max"]}
                       for level, slot in sheet["spell_slots"].items()},
        },
        "items": items,
        "effects": [],
        "flags": {"dnd-platform": {"rules_version": "2024", "build": build}},
    }


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def from_foundry(actor: FoundryActor) -> dict[str, Any]:
    """A build document from a dnd5e actor; our own exports carry the exact build in their flags."""
    ours = actor.flags.get("dnd-platform", {}).get("build")
    if isinstance(ours, dict):
        return ours
    by_key = {v: k for k, v in ABILITY_KEYS.items()}
    classes = [{"id": item.system.get("identifier") or _slug(item.name), "level": int(item.system.get("levels", 1))}
               for item in actor.items if item.type == "class"]
    for item in actor.items:
        if item.type == "subclass":
            owner = item.system.get("classIdentifier")
            for entry in classes:
                if entry["id"] == owner:
                    entry["subclass"] = item.system.get("identifier") or _slug(item.name)
    race = next((i for i in actor.items if i.type == "race"), None)
    background = next((i for i in actor.items if i.type == "background"), None)
    skill_by_key = {v: k for k, v in SKILL_KEYS.items()}
    skills = [skill_by_key[k] for k, v in actor.system.skills.items() if k in skill_by_key and v.value >= 1]
    expertise = [skill_by_key[k] for k, v in actor.system.skills.items() if k in skill_by_key and v.value >= 2]
    equipment = [{"item_id": item.system.get("identifier") or _slug(item.name),
                  "quantity": int(item.system.get("quantity", 1)), "equipped": bool(item.system.get("equipped"))}
                 for item in actor.items if item.type in ("weapon", "equipment")]
    return {
        "name": actor.name,
        "rules_version": "2024",
        "species": {"id": (race.system.get("identifier") or _slug(race.name)) if race else ""},
        "background": {"id": (background.system.get("identifier") or _slug(background.name)) if background else "",
                       "ability_increases": {}},
        "classes": classes,
        "ability_scores": {"method": "manual",
                           "base": {by_key[k]: v.value for k, v in actor.system.abilities.items() if k in by_key}},
        "skill_proficiencies": skills,
        "expertise": expertise,
        "languages": list(actor.system.traits.get("languages", {}).get("value", [])),
        "equipment": equipment,
        "currency": {k: int(actor.system.currency.get(k, 0)) for k in ("pp", "gp", "ep", "sp", "cp")},
        "xp": int(actor.system.details.get("xp", {}).get("value", 0)),
        "alignment": str(actor.system.details.get("alignment", "")),
    }
