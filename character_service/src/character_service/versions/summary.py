"""How builds are compared and described: list strategies for the three-way merge and diff of a
build document, and the human summary of a change, with names and spell slots from the rules
engine ("Level 4 -> 5 (Wizard); gained 3rd-level slots; prepared Fireball").

List strategies (see :mod:`dnd_shared.versioning.lists`):
- ``classes`` by class id, ``feats`` by (id, source, level, class), ``equipment`` by catalog
  ``item_id`` or, for an inline item, its content (repeats are separate elements by occurrence);
- proficiencies, languages, fighting styles, masteries, spell lists and invocations as sets;
- dice (``hp_rolls``, ``ability_scores.rolls``) as whole values: their order and repeats matter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from character_service.rules.data.backgrounds import BACKGROUNDS
from character_service.rules.data.classes import CLASSES
from character_service.rules.data.feats import FEATS
from character_service.rules.data.species import SPECIES
from character_service.rules.multiclass import spell_slots
from dnd_shared.versioning import (
    AsSet,
    Change,
    ListRules,
    Whole,
    by_fields,
    first_present,
    generic_summary,
)

_BUILD_LISTS = {
    "classes": by_fields("id"),
    "classes[].hp_rolls": Whole(),
    "classes[].options.*": AsSet(),
    "feats": by_fields("id", "source", "level", "class_id"),
    "equipment": first_present("item_id", "item"),
    "ability_scores.rolls": Whole(),
    "skill_proficiencies": AsSet(),
    "expertise": AsSet(),
    "languages": AsSet(),
    "tool_proficiencies": AsSet(),
    "fighting_styles": AsSet(),
    "weapon_masteries": AsSet(),
    "spells.cantrips.*": AsSet(),
    "spells.prepared.*": AsSet(),
    "spells.spellbook": AsSet(),
    "background.abilities": AsSet(),
    "background.skills": AsSet(),
}
BUILD_LIST_RULES = ListRules.of(_BUILD_LISTS)

#: Build fields that are facts of play rather than choices: they travel with the character across
#: branches (a checkout or revert keeps the current value) — experience earned stays earned.
TRAVELLING_FIELDS: tuple[str, ...] = ("xp",)

_ORDINALS = {1: "1st", 2: "2nd", 3: "3rd"}
_TEXT_FIELDS = ("personality", "appearance", "backstory", "alignment")


def ordinal(n: int) -> str:
    """``3`` -> ``"3rd"``."""
    return _ORDINALS.get(n, f"{n}th")


def display(identifier: Any, table: Mapping[str, Any] | None = None) -> str:
    """The rules engine's name for an id when it has one, else the id in title case."""
    text = str(identifier)
    entry = table.get(text) if table is not None else None
    name = getattr(entry, "name", None)
    return str(name) if name else text.replace("_", " ").replace("-", " ").title()


def _classes(build: Any) -> dict[str, Mapping[str, Any]]:
    entries = build.get("classes", []) if isinstance(build, Mapping) else []
    return {str(c["id"]): c for c in entries if isinstance(c, Mapping) and "id" in c}


def _level(classes: Mapping[str, Mapping[str, Any]]) -> int:
    return sum(int(c.get("level", 0) or 0) for c in classes.values())


def _slot_levels(classes: Mapping[str, Mapping[str, Any]]) -> set[int]:
    levels = {cid: int(c.get("level", 0) or 0) for cid, c in classes.items()}
    return {i + 1 for i, n in enumerate(spell_slots(levels)) if n}


def _spell_names(build: Any, section: str) -> set[str]:
    spells = build.get("spells", {}) if isinstance(build, Mapping) else {}
    value = spells.get(section, {}) if isinstance(spells, Mapping) else {}
    if isinstance(value, Mapping):
        return {str(s) for lst in value.values() if isinstance(lst, list) for s in lst}
    return {str(s) for s in value} if isinstance(value, list) else set()


def _item_name(entry: Any) -> str:
    if isinstance(entry, Mapping):
        if entry.get("item_id"):
            return display(entry["item_id"])
        item = entry.get("item")
        if isinstance(item, Mapping) and item.get("name"):
            return str(item["name"])
    return "an item"


