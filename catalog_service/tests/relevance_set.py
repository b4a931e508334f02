"""The labelled relevance set: queries and the entries a user would accept in the top 5.

Three kinds: names with typos, natural-language needs, and filtered queries. A query counts as a
hit when any accepted entry appears in the first five results (recall@5).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Labelled:
    query: str
    accept: tuple[str, ...]
    kind: str  # "typo" | "natural" | "filtered"
    types: tuple[str, ...] = ()
    filters: dict[str, Any] = field(default_factory=dict)


def _t(query: str, *accept: str) -> Labelled:
    return Labelled(query, accept, "typo")


def _n(query: str, *accept: str, types: tuple[str, ...] = ()) -> Labelled:
    return Labelled(query, accept, "natural", types)


def _f(query: str, types: tuple[str, ...], filters: dict[str, Any], *accept: str) -> Labelled:
    return Labelled(query, accept, "filtered", types, filters)


WYRMLINGS = tuple(
    f"{colour} Dragon Wyrmling"
    for colour in ("Black", "Blue", "Brass", "Bronze", "Copper", "Gold", "Green", "Red", "Silver", "White")
)

RELEVANCE_SET: tuple[Labelled, ...] = (
    # --- names, misspelt or loosely written ------------------------------------------------------
    _t("firebal", "Fireball"),
    _t("fire ball", "Fireball"),
    _t("magic missle", "Magic Missile"),
    _t("cure wounds", "Cure Wounds"),
    _t("hunters mark", "Hunter's Mark"),
    _t("longswrd", "Longsword"),
    _t("chain mial", "Chain Mail"),
    _t("goblin warior", "Goblin Warrior"),
    _t("owlbaer", "Owlbear"),
    _t("bag of holdin", "Bag of Holding"),
    _t("potion of heeling", "Potion of Healing"),
    _t("eldrich blast", "Eldritch Blast"),
    _t("counterspel", "Counterspell"),
    _t("lightening bolt", "Lightning Bolt"),
    _t("vorpal swrd", "Vorpal Sword"),
    _t("tieflng", "Tiefling"),
    _t("acolite", "Acolyte"),
    _t("exaustion", "Exhaustion"),
    _t("thieves tools", "Thieves' Tools"),
    _t("explorers pack", "Explorer's Pack"),
    _t("grapler", "Grappler"),
    _t("two weapon fighting", "Two-Weapon Fighting"),
    _t("misty stepp", "Misty Step"),
    _t("adult red dragn", "Adult Red Dragon"),
    _t("studed leather", "Studded Leather Armor"),
    _t("spel scroll", "Spell Scroll"),
    _t("plate armour", "Plate Armor"),
    _t("wizzard", "Wizard"),
    # --- natural-language needs -----------------------------------------------------------------
    _n("spell to breathe underwater", "Water Breathing"),
    _n("armor for a stealthy rogue", "Leather Armor", "Studded Leather Armor", "Elven Chain", "Padded Armor"),
    _n("undead that drains life", "Vampire", "Vampire Spawn", "Wraith", "Wight", "Specter"),
    _n("heal a friend from a distance", "Healing Word", "Mass Healing Word"),
    _n("make myself invisible", "Invisibility", "Greater Invisibility"),
    _n("teleport a short distance", "Misty Step", "Dimension Door"),
    _n("talk to animals", "Speak with Animals"),
    _n("fly through the air", "Fly", "Winged Boots", "Broom of Flying", "Carpet of Flying"),
    _n("stop someone from casting a spell", "Counterspell"),
    _n("bring a dead ally back to life", "Raise Dead", "Revivify", "Resurrection", "True Resurrection"),
    _n("potion that heals", "Potion of Healing", "Potion of Healing (Greater)"),
    _n("giant fire-breathing red dragon", "Adult Red Dragon", "Ancient Red Dragon", "Young Red Dragon",
       "Red Dragon Wyrmling"),
    _n("open a locked door", "Knock", "Thieves' Tools"),
    _n("protect myself from an attack as a reaction", "Shield"),
    _n("trap enemies in sticky webs", "Web"),
    _n("creature whose gaze turns people to stone", "Medusa", "Basilisk", "Cockatrice", "Gorgon"),
    _n("bag that holds more than its size", "Bag of Holding", "Handy Haversack", "Portable Hole"),
    _n("boots to move silently", "Boots of Elvenkind"),
    _n("heavy two-handed weapon with reach", "Glaive", "Halberd", "Pike"),
    _n("weapon you can throw", "Javelin", "Handaxe", "Dagger", "Spear", "Dart", "Light Hammer", "Trident"),
    _n("kit to identify plants and brew remedies", "Herbalism Kit"),
    _n("tool for picking locks", "Thieves' Tools"),
    _n("condition where you cannot move", "Restrained", "Paralyzed", "Grappled", "Stunned", "Petrified"),
    _n("feat to act first in combat", "Alert"),
    _n("lucky small folk", "Halfling"),
    _n("cone of freezing cold spell", "Cone of Cold"),
    _n("heal many allies at once", "Mass Cure Wounds", "Mass Healing Word", "Prayer of Healing", "Mass Heal"),
    _n("force people to tell the truth", "Zone of Truth"),
    _n("charm a person", "Charm Person"),
    _n("summon a magical animal companion", "Find Familiar", "Find Steed", "Conjure Animals"),
    _n("read someone's thoughts", "Detect Thoughts"),
    _n("light in the darkness", "Light", "Dancing Lights", "Daylight", "Continual Flame"),
    # --- filtered --------------------------------------------------------------------------------
    _f("fire", ("spell",), {"level": 3}, "Fireball"),
    _f("healing", ("spell",), {"class": "cleric", "level_max": 1}, "Cure Wounds", "Healing Word"),
    _f("dragon", ("creature",), {"cr_max": 2}, "Pseudodragon", *WYRMLINGS),
    _f("sword", ("magic_item",), {"rarity": "legendary"}, "Vorpal Sword", "Holy Avenger", "Luck Blade",
       "Defender"),
    _f("axe", ("weapon",), {}, "Battleaxe", "Greataxe", "Handaxe"),
    _f("cloak", ("magic_item",), {"attunement": True}, "Cloak of Displacement", "Cloak of Protection",
       "Cloak of Elvenkind", "Cloak of the Bat", "Cloak of the Manta Ray"),
    _f("light quick blade", ("weapon",), {"property": "finesse"}, "Rapier", "Dagger", "Shortsword", "Scimitar"),
    _f("undead", ("creature",), {"cr_max": 1}, "Skeleton", "Zombie", "Ghoul", "Specter", "Shadow"),
    _f("bow", ("weapon",), {}, "Longbow", "Shortbow"),
    _f("identify a magic item", ("spell",), {"ritual": True}, "Identify", "Detect Magic"),
    _f("fire", ("spell",), {"concentration": True}, "Flaming Sphere", "Wall of Fire", "Heat Metal",
       "Incendiary Cloud", "Fire Shield"),
    _f("sleep", ("spell",), {"save": "wisdom"}, "Sleep"),
    _f("giant", ("creature",), {"size": "huge"}, "Hill Giant", "Stone Giant", "Frost Giant", "Fire Giant",
       "Cloud Giant", "Storm Giant"),
    _f("potion", ("magic_item",), {"rarity": "common"}, "Potion of Healing", "Potion of Climbing"),
)
