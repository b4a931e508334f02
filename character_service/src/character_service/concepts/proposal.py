"""A build proposal: what a concept asks for, before the rules engine has a say.

A proposal comes from the LLM service (``character_concept`` output, names in words) or, when no
model answers, from the concept vocabulary. Every choice carries the concept words behind it and a
one-line reason, which the explanation reuses.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from character_service.concepts.vocabulary import Hit, normalise, ranked, read_concept, seed_of
from character_service.rules.abilities import ABILITIES, SKILLS
from character_service.rules.data.backgrounds import BACKGROUNDS
from character_service.rules.data.classes import CLASSES
from character_service.rules.data.equipment import ARMOR, WEAPONS
from character_service.rules.data.species import SPECIES


@dataclass(slots=True)
class Choice:
    """One proposed choice, the concept element behind it and why."""

    value: str
    concept: str
    reason: str


@dataclass(slots=True)
class Proposal:
    """Everything the pipeline needs to assemble a build."""

    concept: str
    level: int
    origin: str  # "llm:<provider>/<model>" or "vocabulary"
    species: Choice
    klass: Choice
    background: Choice
    lineage: str | None = None
    abilities: list[str] = field(default_factory=list)  # priorities, highest first
    skills: list[str] = field(default_factory=list)
    #: Expertise wanted first (a refinement keeps the draft's).
    expertise: list[str] = field(default_factory=list)
    origin_feat: str | None = None
    spells: list[str] = field(default_factory=list)
    weapons: list[str] = field(default_factory=list)
    name: str = ""
    summary: str = ""
    personality: dict[str, str] = field(default_factory=dict)
    backstory: str = ""
    ability_method: str = "standard_array"
    themes: list[str] = field(default_factory=list)
    #: Spells outside the pipeline's own table that the catalog confirmed for the class: id -> level.
    extra_spells: dict[str, int] = field(default_factory=dict)
    #: Items outside the rules tables, as inline items linked to a catalog entry (reused or generated).
    gear: list[dict[str, Any]] = field(default_factory=list)
    #: What the model called each non-weapon item, by id (for catalog look-ups and generated names).
    item_names: dict[str, str] = field(default_factory=dict)


_SYLLABLES = {
    "dwarf": (("Bru", "Dag", "Thor", "Gim", "Har", "Ket"), ("nor", "rin", "dak", "gar", "lin", "bek")),
    "elf": (("Ae", "Ily", "Syl", "Thal", "Lae", "Fin"), ("riel", "wen", "andor", "lith", "vyr", "nae")),
    "gnome": (("Bim", "Fizz", "Nim", "Orla", "Tink", "Wren"), ("ble", "wick", "dle", "sprocket", "kin", "pip")),
    "halfling": (("Mer", "Pip", "Ros", "Tob", "Lid", "Cora"), ("ry", "pin", "ie", "bin", "da", "wyn")),
    "orc": (("Gro", "Ush", "Kar", "Mog", "Vol", "Shu"), ("mash", "rak", "gul", "dra", "thak", "za")),
    "goliath": (("Kav", "Thun", "Lo", "Gae", "Man", "Eglath"), ("aki", "ak", "gath", "ul", "eo", "ith")),
    "dragonborn": (("Arj", "Bal", "Kri", "Medr", "Sor", "Vyr"), ("han", "asar", "v", "ash", "ra", "ax")),
    "tiefling": (("Ak", "Dam", "Mor", "Nem", "Ri", "Zel"), ("menos", "akos", "thos", "eia", "eta", "ia")),
    "human": (("Ale", "Bren", "Cas", "Mara", "Ed", "Tess"), ("ric", "da", "sia", "wyn", "mund", "ra")),
}


def invent_name(species: str, seed: int) -> str:
    """A pronounceable name in the species' style, the same for the same concept."""
    rng = random.Random(seed)
    first, second = _SYLLABLES.get(species, _SYLLABLES["human"])
    return rng.choice(first) + rng.choice(second)


def _best(hits: list[Hit], attribute: str, options: list[str], seed: int, forced: str | None, what: str,
          default_reason: str) -> Choice:
    if forced is not None:
        return Choice(forced, "constraints", f"the {what} was fixed by the request")
    choice, score, voters = ranked(hits, attribute, options, seed)[0]
    if score == 0 or not voters:
        return Choice(choice, "(none)", default_reason)
    words = ", ".join(dict.fromkeys(f"“{hit.word}”" for hit in voters[:3]))
    labels = ", ".join(dict.fromkeys(hit.cue.label for hit in voters[:3]))
    return Choice(choice, words, f"the concept's {labels} fits this {what} best")


