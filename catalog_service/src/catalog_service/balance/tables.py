"""Numbers the balance checks compare against, all taken from SRD 5.2 content.

- Spell damage guideline: the highest average total damage of the SRD's own damaging spells at each
  spell level (single target vs area), made non-decreasing; Prismatic Spray and Prismatic Wall are
  left out (their rays are alternatives, not a sum). Fireball (8d6 = 28) sets level 3.
- Creature XP and Proficiency Bonus by CR: the Monsters chapter's table.
- Creature hit points by CR: the median of the SRD stat blocks at each CR (interpolated where the
  SRD has none).
- Magic item bonuses: the rarity the SRD gives each +1/+2/+3 item family.
"""

from __future__ import annotations

#: spell level -> (single-target, area) average damage at the base level
SPELL_DAMAGE_GUIDELINE: dict[int, tuple[float, float]] = {
    0: (6.5, 4.5),
    1: (14.0, 10.5),
    2: (17.5, 13.5),
    3: (28.0, 28.0),
    4: (36.0, 37.5),
    5: (49.5, 37.5),
    6: (75.0, 37.5),
    7: (75.0, 55.0),
    8: (75.0, 55.0),
    9: (78.0, 140.0),
}

CR_STEPS: tuple[float, ...] = (0, 0.125, 0.25, 0.5, *range(1, 31))

XP_BY_CR: dict[float, int] = {
    0: 10, 0.125: 25, 0.25: 50, 0.5: 100, 1: 200, 2: 450, 3: 700, 4: 1100, 5: 1800, 6: 2300, 7: 2900,
    8: 3900, 9: 5000, 10: 5900, 11: 7200, 12: 8400, 13: 10000, 14: 11500, 15: 13000, 16: 15000, 17: 18000,
    18: 20000, 19: 22000, 20: 25000, 21: 33000, 22: 41000, 23: 50000, 24: 62000, 25: 75000, 26: 90000,
    27: 105000, 28: 120000, 29: 135000, 30: 155000,
}


def proficiency_bonus_for_cr(cr: float) -> int:
    """2 up to CR 4, then +1 every 4 CRs (CR 5-8: 3 ... CR 29-30: 9)."""
    if cr < 5:
        return 2
    return 2 + int((cr - 1) // 4)


#: CR -> median hit points of the SRD's creatures
HP_BY_CR: dict[float, float] = {
    0: 3, 0.125: 9, 0.25: 13, 0.5: 21, 1: 26, 2: 45, 3: 65, 4: 76, 5: 104, 6: 123, 7: 126.5, 8: 136,
    9: 161.5, 10: 178, 11: 199, 12: 190, 13: 197.5, 14: 205, 15: 209.5, 16: 220, 17: 249.5, 18: 268,
    19: 287, 20: 333, 21: 341, 22: 423, 23: 481, 24: 526.5, 25: 560, 26: 595, 27: 630, 28: 660, 29: 680,
    30: 697,
}

#: (what the bonus applies to, bonus) -> the lowest rarity the SRD gives it
BONUS_RARITY: dict[tuple[str, int], str] = {
    ("weapon", 1): "uncommon",
    ("weapon", 2): "rare",
    ("weapon", 3): "very_rare",
    ("armor", 1): "rare",
    ("armor", 2): "very_rare",
    ("armor", 3): "legendary",
    ("shield", 1): "uncommon",
    ("shield", 2): "rare",
    ("shield", 3): "very_rare",
    ("ac", 1): "uncommon",
    ("ac", 2): "rare",
    ("ac", 3): "very_rare",
    ("spell", 1): "uncommon",
    ("spell", 2): "rare",
    ("spell", 3): "very_rare",
}

#: Feat benefit costs (points per unit of ``amount``) and budgets per category.
FEAT_BENEFIT_COST: dict[str, float] = {
    "ability_increase": 1.0,
    "skill_proficiency": 1.0,
    "tool_proficiency": 0.5,
    "weapon_proficiency": 0.5,
    "armor_training": 1.0,
    "expertise": 1.5,
    "spell": 1.0,
    "resistance": 1.0,
    "advantage": 1.0,
    "speed": 0.1,
    "hit_points": 1.0,
    "armor_class": 2.0,
    "attack_bonus": 2.0,
    "damage_bonus": 1.0,
    "extra_attack": 4.0,
    "reroll": 1.0,
    "other": 1.0,
}
FEAT_BUDGET: dict[str, float] = {"origin": 3.0, "general": 4.0, "fighting_style": 2.0, "epic_boon": 5.0}

#: Species trait costs (points per unit of ``amount``; darkvision and speed are priced by range).
SPECIES_TRAIT_COST: dict[str, float] = {
    "resistance": 1.0,
    "spellcasting": 2.0,
    "skill_proficiency": 1.0,
    "breath_weapon": 2.0,
    "flight": 3.0,
    "hit_points": 2.0,
    "advantage": 1.0,
    "size_change": 2.0,
    "extra_feat": 3.0,
    "other": 1.0,
}
SPECIES_BUDGET = 6.0
