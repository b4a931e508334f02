"""Balance checks for homebrew, adaptations and generated content: warnings and errors with reasons.

Errors block a write; warnings are stored with the entry and shown to its readers. Each check
compares the entry's structured mechanics with the SRD-derived numbers in
:mod:`catalog_service.balance.tables`.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from catalog_service.balance.tables import (
    BONUS_RARITY,
    CR_STEPS,
    FEAT_BENEFIT_COST,
    FEAT_BUDGET,
    HP_BY_CR,
    SPECIES_BUDGET,
    SPECIES_TRAIT_COST,
    SPELL_DAMAGE_GUIDELINE,
    XP_BY_CR,
    proficiency_bonus_for_cr,
)
from catalog_service.content.mechanics import (
    RARITIES,
    CreatureMechanics,
    FeatMechanics,
    MagicItemMechanics,
    Mechanics,
    SpeciesMechanics,
    SpellMechanics,
)

#: Over the guideline by more than this factor is an error, below it a warning.
ERROR_FACTOR = 1.25


@dataclass(frozen=True)
class Verdict:
    level: Literal["warning", "error"]
    field: str
    code: str
    reason: str

    def as_dict(self) -> dict[str, Any]:
        """The verdict as JSON-ready data."""
        return asdict(self)


@dataclass(frozen=True)
class BalanceReport:
    verdicts: list[Verdict]

    @property
    def errors(self) -> list[Verdict]:
        """Verdicts that refuse the write."""
        return [v for v in self.verdicts if v.level == "error"]

    @property
    def warnings(self) -> list[Verdict]:
        """Verdicts stored with the entry and shown to readers."""
        return [v for v in self.verdicts if v.level == "warning"]

    @property
    def ok(self) -> bool:
        """No errors."""
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        """``{"ok", "errors", "warnings"}`` as stored in ``entries.balance``."""
        return {
            "ok": self.ok,
            "errors": [v.as_dict() for v in self.errors],
            "warnings": [v.as_dict() for v in self.warnings],
        }


def average_damage(dice: str) -> float:
    """``"8d6"`` -> 28.0, ``"1d6 + 2"`` -> 5.5, ``"1"`` -> 1.0."""
    match = re.fullmatch(r"(\d+)d(\d+)(?: ?([+-]) ?(\d+))?", dice.strip())
    if match is None:
        return float(dice) if dice.strip().isdigit() else 0.0
    count, sides = int(match.group(1)), int(match.group(2))
    bonus = int(match.group(4) or 0) * (-1 if match.group(3) == "-" else 1)
    return count * (sides + 1) / 2 + bonus


def _over(value: float, limit: float, field: str, code: str, what: str) -> list[Verdict]:
    if value <= limit:
        return []
    level: Literal["warning", "error"] = "error" if value > limit * ERROR_FACTOR else "warning"
    return [Verdict(level, field, code, f"{what} {value:g} exceeds the SRD guideline of {limit:g}")]


def check_spell(m: SpellMechanics) -> list[Verdict]:
    """Average damage at the base level against the SRD's best spells of that level."""
    if not m.damage:
        return []
    total = sum(average_damage(roll.dice) for roll in m.damage)
    single, area = SPELL_DAMAGE_GUIDELINE[m.level]
    limit, kind = (area, "area") if m.area is not None else (single, "single-target")
    verdicts = _over(
        total, limit, "mechanics.damage", "spell_damage_over_guideline",
        f"Level {m.level} {kind} average damage",
    )
    if m.level == 0 and m.area is not None and m.area.size_ft > 10:
        verdicts.append(Verdict("warning", "mechanics.area", "cantrip_area_large",
                                "SRD cantrips affect at most a 10-foot area"))
    if m.upcast_dice and m.level > 0 and average_damage(m.upcast_dice) > limit / max(m.level, 1) * 1.5:
        verdicts.append(Verdict("warning", "mechanics.upcast_dice", "upcast_steep",
                                f"{m.upcast_dice} per slot level grows faster than the SRD's spells do"))
    return verdicts


def check_magic_item(m: MagicItemMechanics) -> list[Verdict]:
    """A +N bonus against the rarity the SRD gives that bonus."""
    if m.bonus is None:
        return []
    applies = m.bonus_applies_to or "weapon"
    if m.bonus > 3:
        return [Verdict("error", "mechanics.bonus", "bonus_beyond_srd",
                        f"+{m.bonus} is beyond any SRD item (the highest is +3)")]
    expected = BONUS_RARITY[(applies, m.bonus)]
    have, want = RARITIES.index(m.rarity), RARITIES.index(expected)  # type: ignore[arg-type,unused-ignore]
    if have < want:
        return [Verdict("error", "mechanics.rarity", "rarity_too_low_for_bonus",
                        f"a +{m.bonus} {applies} bonus is {expected.replace('_', ' ')} in the SRD, "
                        f"not {m.rarity.replace('_', ' ')}")]
    if have > want + 1:
        return [Verdict("warning", "mechanics.rarity", "rarity_high_for_bonus",
                        f"a +{m.bonus} {applies} bonus alone is only {expected.replace('_', ' ')} in the SRD")]
    return []