def from_vocabulary(concept: str, level: int, *, class_id: str | None = None, species_id: str | None = None,
                    ability_method: str = "standard_array", theme: str | None = None) -> Proposal:
    """The offline proposal: the concept (and theme) read against the vocabulary, seeded by its text."""
    text = f"{concept} {theme or ''}"
    seed = seed_of(text)
    hits = read_concept(text)
    klass = _best(hits, "classes", sorted(CLASSES), seed, class_id, "class",
                  "nothing in the concept named a calling; picked from the concept's seed")
    species = _best(hits, "species", sorted(SPECIES), seed, species_id, "species",
                    "no people or heritage named; the concept's seed chose")
    if species.concept == "(none)" and klass.concept != "(none)":
        species = Choice("human", "(none)", "no people or heritage named; a human suits any calling")
    background = _best(hits, "backgrounds", sorted(BACKGROUNDS), seed, None, "background",
                       "the background that best supports the class")
    if background.concept == "(none)":
        fallback = {"wizard": "sage", "cleric": "acolyte", "druid": "sage", "rogue": "criminal",
                    "warlock": "acolyte", "sorcerer": "sage", "bard": "criminal", "monk": "acolyte"}
        background = Choice(fallback.get(klass.value, "soldier"), "(class)",
                            "no past named; the background whose abilities help this class")
    cdef = CLASSES[klass.value]
    primary = list(cdef.primary)
    secondary = ["constitution", "dexterity", "wisdom"] if cdef.caster else ["constitution", "dexterity", "strength"]
    priorities = list(dict.fromkeys([*primary, *secondary, *ABILITIES]))
    skills = [s for hit in hits for s in hit.cue.skills]
    weapons = [w for hit in hits for w in hit.cue.weapons]
    lineage = next((hit.cue.lineage for hit in hits if hit.cue.lineage
                    and SPECIES[species.value].lineages and hit.cue.lineage in (SPECIES[species.value].lineages or {})),
                   None)
    themes = list(dict.fromkeys(hit.cue.label for hit in hits))
    return Proposal(concept=concept, level=level, origin="vocabulary", species=species, klass=klass,
                    background=background, lineage=lineage, abilities=priorities, skills=skills, weapons=weapons,
                    name=invent_name(species.value, seed), summary=concept.strip()[:200],
                    ability_method=ability_method, themes=themes)


def _id(name: str) -> str:
    name = re.sub(r"\(.*?\)", "", name)
    return normalise(name).strip().replace(" ", "_").replace("-", "_").replace("'", "")


def from_llm(concept: str, level: int, output: dict[str, Any], origin: str, *, class_id: str | None = None,
             species_id: str | None = None, ability_method: str = "standard_array",
             theme: str | None = None) -> Proposal:
    """The proposal a model made (``CharacterConceptOutput``), names mapped to rules ids; constraints win
    over the model. The vocabulary fills what the output leaves out."""
    base = from_vocabulary(concept, level, class_id=class_id, species_id=species_id,
                           ability_method=ability_method, theme=theme)
    rationale = str(output.get("rationale") or "").strip()
    why = (rationale[:160] + "…") if len(rationale) > 160 else rationale
    reason = why or "the model's reading of the concept"
    # The offline provider is a phrase table; where the concept names something the vocabulary knows
    # (a calling, a people, a famous character), the vocabulary's reading is the more faithful one.
    trust_words = origin.startswith("llm:offline")
    keep_class = class_id is not None or (trust_words and base.klass.concept not in ("(none)", "(class)"))
    keep_species = species_id is not None or (trust_words and base.species.concept != "(none)")
    if not keep_class and output.get("class_name"):
        base.klass = Choice(_id(str(output["class_name"])), "model", reason)
    if not keep_species and output.get("species"):
        base.species = Choice(_id(str(output["species"])), "model", reason)
    model_class = _id(str(output.get("class_name") or ""))
    agrees = model_class == base.klass.value
    if output.get("background") and (agrees or not trust_words):
        base.background = Choice(_id(str(output["background"])), "model", reason)
    priorities = [_id(str(a)) for a in output.get("ability_priorities") or []]
    if priorities and agrees:
        base.abilities = list(dict.fromkeys([*priorities, *ABILITIES]))
    skills = [_id(str(s)) for s in output.get("skills") or []]
    base.skills = [s for s in skills if s in SKILLS] + base.skills if agrees else base.skills + skills
    if output.get("origin_feat") and agrees:
        base.origin_feat = _id(str(output["origin_feat"]))
    equipment = [str(e) for e in output.get("equipment") or []]
    items = {_id(e): re.sub(r"\(.*?\)", "", e).strip() for e in equipment}
    if agrees:
        base.spells = [_id(str(s)) for s in output.get("spells") or []]
        base.weapons = list(items) + base.weapons
        base.item_names = items
    else:  # the model's class lost: keep only its flavour items, not its class kit
        base.item_names = {k: v for k, v in items.items() if k not in WEAPONS and k not in ARMOR}
        base.weapons = base.weapons + list(base.item_names)
    if output.get("name"):
        base.name = str(output["name"])[:80]
    if output.get("summary"):
        base.summary = str(output["summary"])[:400]
    base.origin = origin
    return base
