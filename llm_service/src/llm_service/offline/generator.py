"""The offline provider's writer: deterministic, seeded output for every task from the phrase tables,
enriched by catalog hints when the catalog answered.

Same task + same input + same seed + same hints -> the same output, byte for byte: every choice is
made by a ``random.Random`` seeded from a SHA-256 of those, and every table is iterated in a fixed
order. Without hints (catalog unreachable) the phrase tables alone give a complete answer.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from llm_service.offline import phrases as p


@dataclass(frozen=True)
class CatalogSpell:
    """A spell the catalog suggested: enough to check it fits the class and level."""

    name: str
    level: int
    classes: tuple[str, ...]


@dataclass(frozen=True)
class CatalogHints:
    """What the catalog contributed (empty when it was not reachable)."""

    spells: tuple[CatalogSpell, ...] = ()
    creature: str | None = None

    @property
    def empty(self) -> bool:
        """Whether the catalog contributed nothing."""
        return not self.spells and self.creature is None


@dataclass(frozen=True)
class Reading:
    """What the offline provider understood from a text."""

    text: str
    class_name: str
    class_words: tuple[str, ...]
    species: str
    species_words: tuple[str, ...]
    background: str
    background_words: tuple[str, ...]
    themes: tuple[p.Theme, ...]
    theme_words: tuple[str, ...] = field(default=())

    @property
    def theme(self) -> p.Theme:
        """The leading theme."""
        return self.themes[0]


THEMES_BY_NAME = {theme.name: theme for theme in p.THEMES}


# --- matching -------------------------------------------------------------------------------------
@cache
def _pattern(word: str) -> re.Pattern[str]:
    if word.endswith("*"):
        return re.compile(r"\b" + re.escape(word[:-1]) + r"[\w-]*")
    return re.compile(r"\b" + re.escape(word) + r"(?:s|es)?\b")


def _hits(text: str, words: Iterable[str]) -> list[tuple[int, str]]:
    """``(position, word)`` for every word found in ``text`` (lower case)."""
    found = []
    for word in words:
        match = _pattern(word).search(text)
        if match:
            found.append((match.start(), word.rstrip("*")))
    return sorted(found)


def _mentions(text: str, words: Iterable[str]) -> tuple[str, ...]:
    """The words of ``text`` that matched (whole words, also for stems), in order of appearance."""
    found = sorted((m.start(), m.group(0)) for word in words if (m := _pattern(word).search(text)))
    return tuple(dict.fromkeys(text for _, text in found))


def best_match(text: str, table: dict[str, tuple[str, ...]]) -> tuple[str | None, tuple[str, ...]]:
    """The key whose words score highest in ``text`` (its own first word counts three times, a phrase
    once per word, so "guard captain" beats "guard"), ties to the earliest mention; ``(None, ())``
    when nothing matches."""
    best: tuple[int, int, str] | None = None
    best_words: tuple[str, ...] = ()
    for key, words in table.items():
        hits = _hits(text, words)
        if not hits:
            continue
        score = sum((3 if word == words[0].rstrip("*") else 1) * len(word.split()) for _, word in hits)
        rank = (-score, hits[0][0], key)
        if best is None or rank < best:
            best, best_words = rank, _mentions(text, words)
    return (best[2], best_words) if best else (None, ())


def detect_themes(text: str) -> list[p.Theme]:
    """Themes mentioned in ``text``, in order of first mention."""
    ordered = []
    for theme in p.THEMES:
        hits = _hits(text, theme.words)
        if hits:
            ordered.append((hits[0][0], theme.name, theme))
    return [theme for _, _, theme in sorted(ordered)]


def read_text(text: str, rng: random.Random, *, class_hint: str | None = None,
              species_hint: str | None = None) -> Reading:
    """Class, species, background and themes a text points at (with seeded defaults for the rest)."""
    lowered = text.lower()
    themes = detect_themes(lowered)
    class_name, class_words = best_match(lowered + " " + (class_hint or "").lower(), p.CLASS_KEYWORDS)
    if class_name is None:
        class_name = p.THEME_CLASSES[themes[0].name] if themes else rng.choice(sorted(p.CLASS_KEYWORDS))
    species, species_words = best_match(lowered + " " + (species_hint or "").lower(), p.SPECIES_KEYWORDS)
    if species is None:
        species = rng.choice(p.CLASS_SPECIES[class_name])
    background, background_words = best_match(lowered, p.BACKGROUND_KEYWORDS)
    if background is None:
        background = p.CLASS_BACKGROUNDS[class_name]
    if not themes:
        themes = [THEMES_BY_NAME[p.CLASS_THEMES[class_name]]]
    theme_words = _mentions(lowered, themes[0].words)
    return Reading(lowered, class_name, class_words, species, species_words, background, background_words,
                   tuple(themes), theme_words)


# --- small writers --------------------------------------------------------------------------------
def make_name(species: str, rng: random.Random) -> str:
    """A first name in the species' style."""
    if species == "Tiefling" and rng.random() < 0.25:
        return rng.choice(p.VIRTUE_NAMES)
    starts, ends = p.NAME_PARTS[species]
    return rng.choice(starts) + rng.choice(ends)