def check_feat(m: FeatMechanics) -> list[Verdict]:
    """The sum of benefit costs against the category's budget."""
    cost = m.ability_increase_amount * FEAT_BENEFIT_COST["ability_increase"]
    for benefit in m.benefits:
        cost += max(benefit.amount, 0.5) * FEAT_BENEFIT_COST[benefit.kind]
    budget = FEAT_BUDGET[m.category]
    verdicts = []
    if cost > budget:
        level: Literal["warning", "error"] = "warning" if cost <= budget + 1 else "error"
        verdicts.append(Verdict(level, "mechanics.benefits", "feat_over_budget",
                                f"benefits cost {cost:g} points; a {m.category.replace('_', ' ')} feat's budget "
                                f"is {budget:g}"))
    if m.ability_increase_max > 20 and m.category != "epic_boon":
        verdicts.append(Verdict("error", "mechanics.ability_increase_max", "ability_cap",
                                "only Epic Boons raise an ability above 20"))
    if m.category == "origin" and m.ability_increase_amount:
        verdicts.append(Verdict("warning", "mechanics.ability_increase_amount", "origin_feat_asi",
                                "SRD origin feats grant no ability increase (backgrounds do)"))
    return verdicts


def species_cost(m: SpeciesMechanics) -> float:
    """Points a species' traits and speed cost."""
    cost = max(0, m.speed - 30) / 5
    for trait in m.traits:
        if trait.kind == "darkvision":
            cost += 2 if trait.amount > 60 else 1
        elif trait.kind == "speed":
            cost += trait.amount / 5
        else:
            cost += max(trait.amount, 1) * SPECIES_TRAIT_COST[trait.kind]
    return float(cost)


def check_species(m: SpeciesMechanics) -> list[Verdict]:
    """Trait points against the budget the SRD species fit in (4 to 6)."""
    cost = species_cost(m)
    if cost <= SPECIES_BUDGET:
        return []
    level: Literal["warning", "error"] = "warning" if cost <= SPECIES_BUDGET + 1 else "error"
    return [Verdict(level, "mechanics.traits", "species_over_budget",
                    f"traits cost {cost:g} points; SRD species stay within {SPECIES_BUDGET:g}")]


def cr_from_hit_points(hp: int) -> float:
    """The CR whose SRD median hit points are closest to ``hp`` (on a log scale)."""
    return float(min(HP_BY_CR, key=lambda cr: abs(math.log(hp) - math.log(HP_BY_CR[cr]))))


def check_creature(m: CreatureMechanics) -> list[Verdict]:
    """XP and Proficiency Bonus must match the CR; hit points should sit near the CR's SRD median."""
    verdicts: list[Verdict] = []
    if m.cr_value not in XP_BY_CR:
        return [Verdict("error", "mechanics.cr_value", "unknown_cr", f"{m.cr_value:g} is not a CR the SRD uses")]
    if m.xp != XP_BY_CR[m.cr_value] and not (m.cr_value == 0 and m.xp == 0):
        verdicts.append(Verdict("error", "mechanics.xp", "xp_mismatch",
                                f"CR {m.cr} is worth {XP_BY_CR[m.cr_value]} XP, not {m.xp}"))
    expected_pb = proficiency_bonus_for_cr(m.cr_value)
    if m.proficiency_bonus != expected_pb:
        verdicts.append(Verdict("error", "mechanics.proficiency_bonus", "proficiency_bonus_mismatch",
                                f"CR {m.cr} has Proficiency Bonus +{expected_pb}, not +{m.proficiency_bonus}"))
    estimated = cr_from_hit_points(m.hp)
    steps = abs(CR_STEPS.index(estimated) - CR_STEPS.index(m.cr_value))
    if steps >= 4:
        level: Literal["warning", "error"] = "error" if steps >= 7 else "warning"
        verdicts.append(Verdict(level, "mechanics.hp", "hp_off_cr",
                                f"{m.hp} HP is typical of CR {estimated:g}, not CR {m.cr}"))
    return verdicts


def check_balance(mechanics: Mechanics) -> BalanceReport:
    """Run the checks that apply to the mechanics' type (other types have none)."""
    verdicts: list[Verdict] = []
    if isinstance(mechanics, SpellMechanics):
        verdicts = check_spell(mechanics)
    elif isinstance(mechanics, MagicItemMechanics):
        verdicts = check_magic_item(mechanics)
    elif isinstance(mechanics, FeatMechanics):
        verdicts = check_feat(mechanics)
    elif isinstance(mechanics, SpeciesMechanics):
        verdicts = check_species(mechanics)
    elif isinstance(mechanics, CreatureMechanics):
        verdicts = check_creature(mechanics)
    return BalanceReport(verdicts)
