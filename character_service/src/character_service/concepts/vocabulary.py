"""The concept vocabulary: words of a free-text concept -> weighted leanings toward 2024 rules choices.

The offline path of the pipeline reads a concept with this table alone (no catalog, no model), so a
legal character can always be made. Each cue lists the words (several languages) that trigger it and
what it pulls toward; scores add up and ties break on a seed from the concept text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final


@dataclass(frozen=True, slots=True)
class Cue:
    """One concept idea: the words that name it and the choices it leans toward (weight per choice)."""

    label: str
    words: tuple[str, ...]
    classes: dict[str, int] = field(default_factory=dict)
    species: dict[str, int] = field(default_factory=dict)
    backgrounds: dict[str, int] = field(default_factory=dict)
    skills: tuple[str, ...] = ()
    weapons: tuple[str, ...] = ()
    lineage: str | None = None


def _cue(label: str, words: str, *, c: str = "", s: str = "", b: str = "", skills: str = "", weapons: str = "",
         lineage: str | None = None) -> Cue:
    def weights(spec: str) -> dict[str, int]:
        out: dict[str, int] = {}
        for part in spec.split():
            name, _, weight = part.partition(":")
            out[name] = int(weight or 3)
        return out

    return Cue(label, tuple(words.split("|")), weights(c), weights(s), weights(b), tuple(skills.split()),
               tuple(weapons.split()), lineage)


#: The vocabulary. Words are matched on word starts after accents are removed and text lowercased.
CUES: Final[tuple[Cue, ...]] = (
    # --- martial -------------------------------------------------------------------------------
    _cue("knight", "knight|chevalier|caballero|ritter|cavaliere|paladin|crusader|templar|samurai|騎士|侍",
         c="paladin:4 fighter:3", b="soldier:2", skills="athletics persuasion", weapons="longsword shield"),
    _cue("warrior", "warrior|fighter|soldier|guerrier|soldat|guerrero|krieger|mercenary|gladiator|veteran|"
         "sellsword|guard|legionnaire|戦士", c="fighter:4", b="soldier:3", skills="athletics intimidation",
         weapons="longsword"),
    _cue("rage", "barbarian|berserk|rage|wild|savage|fury|furious|viking|tribal|conan|hulk|angry|barbare|barbaro",
         c="barbarian:5", s="goliath:1 orc:2", b="soldier:1", skills="athletics survival", weapons="greataxe"),
    _cue("archer", "archer|bow|arrow|sniper|marksman|hunter|robin|legolas|hawkeye|arquero|bogen|archere",
         c="ranger:4 fighter:1", s="elf:1", skills="perception stealth", weapons="longbow", lineage="wood_elf"),
    _cue("wilds", "ranger|tracker|scout|forest|woods|wilderness|beast|wolf|aragorn|trapper|waldlaufer|bosque",
         c="ranger:4 druid:1", s="elf:1", skills="survival nature", weapons="longbow shortsword"),
    _cue("martial arts", "monk|martial|kung|karate|fist|punch|ninja|shaolin|bruce|zen|boxer|wrestler|moine|monje",
         c="monk:5", skills="acrobatics insight"),
    _cue("cook", "chef|cook|cleaver|kitchen|butcher|baker|cuisine|cuisinier|cocinero|koch",
         c="fighter:4 rogue:1", s="halfling:1", b="soldier:1", skills="survival perception", weapons="handaxe"),
    # --- sneaky -------------------------------------------------------------------------------
    _cue("thief", "thief|rogue|burglar|pickpocket|voleur|ladron|dieb|ladro|cutpurse|heist|smuggler|pirate|"
         "catburglar|泥棒|thieving", c="rogue:5", s="halfling:1", b="criminal:4",
         skills="sleight_of_hand stealth", weapons="dagger shortsword"),
    _cue("shadow", "assassin|spy|shadow|sneak|sneaky|stealthy|stealth|silent|dark|night|ombre|sombra|schatten|"
         "batman|cloak", c="rogue:4 monk:1 warlock:1", s="elf:1 tiefling:1", b="criminal:2",
         skills="stealth perception", weapons="dagger", lineage="drow"),
    _cue("detective", "detective|sherlock|investigator|inspector|sleuth|mystery|clue|enqueteur|detektiv",
         c="rogue:4 wizard:1", b="sage:2", skills="investigation insight"),
    _cue("charmer", "con|swindler|charlatan|liar|trickster|gambler|scoundrel|noble|courtier|diplomat|politician",
         c="bard:3 rogue:2 warlock:1", skills="deception persuasion"),
    # --- arcane -------------------------------------------------------------------------------
    _cue("wizard", "wizard|mage|magus|sorcier|mago|zauberer|scholar|merlin|dumbledore|harry|potter|"
         "arcane|spellbook|apprentice|professor|academic|library|book|魔法使い|wizardry|magier|wizzard",
         c="wizard:5", s="elf:1 gnome:1", b="sage:4", skills="arcana history", weapons="quarterstaff",
         lineage="high_elf"),
    _cue("sorcery", "sorcerer|sorceress|bloodline|dragon|draconic|innate|chaos|wild magic|storm|lightning|"
         "fire|flame|pyro|burn", c="sorcerer:4 wizard:1", s="dragonborn:2", skills="arcana intimidation"),
    _cue("pact", "warlock|pact|patron|devil|demon|fiend|infernal|hell|cursed|curse|eldritch|cthulhu|cultist|"
         "soul|dark lord|sith|vader|diablo|teufel", c="warlock:5 sorcerer:1", s="tiefling:3", b="criminal:1",
         skills="deception arcana", lineage="infernal"),
    _cue("gunslinger", "gun|gunslinger|pistol|musket|cowboy|rifle|outlaw|sheriff|revolver",
         c="fighter:5 rogue:1", s="human:2", b="soldier:1", skills="perception survival", weapons="pistol musket"),
    _cue("hacker", "hacker|cyber|cyberpunk|computer|netrunner|coder|programmer", c="rogue:4 wizard:2",
         s="gnome:2 human:1", b="criminal:3", skills="investigation sleight_of_hand", weapons="hand_crossbow dagger"),
    _cue("inventor", "clockwork|inventor|tinker|gear|steam|steampunk|machine|robot|automaton|engineer|gadget|"
         "artificer|mechanical", c="wizard:3 fighter:1", s="gnome:3", b="sage:2", skills="investigation arcana",
         lineage="rock_gnome"),
    _cue("necromancy", "necromancer|undead|ghost|grave|death|skeleton|zombie|vampire|lich|spirit|haunted",
         c="wizard:3 warlock:3", s="tiefling:1", skills="arcana religion", lineage="chthonic"),
    # --- divine & nature ----------------------------------------------------------------------
    _cue("faith", "priest|cleric|healer|temple|god|goddess|holy|saint|nun|faith|pray|pretre|sacerdote|"
         "priester|divine|angel|church|medic|nurse|doctor|heal", c="cleric:5 paladin:1", b="acolyte:4",
         skills="religion medicine insight", weapons="mace shield"),
    _cue("nature", "druid|nature|plant|tree|flower|garden|gardener|shapeshift|animal|moon|earth|green|herb|"
         "herbalist|druide|druida|yoda|ent|hippie|vegan", c="druid:5 ranger:1", s="elf:1 gnome:1",
         skills="nature animal_handling medicine", weapons="quarterstaff", lineage="wood_elf"),
    _cue("wisdom", "wise|sage|hermit|old|ancient|master|mentor|elder|sensei|guru|monastery|meditat",
         c="monk:2 cleric:1 druid:1", b="sage:2 acolyte:1", skills="insight history"),
    # --- music & words ------------------------------------------------------------------------
    _cue("music", "bard|song|singer|music|musician|poet|lute|minstrel|actor|storyteller|comedian|jester|clown|"
         "rockstar|rock|dancer|barde|bardo|sanger|joke|pun|funny|performer",
         c="bard:5", s="halfling:1 human:1", skills="performance persuasion", weapons="rapier"),
    # --- species ------------------------------------------------------------------------------
    _cue("dwarf", "dwarf|dwarven|gimli|miner|mine|beard|nain|enano|zwerg|forge|smith|blacksmith|ale",
         s="dwarf:6", c="fighter:1 cleric:1", weapons="warhammer battleaxe"),
    _cue("elf", "elf|elven|elvish|elfe|elfo|elbe|fey|fae|moonlit|graceful|immortal", s="elf:6"),
    _cue("halfling", "halfling|hobbit|bilbo|frodo|small|tiny|little|short|petit|pequeno|klein", s="halfling:5 gnome:2"),
    _cue("gnome", "gnome|gnomish|tinkerer|illusion|prankster|gnomo", s="gnome:6"),
    _cue("orc", "orc|orcish|half-orc|brute|tusk|ork|orco|green skin|strong", s="orc:6"),
    _cue("goliath", "goliath|giant|huge|titan|colossus|tall|big|geant|gigante|riese", s="goliath:6"),
    _cue("dragonborn", "dragonborn|dragonkin|scale|scaled|breath|wyrm|drache", s="dragonborn:6"),
    _cue("tiefling", "tiefling|horn|horned|tail|infernal heritage", s="tiefling:6"),
    _cue("grey wanderer", "gandalf|istari", c="wizard:6", s="human:5", b="sage:2", skills="arcana history",
         weapons="quarterstaff longsword"),
    _cue("human", "human|humain|humano|mensch|farmer|peasant|villager|everyman|ordinary|city", s="human:4"),
    # --- temperament ------------------------------------------------------------------------
    _cue("protector", "protector|guardian|bodyguard|shield|defender|tank|wall|protect", c="fighter:2 paladin:2",
         skills="athletics insight", weapons="shield"),
    _cue("sea", "sailor|sea|ship|captain|ocean|navy|marin|mar|seefahrer", c="fighter:1 rogue:1", b="soldier:1",
         skills="athletics perception", weapons="scimitar"),
    _cue("lost", "lost|amnesia|forgotten|searching|search|quest|name|orphan|exile|wanderer|wandering",
         b="criminal:1 acolyte:1", skills="insight survival"),
)

WORD = re.compile(r"[\w'-]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lowercase and strip accents, so "Chevalier", "chévalier" and "CHEVALIER" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def seed_of(text: str) -> int:
    """A stable seed from a concept text (the same concept always gives the same character)."""
    return int.from_bytes(hashlib.sha256(normalise(text).strip().encode()).digest()[:8], "big")


@dataclass(frozen=True, slots=True)
class Hit:
    """A cue the concept triggered, with the word that triggered it."""

    cue: Cue
    word: str


def read_concept(text: str) -> list[Hit]:
    """Every cue the concept triggers, in the order the concept names them (a cue once)."""
    plain = normalise(text)
    tokens = WORD.findall(plain)
    hits: list[tuple[int, Hit]] = []
    for cue in CUES:
        best: tuple[int, str] | None = None
        for word in cue.words:
            needle = normalise(word)
            if " " in needle or not needle.isascii():
                position = plain.find(needle)
                if position >= 0 and (best is None or position < best[0]):
                    best = (position, word)
                continue
            for index, token in enumerate(tokens):
                if token.startswith(needle) and (len(needle) >= 4 or token == needle):
                    if best is None or index * 8 < best[0]:
                        best = (index * 8, word)
                    break
        if best is not None:
            hits.append((best[0], Hit(cue, best[1])))
    return [hit for _, hit in sorted(hits, key=lambda pair: pair[0])]


def ranked(hits: list[Hit], attribute: str, options: list[str], seed: int) -> list[tuple[str, int, list[Hit]]]:
    """Options scored by the cues (``classes``/``species``/``backgrounds``), best first, with the hits
    that voted for each; ties break on the concept seed."""
    scores: dict[str, int] = dict.fromkeys(options, 0)
    voters: dict[str, list[Hit]] = {option: [] for option in options}
    for order, hit in enumerate(hits):
        for option, weight in getattr(hit.cue, attribute).items():
            if option in scores:
                # Earlier words weigh slightly more: the concept usually leads with its core.
                scores[option] += weight * 10 + max(0, 5 - order)
                voters[option].append(hit)

    def tiebreak(option: str) -> int:
        return int.from_bytes(hashlib.sha256(f"{seed}:{option}".encode()).digest()[:4], "big")

    order_of = sorted(options, key=lambda option: (-scores[option], tiebreak(option)))
    return [(option, scores[option], voters[option]) for option in order_of]
