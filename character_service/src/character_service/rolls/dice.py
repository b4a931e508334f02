"""Turn a roll request into a d20 expression (checks read their bonus from the sheet) and roll it.

Uses the ``d20`` package for every roll: its grammar, its roll tree, and its limits against
abusive expressions (at most 1,000 dice per roll here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import d20

from character_service.rules.conditions import condition_effects
from character_service.rules.sheet import Sheet
from character_service.rules.state import PlayState
from dnd_shared.errors import ErrorDetail, UnprocessableError

Mode = Literal["normal", "advantage", "disadvantage"]
MAX_DICE = 1000
_ABILITIES = {"str": "strength", "dex": "dexterity", "con": "constitution", "int": "intelligence",
              "wis": "wisdom", "cha": "charisma"}
# Conditions that impose Disadvantage, by roll kind (Rules Glossary, each condition's entry).
_DISADVANTAGE_ON = {
    "attack": {"blinded", "poisoned", "prone", "restrained", "frightened"},
    "check": {"poisoned", "frightened"},
    "save_dex": {"restrained"},
}


@dataclass
class PreparedRoll:
    request: str
    expression: str
    kind: str
    notes: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)


def _bad(field_name: str, issue: str) -> UnprocessableError:
    return UnprocessableError("The roll request is not valid.", code="invalid_roll_request",
                              details=[ErrorDetail(field_name, issue)])


def _signed(value: int) -> str:
    return f"+{value}" if value >= 0 else f"-{-value}"


def _ability(name: str) -> str:
    key = name.lower()
    if key in _ABILITIES:
        return _ABILITIES[key]
    if key in _ABILITIES.values():
        return key
    raise _bad("check", f"unknown ability '{name}'")


def prepare_check(check: str, mode: Mode, sheet: Sheet, state: PlayState) -> PreparedRoll:
    """``skill:<id>``, ``save:<ability>``, ``ability:<ability>``, ``attack:<name>``, ``damage:<name>``,
    ``initiative``: the d20 test with its bonus, exhaustion and condition effects applied."""
    kind, _, target = check.partition(":")
    effects = condition_effects(state)
    active = set(effects.conditions) | {c for implied in effects.implied.values() for c in implied}
    notes: list[str] = []
    if kind == "damage":
        attack = next((a for a in sheet["attacks"] if a["name"].lower() == target.lower()), None)
        if attack is None:
            raise _bad("check", f"no attack named '{target}' on the sheet")
        return PreparedRoll(check, str(attack["damage"]), "damage", details={"damage_type": attack["damage_type"]})
    if kind == "skill":
        skill = sheet["skills"].get(target)
        if skill is None:
            raise _bad("check", f"unknown skill '{target}'")
        bonus, roll_kind = int(skill["modifier"]), "check"
    elif kind == "save":
        ability = _ability(target)
        if ability in effects.auto_fail_saves:
            notes.append(f"automatically fails {ability} saving throws")
        bonus, roll_kind = int(sheet["abilities"][ability]["save"]), "save_dex" if ability == "dexterity" else "save"
    elif kind == "ability":
        bonus, roll_kind = int(sheet["abilities"][_ability(target)]["modifier"]), "check"
    elif kind == "initiative" and not target:
        bonus, roll_kind = int(sheet["initiative"]), "check"
        if sheet.get("initiative_advantage"):
            notes.append("advantage on initiative")
            mode = "normal" if mode == "disadvantage" else "advantage"
    elif kind == "attack":
        attack = next((a for a in sheet["attacks"] if a["name"].lower() == target.lower()), None)
        if attack is None:
            raise _bad("check", f"no attack named '{target}' on the sheet")
        if attack["attack_bonus"] is None:
            raise _bad("check", f"'{target}' forces a saving throw; it has no attack roll")
        bonus, roll_kind = int(attack["attack_bonus"]), "attack"
    else:
        raise _bad("check", "use skill:<id>, save:<ability>, ability:<ability>, attack:<name>, damage:<name> "
                            "or initiative")
    penalty = int(sheet["d20_penalty"])
    if penalty:
        notes.append(f"Exhaustion {state.exhaustion}: {penalty} to d20 tests")
    imposed = sorted(_DISADVANTAGE_ON.get(roll_kind, set()) & active)
    if imposed:
        notes.append("disadvantage from " + ", ".join(imposed))
        mode = "normal" if mode == "advantage" else "disadvantage"  # both cancel out
    die = {"normal": "1d20", "advantage": "2d20kh1", "disadvantage": "2d20kl1"}[mode]
    total_bonus = bonus + penalty
    expression = die + (_signed(total_bonus) if total_bonus else "")
    return PreparedRoll(check, expression, roll_kind.split("_")[0], notes,
                        {"bonus": bonus, "d20_penalty": penalty, "mode": mode})


def prepare_expression(expression: str) -> PreparedRoll:
    return PreparedRoll(expression, expression, "expression")


def roll(prepared: PreparedRoll) -> d20.RollResult:
    """Roll with d20, refusing expressions that are malformed or would roll too many dice."""
    try:
        return d20.roll(prepared.expression, allow_comments=False)
    except d20.TooManyRolls as exc:
        raise _bad("expression", f"at most {MAX_DICE} dice per roll") from exc
    except d20.RollError as exc:
        raise _bad("expression", str(exc)) from exc


def natural_d20(result: d20.RollResult) -> int | None:
    """The kept d20 of a d20 test (to spot a natural 1 or 20), if the roll has one."""
    for dice in _dice(result.expr):
        if dice.size == 20 and dice.keptset:
            return int(dice.keptset[0].number)
    return None


def _dice(node: Any) -> list[d20.Dice]:
    found: list[d20.Dice] = []
    if isinstance(node, d20.Dice):
        found.append(node)
    for child in getattr(node, "children", []) or []:
        found.extend(_dice(child))
    return found