def full_name(first: str, theme: p.Theme) -> str:
    """``Vyrash Emberhand`` / ``Ilyriel the Learned``."""
    return f"{first} {theme.epithet}"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _quote(words: Sequence[str]) -> str:
    return ", ".join(f"'{word}'" for word in words)


def _take(candidates: Iterable[str], count: int, exclude: Iterable[str] = ()) -> list[str]:
    chosen: list[str] = []
    excluded = set(exclude)
    for name in candidates:
        if name not in chosen and name not in excluded:
            chosen.append(name)
        if len(chosen) == count:
            break
    return chosen


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def max_spell_level(class_name: str, level: int) -> int:
    """Highest spell level a character of ``class_name`` and ``level`` can cast (SRD progression)."""
    if class_name in ("Paladin", "Ranger"):
        return min(5, (level - 1) // 4 + 1)
    if class_name == "Warlock":
        return min(5, (level + 1) // 2)
    return min(9, (level + 1) // 2)


# --- character_concept ----------------------------------------------------------------------------
def _skills(reading: Reading) -> list[str]:
    background_skills = list(p.BACKGROUND_SKILLS[reading.background])
    count, options = p.CLASS_SKILLS[reading.class_name]
    mentioned = []
    for skill, words in p.SKILL_KEYWORDS.items():
        hits = _hits(reading.text, words)
        if hits and skill in options:
            mentioned.append((hits[0][0], skill))
    hinted = [skill for _, skill in sorted(mentioned)]
    return background_skills + _take([*hinted, *options], count, exclude=background_skills)


def _spells(reading: Reading, level: int, hints: CatalogHints, feat: str) -> list[str]:
    cls = reading.class_name
    theme_cantrips = [name for theme in reading.themes for name in theme.cantrips]
    theme_spells = [name for theme in reading.themes for name in theme.spells]
    if cls in p.CLASS_SPELL_COUNTS:
        cantrip_count, spell_count = p.CLASS_SPELL_COUNTS[cls]
        top = max_spell_level(cls, level)
        suggested = [s for s in hints.spells if cls in s.classes and s.level <= top]
        suggested_cantrips = [s.name for s in suggested if s.level == 0]
        class_cantrips = p.CLASS_CANTRIPS.get(cls, ())
        themed = [name for name in theme_cantrips if name in class_cantrips]
        cantrip_pool = [*suggested_cantrips, *themed, *class_cantrips]
        cantrips = _take(cantrip_pool, cantrip_count)
        leveled_pool = [s.name for s in suggested if s.level >= 1] + [
            name for name in theme_spells if name in p.CLASS_LEVEL1_SPELLS[cls]] + list(p.CLASS_LEVEL1_SPELLS[cls])
        return (cantrips + _take(leveled_pool, spell_count + min(level - 1, 6)))[:12]
    if feat == "Magic Initiate":
        # Acolyte grants Magic Initiate (Cleric), Sage grants Magic Initiate (Wizard)
        source = "Cleric" if reading.background == "Acolyte" else "Wizard"
        cantrips = _take([n for n in theme_cantrips if n in p.CLASS_CANTRIPS[source]]
                         + list(p.CLASS_CANTRIPS[source]), 2)
        first = _take([n for n in theme_spells if n in p.CLASS_LEVEL1_SPELLS[source]]
                      + list(p.CLASS_LEVEL1_SPELLS[source]), 1)
        return cantrips + first
    return []


def character_concept(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A build proposal that follows the words of the concept."""
    concept = str(data["concept"])
    level = int(data.get("level", 1))
    reading = read_text(concept, rng)
    cls, species, background, theme = reading.class_name, reading.species, reading.background, reading.theme
    finesse = cls == "Fighter" and bool(_hits(reading.text, p.FINESSE_WORDS))
    abilities = p.FIGHTER_DEX_ABILITIES if finesse else p.CLASS_ABILITIES[cls]
    equipment = [*(p.FIGHTER_DEX_EQUIPMENT if finesse else p.CLASS_EQUIPMENT[cls]), theme.keepsake]
    feat = p.BACKGROUND_FEATS[background]
    first = make_name(species, rng)
    spells = _spells(reading, level, hints, feat)
    summary = (
        f"{first} is {_article(species)} {species} {cls.lower()} {p.CLASS_ROLES[cls]}. "
        f"Before the road, {first} {p.BACKGROUND_PAST[background]}. Look for {p.SPECIES_LOOKS[species]}; "
        f"{first} {theme.imagery}."
    )
    reasons = [
        f"{cls}: " + (f"the concept says {_quote(reading.class_words)}." if reading.class_words
                      else f"nothing names a class, and the {theme.name} theme suits a {cls.lower()}."),
        f"{species}: " + (f"the concept says {_quote(reading.species_words)}." if reading.species_words
                          else f"a natural fit for a {cls.lower()}."),
        f"{background} background ({feat}): "
        + (f"the concept says {_quote(reading.background_words)}." if reading.background_words
           else f"a classic {cls.lower()} upbringing."),
        f"Abilities lead with {abilities[0]} and {abilities[1]}, what a {cls.lower()} relies on.",
    ]
    if spells:
        reasons.append(f"Spells lean into the {theme.name} theme" + (
            f" ({_quote(reading.theme_words)})." if reading.theme_words else "."))
    if not hints.empty:
        reasons.append("Spell picks were checked against the catalog.")
    return {
        "name": full_name(first, theme),
        "summary": summary,
        "species": species,
        "class_name": cls,
        "subclass": p.SUBCLASSES[cls] if level >= 3 else None,
        "background": background,
        "level": level,
        "ability_priorities": list(abilities),
        "skills": _skills(reading),
        "origin_feat": feat,
        "spells": spells,
        "equipment": equipment,
        "rationale": " ".join(reasons),
    }


# --- the other tasks -----------------------------------------------------------------------------
def backstory(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """Three paragraphs that follow the concept's class, upbringing and theme, and hooks for the DM."""
    reading = read_text(str(data["concept"]), rng, class_hint=data.get("class_name"), species_hint=data.get("species"))
    name = data.get("name") or make_name(reading.species, rng)
    first = name.split()[0]
    home, elsewhere = rng.sample(p.PLACES, 2)
    theme = reading.theme
    paragraphs = [
        f"{name} was raised near {home} and {p.BACKGROUND_PAST[reading.background]}.",
        f"Everything changed when {p.THEME_EVENTS[theme.name]}. Since then {first} {theme.imagery}, and the path "
        f"of the {reading.class_name.lower()} became the only one that made sense.",
        f"Now {first} travels toward {elsewhere} with one purpose: {rng.choice(p.MOTIVATIONS)}. "
        f"{first} still carries {theme.keepsake}, the one thing left from before.",
    ]
    if data.get("tone"):
        paragraphs.append(_clip(f"Whoever tells this story tells it in a {data['tone']} voice.", 400))
    hooks = [f"{hook} near {place}." for hook, place in zip(rng.sample(p.HOOKS, 3), rng.sample(p.PLACES, 3),
                                                            strict=True)]
    return {"title": f"The {p.THEME_ADJECTIVES[theme.name]} Road of {first}", "paragraphs": paragraphs,
            "hooks": hooks}


def personality(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """Traits from the class the concept points at, plus the theme's air; ideal, bond and flaw."""
    reading = read_text(str(data["concept"]) + " " + str(data.get("background") or ""), rng)
    air = reading.theme.imagery[0].upper() + reading.theme.imagery[1:] + "."
    traits = [*rng.sample(p.TRAITS[reading.class_name], 2), air]
    return {
        "traits": traits,
        "ideal": rng.choice(p.IDEALS),
        "bond": rng.choice(p.BONDS),
        "flaw": rng.choice(p.FLAWS),
        "mannerisms": rng.sample(p.MANNERISMS, 2),
    }


def names(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """Names in a species' style; a style that names a theme adds its epithet."""
    text = f"{data.get('species') or ''} {data.get('style') or ''}".lower()
    species, _ = best_match(text, p.SPECIES_KEYWORDS)
    species = species or rng.choice(sorted(p.NAME_PARTS))
    themes = detect_themes(text)
    results: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(results) < int(data.get("count", 5)):
        first = make_name(species, rng)
        name = full_name(first, themes[0]) if themes else first
        if name in seen and len(seen) < 50:
            continue
        seen.add(name)
        note = f"{species} name" + (f" with a {themes[0].name} epithet" if themes else "")
        results.append({"name": name, "note": note})
    return {"names": results}


def npc(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """An NPC whose stat block follows the description (the catalog's match first)."""
    description = str(data["description"])
    reading = read_text(description + " " + str(data.get("setting") or ""), rng)
    role_block, role_words = best_match(reading.text, p.NPC_ROLES)
    stat_block = hints.creature or role_block or "Commoner"
    role = role_words[0].title() if role_words else "Stranger with a story"
    first = make_name(reading.species, rng)
    trait_pool = [trait for cls in sorted(p.TRAITS) for trait in p.TRAITS[cls]]
    return {
        "name": f"{first} of {rng.choice(p.NPC_HOMES)}",
        "species": reading.species,
        "role": role,
        "appearance": f"{_article(reading.species).title()} {reading.species.lower()} with "
                      f"{p.SPECIES_LOOKS[reading.species]}; {first} {reading.theme.imagery}.",
        "personality": " ".join(rng.sample(trait_pool, 2)),
        "motivation": rng.choice(p.MOTIVATIONS).capitalize() + ".",
        "secret": f"{first} {rng.choice(p.SECRETS)}.",
        "voice": rng.choice(p.VOICES).capitalize() + ".",
        "stat_block": stat_block,
    }


def item(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A magic item: category and base item from the description, power from the rarity."""
    reading = read_text(str(data["description"]), rng)
    category, category_words = best_match(reading.text, p.ITEM_CATEGORIES)
    category = category or "wondrous item"
    base_word = next((w for w in category_words if w in p.ITEM_BASES), None)
    base = p.ITEM_BASES.get(base_word or "", None)
    rarity = data.get("rarity") or rng.choice(("uncommon", "uncommon", "rare", "rare", "very rare"))
    theme = reading.theme
    damage = p.DAMAGE_BY_THEME[theme.name]
    label = base or (category_words[0].title() if category_words else "Charm")
    bonus = p.RARITY_BONUS[rarity]
    power = bonus if rarity == "common" else f"a {rarity} enchantment"
    properties: list[str] = []
    if category == "weapon":
        properties = [f"{bonus} to attack and damage rolls" if rarity != "common" else "Glows faintly on command",
                      f"Once per turn, an extra 1d6 {damage} damage on a hit"]
    elif category == "armor":
        properties = [f"{bonus} to Armor Class" if rarity != "common" else "Never rusts or stains",
                      f"Resistance to {damage} damage"]
    else:
        properties = [f"3 charges, regained at dawn; spend 1 to deal 2d6 {damage} damage to a creature within 30 feet "
                      f"({p.SAVES_BY_THEME[theme.name]} save halves)"]
    return {
        "name": f"{label} of {p.THEME_NOUNS[theme.name]}",
        "category": category,
        "rarity": rarity,
        "requires_attunement": rarity not in ("common", "uncommon"),
        "description": f"This {label.lower()} {theme.imagery}. It carries {power} tied to {theme.name}.",
        "properties": properties,
        "base_item": base,
    }


def spell(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A spell in the theme of the description, its damage scaled with its level."""
    reading = read_text(str(data["description"]), rng)
    theme = reading.theme
    level = data.get("level")
    level = int(level) if level is not None else rng.choice((1, 1, 2, 3))
    damage = p.DAMAGE_BY_THEME[theme.name]
    dice = "1d10" if level == 0 else f"{level + 2}d6"
    save = p.SAVES_BY_THEME[theme.name]
    similar = [s.name for s in hints.spells if s.level == level][:3] or list(
        (theme.cantrips if level == 0 else theme.spells)[:3])
    return {
        "name": f"{p.THEME_ADJECTIVES[theme.name]} {p.SPELL_FORMS[theme.name]}",
        "level": level,
        "school": p.SPELL_SCHOOLS_BY_THEME[theme.name],
        "casting_time": "Action",
        "range": "60 feet" if level == 0 else "120 feet",
        "components": ["V", "S", "M"],
        "material": theme.keepsake,
        "duration": "Instantaneous",
        "concentration": False,
        "description": f"You call on {theme.name}: one creature you can see within range makes a {save} saving "
                       f"throw, taking {dice} {damage} damage on a failed save or half as much on a success.",
        "higher_levels": None if level == 0
        else f"The damage increases by 1d6 for each spell slot level above {level}.",
        "similar_srd_spells": similar,
    }


def feat(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A feat whose category follows the description's words."""
    text = str(data["description"]).lower()
    reading = read_text(text, rng)
    theme = reading.theme
    if _hits(text, ("epic", "boon", "legendary", "level 19")):
        category, prerequisite = "Epic Boon", "Level 19+"
    elif _hits(text, ("fighting style", "archery", "weapon style", "stance")):
        category, prerequisite = "Fighting Style", "Fighting Style Feature"
    elif _hits(text, ("origin", "background", "level 1", "starting")):
        category, prerequisite = "Origin", None
    else:
        category, prerequisite = "General", "Level 4+"
    ability = p.CLASS_ABILITIES[reading.class_name][0]
    benefits = [f"{p.THEME_ADJECTIVES[theme.name]} Strike. Once per turn when you hit a creature, you can deal an "
                f"extra 1d6 {p.DAMAGE_BY_THEME[theme.name]} damage to it."]
    if category in ("General", "Epic Boon"):
        limit = 30 if category == "Epic Boon" else 20
        benefits.insert(0, f"Ability Score Increase. Increase your {ability} score by 1, to a maximum of {limit}.")
    benefits.append(f"{p.THEME_NOUNS[theme.name].replace('the ', '').title()} Sense. You have Advantage on checks "
                    f"to recall lore about {theme.name}.")
    return {
        "name": f"{p.THEME_ADJECTIVES[theme.name]} {rng.choice(p.FEAT_NOUNS)}",
        "category": category,
        "prerequisite": prerequisite,
        "repeatable": False,
        "benefits": benefits,
    }


def species(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A species: type, size and traits from the description's theme."""
    reading = read_text(str(data["description"]), rng)
    theme = reading.theme
    small = bool(_hits(reading.text, ("small", "little", "tiny", "short")))
    fast = bool(_hits(reading.text, ("fast", "swift", "quick", "runner", "fleet")))
    starts, ends = p.NAME_PARTS[reading.species]
    name = rng.choice(starts) + rng.choice(ends).lower() + "i"
    traits = [
        {"name": f"{p.THEME_ADJECTIVES[theme.name]} Heritage",
         "description": f"You have Resistance to {p.DAMAGE_BY_THEME[theme.name]} damage."},
        {"name": "Darkvision" if theme.name in ("shadow", "death", "fiend", "stars") else "Keen Senses",
         "description": "You see in Dim Light within 60 feet as if it were Bright Light."
         if theme.name in ("shadow", "death", "fiend", "stars") else "You have proficiency in the Perception skill."},
        {"name": f"Gift of {p.THEME_NOUNS[theme.name].replace('the ', '').title()}",
         "description": f"You know one cantrip of your choice tied to {theme.name}"
                        + (f", such as {theme.cantrips[0]}" if theme.cantrips else "")
                        + ". Intelligence, Wisdom, or Charisma is your spellcasting ability for it."},
    ]
    return {
        "name": name,
        "creature_type": p.CREATURE_TYPES_BY_THEME.get(theme.name, "Humanoid"),
        "size": "Small" if small else "Medium",
        "speed": 35 if fast else 30,
        "traits": traits,
    }


def _level_ranges(start: int, end: int, parts: int) -> list[str]:
    end = max(start, end)
    span = end - start + 1
    bounds = [start + (span * i) // parts for i in range(parts + 1)]
    ranges = []
    for i in range(parts):
        low, high = bounds[i], max(bounds[i], bounds[i + 1] - 1)
        ranges.append(f"{low}-{high}" if high > low else str(low))
    return ranges


def campaign_outline(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """Three acts over the level range, with the premise's themes, factions and places."""
    premise = str(data["premise"])
    reading = read_text(premise, rng)
    theme = reading.theme
    faction, rival = rng.sample(p.FACTIONS, 2)
    places = rng.sample(p.PLACES, 4)
    ranges = _level_ranges(int(data.get("start_level", 1)), int(data.get("end_level", 10)), 3)
    villain = make_name(rng.choice(sorted(p.NAME_PARTS)), rng)
    patron = make_name(reading.species, rng)
    acts = [
        {"title": f"Act I: {p.THEME_NOUNS[theme.name].replace('the ', '').title()} Rising", "levels": ranges[0],
         "summary": f"Strange signs of {theme.name} trouble {places[0]}. The heroes meet {patron}, who asks for help "
                    f"and hides why; {faction} is already watching."},
        {"title": "Act II: The Hidden Hand", "levels": ranges[1],
         "summary": f"The trail leads to {places[1]} and {places[2]}, where {rival} turns out to serve {villain}. "
                    f"{rng.choice(p.COMPLICATIONS).capitalize()}."},
        {"title": f"Act III: {p.THEME_ADJECTIVES[theme.name]} Reckoning", "levels": ranges[2],
         "summary": f"At {places[3]} the heroes face {villain}; if they fail, {rng.choice(p.STAKES)}."},
    ]
    themes = [theme.name for theme in reading.themes[:3]]
    if data.get("tone"):
        themes.append(_clip(str(data["tone"]), 60))
    return {
        "title": f"The {p.THEME_ADJECTIVES[theme.name]} {rng.choice(('Crown', 'Pact', 'Oath', 'Door', 'Year'))}",
        "premise": _clip(premise, 1500),
        "themes": themes,
        "acts": acts,
        "major_npcs": [{"name": villain, "role": "the villain behind " + rival},
                       {"name": patron, "role": "a patron with a secret"},
                       {"name": make_name(rng.choice(sorted(p.NAME_PARTS)), rng), "role": "a voice of " + faction}],
        "locations": places,
    }


def story_hooks(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """Hooks that carry the context's theme to places, with stakes and complications."""
    reading = read_text(str(data["context"]), rng)
    count = int(data.get("count", 3))
    level = int(data.get("party_level", 1))
    danger = "a local" if level <= 4 else "a regional" if level <= 10 else "a world-shaking"
    hooks = []
    incidents = rng.sample(p.INCIDENTS, count)
    stakes = rng.sample(p.STAKES, count)
    for i, (title, place) in enumerate(zip(rng.sample(p.HOOKS, count), rng.sample(p.PLACES, count), strict=True)):
        theme = reading.themes[i % len(reading.themes)]
        happening = p.THEME_EVENTS[theme.name] if i == 0 else incidents[i]
        hooks.append({
            "title": title,
            "summary": f"In {place}, {happening}: {danger} threat, and every sign points to {theme.name}.",
            "stakes": f"If the party fails, {stakes[i]}.",
            "complication": rng.choice(p.COMPLICATIONS).capitalize() + ".",
        })
    return {"hooks": hooks}


_RENAME = re.compile(r"\b(?:name(?:d)?|call(?:ed)?)\s+(?:(?:him|her|them|it)\s+)?"
                     r"([A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_PROPER = re.compile(r"\b([A-Z][a-z\u2019']+(?:\s+[A-Z][a-z\u2019']+){0,2})")
_NOT_NAMES = {"The", "A", "An", "We", "They", "He", "She", "It", "Then", "After", "Later", "Finally", "I", "Our",
              "Who", "What", "Why", "Where", "When", "How", "Their", "His", "Her", "This", "That", "Next"}
#: A capitalised name right after one of these is a place or a group, not someone the party met.
_PLACE_WORDS = {"at", "to", "in", "from", "reached", "of", "near", "into", "toward", "towards", "the", "across"}


def _people(sentence: str) -> list[str]:
    people = []
    for match in _PROPER.finditer(sentence):
        words = match.group(1).split()
        if words[0] in _NOT_NAMES:
            continue
        before = sentence[: match.start()].split()
        if before and before[-1].lower() in _PLACE_WORDS:
            continue
        people.append(" ".join(words))
    return people


def session_recap(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A recap built only from the notes: their sentences as events, their capitalised names as NPCs,
    their questions and open promises as loose threads."""
    notes = str(data["notes"])
    sentences = [_clip(s.strip(" -*•"), 300) for s in _SENTENCE.split(notes) if len(s.strip(" -*•")) > 2]
    sentences = sentences or [_clip(notes, 300)]
    npcs: list[str] = []
    for sentence in sentences:
        for name in _people(sentence):
            if name not in npcs and not any(name in known for known in npcs):
                npcs.append(name)
    threads = [s for s in sentences if s.endswith("?") or _hits(s.lower(), ("promise*", "unknown", "still", "yet",
                                                                              "next", "unresolved", "escaped"))]
    campaign = data.get("campaign")
    title = _clip(("" if not campaign else f"{campaign}: ") + sentences[0].rstrip("."), 200)
    summary = " ".join(sentences[:3])
    return {
        "title": title,
        "summary": _clip(summary, 3000),
        "key_events": sentences[:12],
        "npcs_met": npcs[:12],
        "loose_threads": threads[:8],
    }


def antitheticon(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """A mastermind, false identities that shadow the party, layered plots and mirrored counterparts."""
    premise = str(data["premise"])
    party = [str(hero) for hero in data.get("party", [])] or ["the party's leader", "the party's scholar"]
    reading = read_text(premise, rng)
    theme = reading.theme
    mastermind = full_name(make_name(reading.species, rng), theme)
    aliases = rng.sample(p.ALIAS_TITLES, 3)
    agents = [make_name(rng.choice(sorted(p.NAME_PARTS)), rng) for _ in aliases]
    identities = [
        {"alias": alias, "worn_by": agent if i else mastermind,
         "purpose": purpose,
         "tell": tell}
        for i, (alias, agent, purpose, tell) in enumerate(zip(
            aliases, agents,
            ("win the heroes' trust as their patron", "feed the heroes false rumours",
             "keep the real plan's ledgers"),
            (f"{theme.keepsake} that never leaves their side", "knows a detail only the villain could know",
             "signs with the wrong hand when tired"), strict=True))
    ]
    layers = [
        {"depth": 1, "apparent_plot": f"A crime wave tied to {theme.name} grips {rng.choice(p.PLACES)}.",
         "hidden_truth": f"The crimes are staged so the heroes will ask {aliases[0]} for help.",
         "reveal_trigger": "The heroes catch two 'rival' gangs sharing one paymaster."},
        {"depth": 2, "apparent_plot": f"{aliases[0]} guides the heroes against {rng.choice(p.FACTIONS)}.",
         "hidden_truth": f"Every victory removes an obstacle from {mastermind}'s path.",
         "reveal_trigger": f"A defeated enemy recognises {aliases[1]}'s voice."},
        {"depth": 3, "apparent_plot": "The heroes believe they are one step from the truth.",
         "hidden_truth": f"{mastermind} wants to replace the heroes with counterparts and take their legend.",
         "reveal_trigger": "A counterpart is seen somewhere a hero could not have been."},
    ]
    counterparts = []
    for hero in party[:8]:
        hero_reading = read_text(hero, rng)
        counterparts.append({
            "mirrors": _clip(hero, 200),
            "name": full_name(make_name(hero_reading.species, rng), hero_reading.theme),
            "twist": f"A {hero_reading.class_name.lower()} who {rng.choice(p.COUNTERPART_TWISTS)}.",
        })
    return {
        "title": f"The {p.THEME_ADJECTIVES[theme.name]} Mirror",
        "mastermind": mastermind,
        "mastermind_goal": "to become the heroes in the eyes of the world, then betray everything they stood for",
        "identities": identities,
        "layers": layers,
        "counterparts": counterparts,
    }


def _levels(acts: list[dict[str, Any]]) -> tuple[int, int]:
    numbers = [int(n) for act in acts for n in re.findall(r"\d+", str(act.get("levels", "")))]
    return (min(numbers), max(numbers)) if numbers else (1, 10)


def _refine_input(task: str, previous: dict[str, Any], feedback: str) -> dict[str, Any] | None:
    """An input for ``task`` that carries the feedback first (so its words lead) and what the previous
    output established; None for tasks whose input cannot be rebuilt from their output."""
    rarity = next((r for r in ("very rare", "legendary", "artifact", "uncommon", "common", "rare")
                   if re.search(r"\b" + r + r"\b", feedback.lower())), None)
    level = re.search(r"\blevel (\d)\b", feedback.lower())
    match task:
        case "backstory":
            return {"concept": f"{feedback} {previous.get('title', '')}",
                    "name": str(previous.get("title", "")).split(" of ")[-1] or None}
        case "personality":
            return {"concept": feedback}
        case "name":
            notes = [str(n.get("note", "")) for n in previous.get("names", []) if isinstance(n, dict)]
            kind = notes[0].split()[0] if notes and notes[0] else None
            return {"species": kind if kind in p.NAME_PARTS else None, "style": feedback,
                    "count": max(1, len(notes))}
        case "npc":
            return {"description": f"{feedback} {previous.get('species', '')} {previous.get('role', '')}"}
        case "item":
            return {"description": f"{feedback} {previous.get('base_item') or ''} {previous.get('category', '')}",
                    "rarity": rarity or previous.get("rarity")}
        case "spell":
            return {"description": f"{feedback} {previous.get('name', '')}",
                    "level": int(level.group(1)) if level else previous.get("level")}
        case "feat":
            return {"description": f"{feedback} {previous.get('category', '')} {previous.get('name', '')}"}
        case "species":
            return {"description": f"{feedback} {previous.get('size', '')} {previous.get('name', '')}"}
        case "campaign_outline":
            start, end = _levels(list(previous.get("acts", [])))
            return {"premise": f"{feedback} {previous.get('premise', '')}", "start_level": start, "end_level": end}
        case "story_hook":
            return {"context": feedback, "count": max(1, len(previous.get("hooks", [])))}
        case "antitheticon":
            party = [str(c.get("mirrors", "")) for c in previous.get("counterparts", []) if isinstance(c, dict)]
            return {"premise": f"{feedback} {previous.get('title', '')}", "party": party}
    return None


def refine(data: dict[str, Any], rng: random.Random, hints: CatalogHints) -> dict[str, Any]:
    """Revise a previous output offline: rebuild it from an input that leads with the feedback's words
    (a class, species, theme, rarity, level, ...) and carries what the previous output established;
    keep names the feedback does not change ("call her Pip" renames). Session recaps keep their notes'
    content and only take a new title name."""
    previous = dict(data["previous"])
    feedback = str(data["feedback"])
    lowered = feedback.lower()
    task = str(data["task"])
    rename = _RENAME.search(feedback)
    revised = previous
    if task == "character_concept":
        cls, _ = best_match(lowered, p.CLASS_KEYWORDS)
        kind, _ = best_match(lowered, p.SPECIES_KEYWORDS)
        background, _ = best_match(lowered, p.BACKGROUND_KEYWORDS)
        if cls or kind or background or detect_themes(lowered):
            concept = " ".join(filter(None, [cls, kind, background, feedback, previous.get("summary", "")]))
            revised = character_concept({"concept": concept, "level": previous.get("level", 1)}, rng, hints)
            revised["name"] = previous.get("name", revised["name"])
            revised["rationale"] = _clip(f"Revised after feedback: {feedback.rstrip('.')}. " + revised["rationale"],
                                         4000)
    else:
        rebuilt = _refine_input(task, previous, feedback)
        if rebuilt is not None:
            from llm_service.tasks.registry import TASKS  # the task models; imported here to keep this module light

            try:
                task_input = TASKS[task].input_model.model_validate(
                    {key: _clip(value, 900) if isinstance(value, str) else value for key, value in rebuilt.items()})
            except ValueError:
                task_input = None
            if task_input is not None:
                revised = WRITERS[task](task_input.model_dump(mode="json"), rng, hints)
                if task == "npc":
                    revised["name"] = previous.get("name", revised["name"])
    if rename and "name" in revised and isinstance(revised["name"], str):
        revised["name"] = rename.group(1)
    return revised


WRITERS: dict[str, Callable[[dict[str, Any], random.Random, CatalogHints], dict[str, Any]]] = {
    "character_concept": character_concept,
    "backstory": backstory,
    "personality": personality,
    "name": names,
    "npc": npc,
    "item": item,
    "spell": spell,
    "feat": feat,
    "species": species,
    "campaign_outline": campaign_outline,
    "story_hook": story_hooks,
    "session_recap": session_recap,
    "antitheticon": antitheticon,
    "refine": refine,
}


def seed_for(task: str, task_input: dict[str, Any], seed: int | None) -> int:
    """The RNG seed of one generation: a hash of the task, the canonical input and the caller's seed."""
    canonical = json.dumps({"task": task, "input": task_input, "seed": seed}, sort_keys=True, ensure_ascii=False)
    return int.from_bytes(hashlib.sha256(canonical.encode()).digest()[:8], "big")


def generate(task: str, task_input: dict[str, Any], *, seed: int | None = None,
             hints: CatalogHints | None = None) -> dict[str, Any]:
    """The offline output of ``task`` for ``task_input`` (already validated by the task's input model)."""
    writer = WRITERS[task]
    return writer(task_input, random.Random(seed_for(task, task_input, seed)), hints or CatalogHints())
