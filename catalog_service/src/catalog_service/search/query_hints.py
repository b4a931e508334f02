"""Words in a natural-language query that name a content type ("spell to breathe underwater",
"armor for a stealthy rogue"): entries of the named types get a small boost in the fusion."""

from __future__ import annotations

import re

TYPE_WORDS: dict[str, tuple[str, ...]] = {
    "spell": ("spell",),
    "spells": ("spell",),
    "cantrip": ("spell",),
    "cantrips": ("spell",),
    "ritual": ("spell",),
    "monster": ("creature",),
    "monsters": ("creature",),
    "creature": ("creature",),
    "creatures": ("creature",),
    "beast": ("creature",),
    "undead": ("creature",),
    "dragon": ("creature",),
    "fiend": ("creature",),
    "armor": ("armor", "magic_item"),
    "armour": ("armor", "magic_item"),
    "shield": ("armor", "magic_item"),
    "weapon": ("weapon", "magic_item"),
    "weapons": ("weapon", "magic_item"),
    "sword": ("weapon", "magic_item"),
    "bow": ("weapon", "magic_item"),
    "item": ("magic_item", "gear"),
    "items": ("magic_item", "gear"),
    "magic": ("magic_item",),
    "potion": ("magic_item",),
    "ring": ("magic_item",),
    "wand": ("magic_item",),
    "staff": ("magic_item",),
    "cloak": ("magic_item",),
    "boots": ("magic_item",),
    "feat": ("feat",),
    "feats": ("feat",),
    "background": ("background",),
    "species": ("species",),
    "race": ("species",),
    "class": ("class",),
    "subclass": ("subclass",),
    "tool": ("tool",),
    "tools": ("tool",),
    "kit": ("tool", "gear"),
    "gear": ("gear",),
    "pack": ("gear",),
    "condition": ("condition",),
}


def hinted_types(query: str) -> set[str]:
    """The content types the query's words name (empty when none)."""
    types: set[str] = set()
    for word in re.findall(r"[a-z]+", query.lower()):
        types.update(TYPE_WORDS.get(word, ()))
    return types
