"""Refinement: player feedback ("less magic, more sneaky", "make her a dwarf") -> a new proposal that
changes what the feedback asks for and keeps everything else of the current build."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from character_service.concepts.proposal import Choice, Proposal
from character_service.concepts.vocabulary import Hit, normalise, ranked, read_concept, seed_of
from character_service.rules.abilities import ABILITIES
from character_service.rules.data.backgrounds import BACKGROUNDS
from character_service.rules.data.classes import CLASSES
from character_service.rules.data.species import SPECIES

LESS_MAGIC = re.compile(r"\b(less|no|fewer|without|not so much|moins de|sin|ohne)\s+(magic|spells?|magie|magia)")
MORE_MAGIC = re.compile(r"\b(more|plus de|mas|mehr)\s+(magic|spells?|magie|magia)|\bmagical\b")
NAMED = re.compile(r"\b(?:call (?:her|him|them|it)|named?|rename (?:her|him|them|it) to)\s+([A-Z][\w'-]{1,40})")
LEVEL = re.compile(r"\blevel\s+(\d{1,2})\b")
#: Species the feedback names outright wins over any leaning (the cue's species weight).
SPECIES_NAMED = 5
CLASS_NAMED = 3


@dataclass(slots=True)
class FeedbackReading:
    """What the feedback asks to change, each with the words that asked."""

    changes: dict[str, Choice] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)


def proposal_from_build(concept: str, build: dict[str, Any]) -> Proposal:
    """The proposal that reproduces ``build`` (the starting point of a refinement round)."""
    entry = build["classes"][0]
    kept = "kept from the current draft"
    equipment = [e["item_id"] for e in build.get("equipment", []) if e.get("item_id")]
    spells = [s for ids in build.get("spells", {}).get("cantrips", {}).values() for s in ids]
    spells += [s for ids in build.get("spells", {}).get("prepared", {}).values() for s in ids]
    base = build["ability_scores"]["base"]
    return Proposal(
        concept=concept, level=sum(int(c["level"]) for c in build["classes"]), origin="refinement",
        species=Choice(build["species"]["id"], "current draft", kept),
        klass=Choice(entry["id"], "current draft", kept),
        background=Choice(build["background"]["id"], "current draft", kept),
        lineage=build["species"].get("lineage"),
        abilities=sorted(ABILITIES, key=lambda a: -int(base.get(a, 0))),
        skills=list(build.get("skill_proficiencies", [])), expertise=list(build.get("expertise", [])),
        spells=spells, weapons=equipment,
        name=build.get("name", ""), personality=dict(build.get("personality") or {}),
        backstory=build.get("backstory", ""), ability_method=build["ability_scores"]["method"],
        gear=[{"key": f"gear_{i}", **e["item"]} for i, e in enumerate(build.get("equipment", [])) if e.get("item")],
    )


def read_feedback(feedback: str, current: Proposal) -> FeedbackReading:
    """The changes the feedback asks for (nothing else changes)."""
    reading = FeedbackReading(hits=read_concept(feedback))
    plain = normalise(feedback)
    seed = seed_of(feedback)
    named_species = [h for h in reading.hits if max(h.cue.species.values(), default=0) >= SPECIES_NAMED]
    if named_species:
        species = max(named_species[0].cue.species, key=lambda s: named_species[0].cue.species[s])
        if species != current.species.value:
            reading.changes["species"] = Choice(species, f"“{named_species[0].word}”",
                                                f"the feedback asked for a {SPECIES[species].name}")
    less, more = LESS_MAGIC.search(plain), MORE_MAGIC.search(plain)
    # Only cues that name a calling (weight 3+) move the class; "dwarf" leaning fighter does not.
    class_hits = [h for h in reading.hits if max(h.cue.classes.values(), default=0) >= CLASS_NAMED]
    if class_hits or less or more:
        options = sorted(CLASSES)
        if less:
            options = [c for c in options if CLASSES[c].caster not in ("full", "pact")]
        elif more:
            options = [c for c in options if CLASSES[c].caster is not None]
        scored = ranked(class_hits, "classes", options, seed)
        best, score, _voters = scored[0]
        keep_current = current.klass.value in options and (score == 0 or score <= dict(
            (o, s) for o, s, _ in scored).get(current.klass.value, 0))
        if not keep_current and best != current.klass.value:
            words = ", ".join(f"“{h.word}”" for h in class_hits[:3]) or f"“{(less or more).group(0)}”"  # type: ignore[union-attr]
            why = "less magic" if less else ("more magic" if more else "the feedback's leaning")
            reading.changes["class"] = Choice(best, words, f"{why}: a {CLASSES[best].name} fits the feedback")
    background_hits = [h for h in reading.hits if h.cue.backgrounds]
    if background_hits and "class" in reading.changes:
        bg = ranked(background_hits, "backgrounds", sorted(BACKGROUNDS), seed)[0][0]
        if bg != current.background.value:
            reading.changes["background"] = Choice(bg, f"“{background_hits[0].word}”",
                                                   "a background that matches the new direction")
    named = NAMED.search(feedback)
    if named:
        reading.changes["name"] = Choice(named.group(1), f"“{named.group(0)}”", "the feedback named the character")
    level = LEVEL.search(plain)
    if level and 1 <= int(level.group(1)) <= 20:
        reading.changes["level"] = Choice(level.group(1), f"“{level.group(0)}”", "the feedback set the level")
    return reading


def apply_feedback(current: Proposal, reading: FeedbackReading) -> Proposal:
    """The proposal with the asked-for changes; skills, gear and spells follow a class change."""
    changes = reading.changes
    if "species" in changes:
        current.species = changes["species"]
        current.lineage = next((h.cue.lineage for h in reading.hits if h.cue.lineage
                                and h.cue.lineage in (SPECIES[current.species.value].lineages or {})), None)
        current.name = current.name  # a name survives a change of species
    if "class" in changes:
        current.klass = changes["class"]
        cdef = CLASSES[current.klass.value]
        current.abilities = list(dict.fromkeys([*cdef.primary, "constitution", "dexterity", *ABILITIES]))
        current.skills = [s for h in reading.hits for s in h.cue.skills] + current.skills
        current.weapons = [w for h in reading.hits for w in h.cue.weapons]
        current.spells = []
        current.expertise = []
    if "background" in changes:
        current.background = changes["background"]
    if "name" in changes:
        current.name = changes["name"].value
    if "level" in changes:
        current.level = int(changes["level"].value)
    current.themes = list(dict.fromkeys(h.cue.label for h in reading.hits))
    return current


def build_changes(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    """The top-level build fields that differ, with both values."""
    keys = list(dict.fromkeys([*before, *after]))
    return [{"field": k, "before": before.get(k), "after": after.get(k)} for k in keys if before.get(k) != after.get(k)]