def summarize_build_change(before: Any, after: Any, changes: Sequence[Change]) -> list[str]:
    """Phrases for a build change, most telling first; anything not described by name falls back
    to the generic field summary."""
    before = before if isinstance(before, Mapping) else {}
    after = after if isinstance(after, Mapping) else {}
    phrases: list[str] = []
    described: set[str] = set()

    old_classes, new_classes = _classes(before), _classes(after)
    old_level, new_level = _level(old_classes), _level(new_classes)
    changed_classes = [cid for cid in new_classes
                       if int(new_classes[cid].get("level", 0)) != int(old_classes.get(cid, {}).get("level", 0))]
    if old_level != new_level:
        names = ", ".join(display(cid, CLASSES) for cid in changed_classes) or "classes changed"
        phrases.append(f"Level {old_level} -> {new_level} ({names})")
    for cid, entry in new_classes.items():
        if entry.get("subclass") and entry.get("subclass") != old_classes.get(cid, {}).get("subclass"):
            phrases.append(f"chose the {display(entry['subclass'])} subclass ({display(cid, CLASSES)})")
    old_slots, new_slots = _slot_levels(old_classes), _slot_levels(new_classes)
    phrases.extend(f"gained {ordinal(level)}-level slots" for level in sorted(new_slots - old_slots))
    phrases.extend(f"lost {ordinal(level)}-level slots" for level in sorted(old_slots - new_slots))
    described.update(p for p in (c.path for c in changes) if p.startswith("classes"))

    for section, added, removed in (("prepared", "prepared {}", "unprepared {}"),
                                    ("cantrips", "learned the {} cantrip", "forgot the {} cantrip"),
                                    ("spellbook", "copied {} into the spellbook", "removed {} from the spellbook")):
        old, new = _spell_names(before, section), _spell_names(after, section)
        phrases.extend(added.format(display(s)) for s in sorted(new - old))
        phrases.extend(removed.format(display(s)) for s in sorted(old - new))
    described.update(c.path for c in changes if c.path.startswith("spells"))

    for change in changes:
        path = change.path
        if path in described:
            continue
        phrase = _describe_field(change)
        if phrase is not None:
            phrases.append(phrase)
            described.add(path)

    rest = [c for c in changes if c.path not in described and not _is_text_field(c.path)]
    phrases.extend(generic_summary(before, after, rest, limit=3) if rest else [])
    edited_text = sorted({c.path.split(".")[0] for c in changes if _is_text_field(c.path)})
    phrases.extend(f"{name} edited" for name in edited_text)
    return list(dict.fromkeys(phrases))


def _is_text_field(path: str) -> bool:
    return path.split(".")[0] in _TEXT_FIELDS


def _describe_field(change: Change) -> str | None:
    path, kind = change.path, change.kind
    if path == "name":
        return f"renamed {change.before!r} -> {change.after!r}"
    if path == "xp" and isinstance(change.before, int) and isinstance(change.after, int):
        return f"{change.after - change.before:+d} XP"
    if path.startswith("species"):
        return f"species {display(_id(change.before), SPECIES)} -> {display(_id(change.after), SPECIES)}" \
            if path == "species" else "species options changed"
    if path.startswith("background"):
        return f"background {display(_id(change.before), BACKGROUNDS)} -> {display(_id(change.after), BACKGROUNDS)}" \
            if path == "background" else "background options changed"
    if path.startswith("ability_scores"):
        return "ability scores changed"
    if path.startswith("feats["):
        if kind == "added":
            return f"took the {display(_id(change.after), FEATS)} feat"
        if kind == "removed":
            return f"dropped the {display(_id(change.before), FEATS)} feat"
        return "feat choices changed"
    if path.startswith("equipment["):
        if kind == "added":
            return f"gained {_item_name(change.after)}"
        if kind == "removed":
            return f"lost {_item_name(change.before)}"
        if path.endswith(".equipped"):
            return "equipped an item" if change.after else "unequipped an item"
        if path.endswith(".attuned"):
            return "attuned to an item" if change.after else "ended an attunement"
        return "equipment changed"
    if path.startswith("currency"):
        return "coins changed"
    labels = {"skill_proficiencies": "skill", "expertise": "expertise", "languages": "language",
              "tool_proficiencies": "tool", "fighting_styles": "fighting style", "weapon_masteries": "mastery"}
    if path in labels and kind in ("added", "removed"):
        value = change.after if kind == "added" else change.before
        return f"{'+' if kind == 'added' else '-'}{labels[path]} {display(value)}"
    return None


def _id(value: Any) -> str:
    return str(value.get("id")) if isinstance(value, Mapping) else str(value)
