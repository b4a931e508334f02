"""The cleaning adapter: ``dndwright`` 0.29.0 bundled SRD 5.2 data -> :class:`EntryDraft` records.

What it fixes, all covered by tests:
- four spell descriptions (Antipathy/Sympathy, Fireball, Giant Insect, Summon Dragon) end with a
  stat block that belongs elsewhere: cut at the last full sentence before the stray block;
- names use typographic apostrophes: normalised to ASCII (slugs and exact-name search rely on it);
- conditions use 2014 wording: replaced by the 2024 mechanics in :mod:`catalog_service.srd.conditions`;
- "Staff of Charming +10" is the Staff of Charming with its charges glued to the name;
- free-text fields (costs, weights, ranges, weapon properties, type lines) become typed numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from dndwright.content import load_content

from catalog_service.content.mechanics import DAMAGE_TYPES, MECHANICS_MODELS
from catalog_service.srd.conditions import condition_drafts
from catalog_service.srd.drafts import EntryDraft, normalize_name

#: The package and version whose data this adapter is written against.
SOURCE_PACKAGE = "dndwright"
SOURCE_VERSION = "0.29.0"

ABILITY_NAMES = {
    "str": "strength",
    "dex": "dexterity",
    "con": "constitution",
    "int": "intelligence",
    "wis": "wisdom",
    "cha": "charisma",
}
_STAT_BLOCK_MARK = re.compile(r"\bMOD SAVE MOD SAVE\b")
_AC_MARK = re.compile(r"\bAC \d")
_DAMAGE = re.compile(r"(\d{1,2}d\d{1,3}(?: ?\+ ?\d{1,3})?) (" + "|".join(DAMAGE_TYPES) + r") damage", re.IGNORECASE)
_SAVE = re.compile(r"(Strength|Dexterity|Constitution|Intelligence|Wisdom|Charisma) saving throw", re.IGNORECASE)
_AREA = re.compile(
    r"(\d+)-foot(?:-(?:radius|long|wide|high|tall|diameter))?(?:,? [\w-]+-foot-\w+)? "
    r"(Sphere|Cone|Cube|Line|Emanation|Cylinder)",
    re.IGNORECASE,
)
_UPCAST = re.compile(r"increases by (\d{1,2}d\d{1,3}) for each spell slot level above", re.IGNORECASE)
_FEET = re.compile(r"^(\d[\d,]*) (feet|foot|miles?)")
_CONDITION_NAMES = (
    "Blinded",
    "Charmed",
    "Deafened",
    "Frightened",
    "Grappled",
    "Incapacitated",
    "Invisible",
    "Paralyzed",
    "Petrified",
    "Poisoned",
    "Prone",
    "Restrained",
    "Stunned",
    "Unconscious",
)


def cut_stray_stat_block(description: str) -> str:
    """Remove a stat block glued to the end of a description.

    The block is recognised by its ability table header (``MOD SAVE MOD SAVE``); it starts with the
    creature's name, which follows the last complete sentence before the block's ``AC``. A sentence
    cut off by the block is dropped with it.
    """
    mark = _STAT_BLOCK_MARK.search(description)
    if mark is None:
        return description
    head = description[: mark.start()]
    ac = _AC_MARK.search(head)
    end = ac.start() if ac is not None else mark.start()
    sentence_end = description.rfind(". ", 0, end)
    if sentence_end == -1:
        return description[:end].strip()
    return description[: sentence_end + 1].strip()


def money_to_gp(text: str | None) -> float:
    """``"15 GP"`` -> 15.0, ``"5 SP"`` -> 0.5, ``"2 CP"`` -> 0.02, ``"1,000 GP"`` -> 1000.0; unknown -> 0."""
    if not text:
        return 0.0
    match = re.match(r"^\s*([\d,]+)\s*(CP|SP|EP|GP|PP)", text.strip(), re.IGNORECASE)
    if match is None:
        return 0.0
    amount = float(match.group(1).replace(",", ""))
    factor = {"cp": 0.01, "sp": 0.1, "ep": 0.5, "gp": 1.0, "pp": 10.0}[match.group(2).lower()]
    return round(amount * factor, 2)


def weight_to_lb(text: str | None) -> float:
    """``"3 lb."`` -> 3.0, ``"1/2 lb."`` -> 0.5, ``"58½ lb."`` -> 58.5, ``"—"`` -> 0."""
    if not text:
        return 0.0
    cleaned = text.replace("½", ".5").replace("¼", ".25").strip()
    fraction = re.match(r"^(\d+)/(\d+)", cleaned)
    if fraction:
        return round(int(fraction.group(1)) / int(fraction.group(2)), 3)
    number = re.match(r"^(\d+(?:\.\d+)?)", cleaned)
    return float(number.group(1)) if number else 0.0


def range_in_feet(text: str) -> int | None:
    """``"150 feet"`` -> 150, ``"1 mile"`` -> 5280, ``"Touch"`` -> 5, ``"Self"`` -> 0, else ``None``."""
    lowered = text.strip().lower()
    if lowered.startswith("touch"):
        return 5
    if lowered.startswith("self"):
        return 0
    match = _FEET.match(lowered)
    if match is None:
        return None
    amount = int(match.group(1).replace(",", ""))
    return amount * 5280 if match.group(2).startswith("mile") else amount


def _damage_rolls(text: str, limit: int = 3) -> list[dict[str, str]]:
    rolls: list[dict[str, str]] = []
    for dice, damage_type in _DAMAGE.findall(text):
        roll = {"dice": dice.replace(" ", ""), "type": damage_type.lower()}
        roll["dice"] = re.sub(r"\+", " + ", roll["dice"])
        if roll not in rolls:
            rolls.append(roll)
        if len(rolls) >= limit:
            break
    return rolls


def spell_draft(raw: dict[str, Any]) -> EntryDraft:
    """One spell: description cleaned, mechanics parsed from the structured fields and the text."""
    description = cut_stray_stat_block(raw["description"])
    components_text: str = raw["components"]
    material_match = re.search(r"M \((.*)\)\s*$", components_text)
    components = [c for c in ("V", "S", "M") if re.search(rf"\b{c}\b", components_text.split("(")[0])]
    save = _SAVE.search(description)
    area = _AREA.search(description)
    upcast = _UPCAST.search(description)
    lowered = description.lower()
    attack = "melee" if "melee spell attack" in lowered else "ranged" if "ranged spell attack" in lowered else None
    conditions = [c for c in _CONDITION_NAMES if re.search(rf"\b{c}\b condition", description)]
    mechanics = {
        "level": raw["level"],
        "school": raw["school"].lower(),
        "casting_time": raw["casting_time"],
        "ritual": "ritual" in raw["casting_time"].lower(),
        "concentration": raw["duration"].lower().startswith("concentration"),
        "range": raw["range"],
        "range_feet": range_in_feet(raw["range"]),
        "components": components,
        "material": material_match.group(1) if material_match else None,
        "duration": raw["duration"],
        "classes": [c.lower() for c in raw["classes"]],
        "damage": _damage_rolls(description),
        "upcast_dice": upcast.group(1) if upcast else None,
        "save": save.group(1).lower() if save else None,
        "attack": attack,
        "area": {"shape": area.group(2).lower(), "size_ft": int(area.group(1))} if area else None,
        "conditions": [c.lower() for c in conditions],
    }
    level_tag = "cantrip" if raw["level"] == 0 else f"level {raw['level']}"
    tags = [raw["school"], level_tag, *raw["classes"], *(d["type"] for d in mechanics["damage"]), *conditions]
    if mechanics["ritual"]:
        tags.append("ritual")
    if mechanics["concentration"]:
        tags.append("concentration")
    if mechanics["damage"]:
        tags.append("damage")
    if "regains" in lowered and "hit points" in lowered:
        tags.append("healing")
    return EntryDraft("spell", raw["name"], description, mechanics, tags)


def _creature_action(raw: dict[str, Any]) -> dict[str, Any]:
    damage = []
    for roll in raw.get("damage") or []:
        dice = str(roll.get("dice", "")).strip()
        damage_type = str(roll.get("type", "")).lower()
        if damage_type in DAMAGE_TYPES and re.fullmatch(r"\d{1,3}d\d{1,3}( [+-] \d{1,3})?", dice):
            damage.append({"dice": dice, "type": damage_type})
    save_dc = re.search(r"DC (\d+)", raw.get("text", ""))
    return {
        "name": normalize_name(raw["name"]),
        "text": raw.get("text", ""),
        "attack_bonus": raw.get("attack_bonus"),
        "damage": damage,
        "save_dc": int(save_dc.group(1)) if save_dc else None,
    }


def _names(values: Any) -> list[str]:
    if not values:
        return []
    if isinstance(values, str):
        return [part.strip() for part in re.split(r"[;,]", values) if part.strip()]
    return [str(value) for value in values]


def creature_draft(raw: dict[str, Any]) -> EntryDraft:
    """One stat block: abilities keyed by full names, attacks with typed damage rolls."""
    senses = {key: int(value) for key, value in (raw.get("senses") or {}).items() if isinstance(value, int | float)}
    mechanics = {
        "size": raw["size"].lower(),
        "creature_type": raw["creature_type"].lower(),
        "subtype": raw.get("creature_subtype"),
        "alignment": raw["alignment"],
        "ac": raw["ac"],
        "hp": raw["hp"],
        "hp_formula": raw.get("hp_formula"),
        "speed": {key: int(value) for key, value in raw["speed"].items() if isinstance(value, int | float)},
        "abilities": {ABILITY_NAMES[key]: value for key, value in raw["abilities"].items()},
        "cr": raw["cr"],
        "cr_value": raw["cr_numeric"],
        "xp": raw["xp"],
        "proficiency_bonus": raw["proficiency_bonus"],
        "saving_throws": {ABILITY_NAMES[key]: value for key, value in (raw.get("saving_throws") or {}).items()},
        "skills": dict(raw.get("skills") or {}),
        "senses": senses,
        "languages": _names(raw.get("languages")),
        "damage_resistances": _names(raw.get("damage_resistances")),
        "damage_immunities": _names(raw.get("damage_immunities")),
        "damage_vulnerabilities": _names(raw.get("damage_vulnerabilities")),
        "condition_immunities": _names(raw.get("condition_immunities")),
        "traits": [_creature_action(t) for t in raw.get("traits") or []],
        "actions": [_creature_action(a) for a in raw.get("actions") or []],
        "bonus_actions": [_creature_action(a) for a in raw.get("bonus_actions") or []],
        "reactions": [_creature_action(a) for a in raw.get("reactions") or []],
        "legendary_actions": [_creature_action(a) for a in raw.get("legendary_actions") or []],
    }
    parts = [
        f"{raw['size']} {raw['creature_type'].capitalize()}",
        f"({raw['creature_subtype']})" if raw.get("creature_subtype") else "",
        f", {raw['alignment']}. Challenge Rating {raw['cr']} ({raw['xp']} XP).",
    ]
    feature_lines = [f"{f['name']}. {f['text']}" for f in mechanics["traits"] + mechanics["actions"]]
    description = " ".join(p for p in parts if p).replace(" ,", ",") + " " + " ".join(feature_lines)
    damage_types = {roll["type"] for action in mechanics["actions"] for roll in action["damage"]}
    tags = [raw["creature_type"], raw["size"], f"cr {raw['cr']}", *damage_types, *mechanics["damage_immunities"]]
    if raw.get("creature_subtype"):
        tags.append(raw["creature_subtype"])
    if raw.get("legendary_actions"):
        tags.append("legendary")
    if "fly" in mechanics["speed"]:
        tags.append("flying")
    if "swim" in mechanics["speed"]:
        tags.append("swimming")
    return EntryDraft("creature", raw["name"], description.strip(), mechanics, tags)


_ITEM_CATEGORIES = {
    "Wondrous Item": "wondrous_item",
    "Weapon": "weapon",
    "Ring": "ring",
    "Potion": "potion",
    "Armor": "armor",
    "Wand": "wand",
    "Staff": "staff",
    "Rod": "rod",
    "Scroll": "scroll",
}
#: Items whose fixed bonus the type line does not spell out (+N to AC or to spell attacks).
_FIXED_BONUSES = {
    "Ring of Protection": (1, "ac"),
    "Cloak of Protection": (1, "ac"),
    "Bracers of Defense": (2, "ac"),
}


def _item_bonus(name: str, category: str, type_line: str) -> tuple[int | None, str | None]:
    if ", +1, +2, or +3" in name:
        base = name.split(",")[0].strip().lower()
        applies = {"armor": "armor", "shield": "shield", "wand of the war mage": "spell"}.get(base, "weapon")
        return 1, applies
    if name in _FIXED_BONUSES:
        return _FIXED_BONUSES[name]
    return None, None


def magic_item_draft(raw: dict[str, Any]) -> EntryDraft:
    """One magic item: category and rarity typed, attunement and the +N bonus made explicit."""
    name = raw["name"]
    description = raw["description"]
    if name == "Staff of Charming +10":  # the package glued the item's 10 charges to its name
        name = "Staff of Charming"
    # A table header ("MOD SAVE") landed inside one sentence of the Necklace of Prayer Beads.
    description = description.replace(" MOD SAVE ", " ")
    type_line: str = raw["type_line"]
    attunement_match = re.search(r"Requires Attunement(?: by ([^)]*))?", type_line)
    bonus, applies_to = _item_bonus(name, raw["category"], type_line)
    category = _ITEM_CATEGORIES[raw["category"]]
    charges = re.search(r"has (\d+) charges", description)
    mechanics = {
        "category": category,
        "rarity": raw["rarity"],
        "rarity_varies": "Varies" in type_line or ", or " in type_line.split(",", 1)[-1] or bonus == 1,
        "attunement": bool(raw["attunement_required"]),
        "attunement_requirement": attunement_match.group(1) if attunement_match and attunement_match.group(1) else None,
        "bonus": bonus,
        "bonus_applies_to": applies_to,
        "consumable": category in ("potion", "scroll") or name.startswith("Ammunition"),
        "charges": int(charges.group(1)) if charges and int(charges.group(1)) <= 100 else None,
        "base_item": None,
        "type_line": type_line,
    }
    tags = [raw["category"], raw["rarity"].replace("_", " ")]
    if mechanics["attunement"]:
        tags.append("attunement")
    if mechanics["consumable"]:
        tags.append("consumable")
    return EntryDraft("magic_item", name, description, mechanics, tags)


def weapon_draft(raw: dict[str, Any]) -> EntryDraft:
    """One weapon: properties split into names and numbers (versatile dice, ranges, ammunition)."""
    properties: list[str] = []
    versatile = range_normal = range_long = ammunition = None
    for prop in raw["properties"]:
        base = prop.split("(")[0].strip().lower()
        properties.append(base)
        inner = prop[prop.find("(") + 1 : prop.rfind(")")] if "(" in prop else ""
        if base == "versatile":
            versatile = inner
        ranges = re.search(r"Range (\d+)/(\d+)", inner)
        if ranges:
            range_normal, range_long = int(ranges.group(1)), int(ranges.group(2))
        if base == "ammunition" and ";" in inner:
            ammunition = inner.split(";")[1].strip().lower()
    mechanics = {
        "category": raw["category"].lower(),
        "kind": raw["kind"].lower(),
        "damage_dice": raw["damage_dice"],
        "damage_type": raw["damage_type"].lower(),
        "properties": properties,
        "versatile_dice": versatile,
        "range_normal": range_normal,
        "range_long": range_long,
        "ammunition": ammunition,
        "mastery": raw["mastery"].lower(),
        "weight_lb": weight_to_lb(raw.get("weight")),
        "cost_gp": money_to_gp(raw.get("cost")),
    }
    description = (
        f"{raw['category']} {raw['kind'].lower()} weapon: {raw['damage_dice']} {raw['damage_type'].lower()}"
        + (f" ({versatile} two-handed)" if versatile else "")
        + (f", properties {', '.join(raw['properties'])}" if raw["properties"] else "")
        + f"; mastery {raw['mastery']}. {raw.get('weight') or '—'}, {raw.get('cost') or '—'}."
    )
    tags = [raw["category"], raw["kind"], raw["damage_type"], raw["mastery"], *properties]
    if "thrown" in properties:
        tags.append("throwing weapon")
    return EntryDraft("weapon", raw["name"], description, mechanics, tags)


def armor_draft(raw: dict[str, Any]) -> EntryDraft:
    """One armor or the Shield: AC, Dexterity cap, Strength requirement, Stealth."""
    category = raw["category"].lower()
    dex_cap = raw.get("dex_cap")
    mechanics = {
        "category": category,
        "base_ac": raw["base_ac"] if raw.get("base_ac") is not None else raw["ac_bonus"],
        "adds_dex": bool(raw["adds_dex"]),
        "dex_cap": dex_cap if isinstance(dex_cap, int) else None,
        "strength_requirement": raw.get("strength_requirement"),
        "stealth_disadvantage": bool(raw.get("stealth_disadvantage")),
        "weight_lb": weight_to_lb(raw.get("weight")),
        "cost_gp": money_to_gp(raw.get("cost")),
    }
    if category == "shield":
        ac_text = f"+{raw['base_ac']} AC while wielded"
    elif not raw["adds_dex"]:
        ac_text = f"AC {raw['base_ac']}"
    elif isinstance(dex_cap, int):
        ac_text = f"AC {raw['base_ac']} + Dex modifier (max {dex_cap})"
    else:
        ac_text = f"AC {raw['base_ac']} + Dex modifier"
    notes = []
    if raw.get("strength_requirement"):
        notes.append(f"needs Strength {raw['strength_requirement']}")
    notes.append("Disadvantage on Stealth checks" if raw.get("stealth_disadvantage") else "no Stealth penalty")
    description = f"{raw['category']} armor: {ac_text}; {', '.join(notes)}. {raw.get('weight')}, {raw.get('cost')}."
    tags = [raw["category"], "stealth disadvantage" if raw.get("stealth_disadvantage") else "quiet"]
    return EntryDraft("armor", raw["name"], description, mechanics, tags)


def _features(raw_features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"level": f["level"], "name": normalize_name(f["name"]), "description": f.get("description", "")}
        for f in raw_features
    ]


def class_drafts(raw: dict[str, Any]) -> list[EntryDraft]:
    """A class and its SRD subclass (two entries, linked by name)."""
    spellcasting = raw.get("spellcasting") or {}
    mechanics = {
        "hit_die": raw["hit_die"],
        "primary_ability": raw["primary_ability"],
        "saving_throws": [s.lower() for s in raw["saving_throws"]],
        "skill_proficiencies": raw["skill_proficiencies"],
        "weapon_proficiencies": raw["weapon_proficiencies"],
        "armor_training": raw["armor_training"],
        "tool_proficiencies": raw["tool_proficiencies"],
        "starting_equipment": raw["starting_equipment"],
        "spellcasting_type": spellcasting.get("type"),
        "spellcasting_ability": spellcasting["ability"].lower() if spellcasting.get("ability") else None,
        "subclass_level": raw["subclass_level"],
        "subclasses": [raw["subclass"]],
        "features": _features(raw["features"]),
    }
    tags = [raw["primary_ability"], raw["hit_die"], "spellcaster" if spellcasting else "martial"]
    feature_names = ", ".join(f["name"] for f in mechanics["features"][:8])
    description = f"{raw['description']} Hit die {raw['hit_die']}; key features: {feature_names}."
    class_entry = EntryDraft("class", raw["name"], description, mechanics, tags)
    sub_features = _features(raw["subclass_features"])
    subclass_entry = EntryDraft(
        "subclass",
        raw["subclass"],
        f"{raw['name']} subclass from level {raw['subclass_level']}: "
        + " ".join(f"{f['name']}. {f['description']}" for f in sub_features),
        {"class_name": raw["name"], "features": sub_features},
        [raw["name"], "subclass"],
    )
    return [class_entry, subclass_entry]


_SPECIES_TRAIT_KINDS = (
    ("Darkvision", "darkvision"),
    ("Resistance", "resistance"),
    ("Resilience", "resistance"),
    ("Lineage", "spellcasting"),
    ("Legacy", "spellcasting"),
    ("Breath Weapon", "breath_weapon"),
    ("Skillful", "skill_proficiency"),
    ("Keen Senses", "skill_proficiency"),
    ("Versatile", "extra_feat"),
    ("Toughness", "hit_points"),
    ("Large Form", "size_change"),
    ("Brave", "advantage"),
    ("Cunning", "advantage"),
    ("Fey Ancestry", "advantage"),
)


def species_draft(raw: dict[str, Any]) -> EntryDraft:
    """One species: sizes, speed, darkvision and traits tagged with a kind for the trait budget."""
    darkvision = (raw.get("senses") or {}).get("darkvision")
    traits = []
    for trait in raw["traits"]:
        kind = next((k for marker, k in _SPECIES_TRAIT_KINDS if marker in trait["name"]), "other")
        amount = float(darkvision) if kind == "darkvision" and darkvision else 1.0
        traits.append({"name": trait["name"], "kind": kind, "amount": amount, "description": trait["description"]})
    sizes = [s.strip().lower() for s in re.split(r" or |,", raw["size"]) if s.strip()]
    mechanics = {
        "creature_type": raw["creature_type"],
        "sizes": sizes,
        "speed": raw["speed"],
        "darkvision": darkvision,
        "traits": traits,
    }
    description = raw["description"] + " Traits: " + "; ".join(t["name"] for t in traits) + "."
    tags = [raw["creature_type"], *sizes, *(t["name"] for t in traits)]
    return EntryDraft("species", raw["name"], description, mechanics, tags)


def background_draft(raw: dict[str, Any]) -> EntryDraft:
    """One background: ability scores, origin feat, skills, tool, equipment."""
    mechanics = {
        "ability_scores": [a.lower() for a in raw["ability_scores"]],
        "feat": normalize_name(raw["feat"]),
        "skill_proficiencies": raw["skill_proficiencies"],
        "tool_proficiency": normalize_name(raw["tool_proficiency"]),
        "equipment": raw["equipment"],
    }
    description = (
        f"Background granting {', '.join(raw['ability_scores'])} increases, the {mechanics['feat']} feat, "
        f"{' and '.join(raw['skill_proficiencies'])} skills and {mechanics['tool_proficiency']}. "
        f"Equipment: {raw['equipment']}"
    )
    tags = [*raw["skill_proficiencies"], mechanics["feat"]]
    return EntryDraft("background", raw["name"], description, mechanics, tags)


_FEAT_CATEGORIES = {
    "Origin": "origin", "General": "general", "Fighting Style": "fighting_style", "Epic Boon": "epic_boon"
}
#: Ability increases of the SRD feats that grant one (05_Feats.md): choices, amount, maximum.
_FEAT_INCREASES: dict[str, tuple[list[str], int, int]] = {
    "Ability Score Improvement": (list(ABILITY_NAMES.values()), 2, 20),
    "Grappler": (["strength", "dexterity"], 1, 20),
    "Boon of Combat Prowess": (list(ABILITY_NAMES.values()), 1, 30),
    "Boon of Dimensional Travel": (list(ABILITY_NAMES.values()), 1, 30),
    "Boon of Fate": (list(ABILITY_NAMES.values()), 1, 30),
    "Boon of Irresistible Offense": (["strength", "dexterity"], 1, 30),
    "Boon of Spell Recall": (["intelligence", "wisdom", "charisma"], 1, 30),
    "Boon of the Night Spirit": (list(ABILITY_NAMES.values()), 1, 30),
    "Boon of Truesight": (list(ABILITY_NAMES.values()), 1, 30),
}


def feat_draft(raw: dict[str, Any]) -> EntryDraft:
    """One feat: category, prerequisite level, repeatability and ability increase."""
    prerequisite = raw.get("prerequisite")
    level = re.search(r"Level (\d+)\+", prerequisite or "")
    choices, amount, maximum = _FEAT_INCREASES.get(raw["name"], ([], 0, 20))
    mechanics = {
        "category": _FEAT_CATEGORIES[raw["category"]],
        "prerequisite": prerequisite,
        "min_level": int(level.group(1)) if level else 1,
        "repeatable": bool(raw.get("repeatable")),
        "ability_increase_choices": choices,
        "ability_increase_amount": amount,
        "ability_increase_max": maximum,
        "benefits": [],
    }
    tags = [raw["category"], "feat"]
    return EntryDraft("feat", raw["name"], raw["description"], mechanics, tags)


def srd_drafts() -> Iterator[EntryDraft]:
    """Every SRD record the package bundles, cleaned (supplements are added by the seed)."""
    for raw in load_content("spells"):
        yield spell_draft(raw)
    for raw in load_content("creatures"):
        yield creature_draft(raw)
    for raw in load_content("magic_items"):
        yield magic_item_draft(raw)
    for raw in load_content("weapons"):
        yield weapon_draft(raw)
    for raw in load_content("armor"):
        yield armor_draft(raw)
    for raw in load_content("classes"):
        yield from class_drafts(raw)
    for raw in load_content("species"):
        yield species_draft(raw)
    for raw in load_content("backgrounds"):
        yield background_draft(raw)
    for raw in load_content("feats"):
        yield feat_draft(raw)
    yield from condition_drafts([raw["name"] for raw in load_content("conditions")])


def validate_draft(draft: EntryDraft) -> None:
    """Raise ``pydantic.ValidationError`` if the draft's mechanics do not fit its type's model."""
    MECHANICS_MODELS[draft.type].model_validate(draft.mechanics)
