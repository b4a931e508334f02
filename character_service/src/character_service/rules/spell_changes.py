"""When a class may change its spells after character creation (2024 class descriptions):

- prepared spells: Cleric, Druid and Wizard change any of them after a Long Rest (the Wizard from
  the spellbook); Paladin and Ranger replace one after a Long Rest; Bard, Sorcerer and Warlock
  replace one when they gain a level in the class;
- cantrips: Bard, Cleric, Druid, Sorcerer and Warlock replace one when they gain a level in the
  class; the Wizard replaces one after a Long Rest.

An allowance ``{class_id: {"prepared": n, "cantrips": n}}`` is granted by those events and spent by
replacements; adding spells into free places (after a level-up raised the maximum) and removing
spells cost nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, Literal

ALL: Final = 999  # "change any": larger than any list
Event = Literal["long_rest", "level_up"]
ListKind = Literal["prepared", "cantrips"]

#: class -> list kind -> (the event that grants changes, how many replacements it grants)
RULES: Final[dict[str, dict[ListKind, tuple[Event, int]]]] = {
    "bard": {"prepared": ("level_up", 1), "cantrips": ("level_up", 1)},
    "cleric": {"prepared": ("long_rest", ALL), "cantrips": ("level_up", 1)},
    "druid": {"prepared": ("long_rest", ALL), "cantrips": ("level_up", 1)},
    "paladin": {"prepared": ("long_rest", 1)},
    "ranger": {"prepared": ("long_rest", 1)},
    "sorcerer": {"prepared": ("level_up", 1), "cantrips": ("level_up", 1)},
    "warlock": {"prepared": ("level_up", 1), "cantrips": ("level_up", 1)},
    "wizard": {"prepared": ("long_rest", ALL), "cantrips": ("long_rest", 1)},
}

Allowance = dict[str, dict[str, int]]


def granted(allowance: Mapping[str, Mapping[str, int]], event: Event, class_ids: Iterable[str]) -> Allowance:
    """The allowance after ``event`` for ``class_ids`` (a Long Rest: every class; a level-up: the class
    that gained it). Grants do not stack: a second Long Rest still allows one replacement."""
    result: Allowance = {k: dict(v) for k, v in allowance.items()}
    for class_id in class_ids:
        for kind, (trigger, count) in RULES.get(class_id, {}).items():
            if trigger == event:
                result.setdefault(class_id, {})[kind] = count
    return result


def replacements(old: Iterable[str], new: Iterable[str]) -> int:
    """How many spells of ``old`` were swapped for others in ``new`` (pure additions and removals are free)."""
    before, after = set(old), set(new)
    return min(len(before - after), len(after - before))


def describe(class_id: str, kind: ListKind) -> str:
    """The rule in words, for error messages."""
    rule = RULES.get(class_id, {}).get(kind)
    if rule is None:
        return f"a {class_id.title()} does not replace {kind} after choosing them"
    event, count = rule
    what = "any of them" if count >= ALL else "one"
    when = "after a Long Rest" if event == "long_rest" else f"when gaining a {class_id.title()} level"
    return f"a {class_id.title()} replaces {what} {when}"
