"""Golden characters: every number worked out by hand from the SRD 5.2 text.

Conventions in the working comments:
- mod = (score - 10) // 2; PB by total level 1-4: +2, 5-8: +3, 9-12: +4, 13-16: +5, 17-20: +6
  (02_CharacterCreation.md, Character Advancement).
- HP: level 1 = full die + Con; later levels fixed die/2+1 + Con (Fixed Hit Points by Class table).
- Standard arrays follow the "Standard Array by Class" table unless stated.
- Passives: 10 + skill modifier (perception, investigation, insight).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pytest

from character_service.rules.build import Build
from character_service.rules.sheet import compute_sheet
from character_service.rules.validation import validate

ABIL = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")
BG_FEAT: dict[str, dict[str, Any]] = {
    "acolyte": {
        "id": "magic_initiate",
        "source": "background",
        "choices": {
            "spell_list": "cleric",
            "ability": "wisdom",
            "cantrips": ["guidance", "sacred_flame"],
            "spell": "bless",
        },
    },
    "criminal": {"id": "alert", "source": "background"},
    "sage": {
        "id": "magic_initiate",
        "source": "background",
        "choices": {
            "spell_list": "wizard",
            "ability": "intelligence",
            "cantrips": ["fire_bolt", "mage_hand"],
            "spell": "shield",
        },
    },
    "soldier": {"id": "savage_attacker", "source": "background"},
}
SUBCLASS = {
    "barbarian": "berserker",
    "bard": "lore",
    "cleric": "life",
    "druid": "land",
    "fighter": "champion",
    "monk": "open_hand",
    "paladin": "devotion",
    "ranger": "hunter",
    "rogue": "thief",
    "sorcerer": "draconic",
    "warlock": "fiend",
    "wizard": "evoker",
}
LANGS = ["elvish", "dwarvish", "giant", "gnomish", "orc", "halfling"]


def mk(
    classes: list[tuple[str, int, dict[str, Any]]],
    species: str,
    bg: str,
    inc: dict[str, int],
    base: tuple[int, ...],
    skills: list[str],
    *,
    lineage: str | None = None,
    size: str | None = None,
    sp_skill: str | None = None,
    asi: Sequence[tuple[str, int, dict[str, int]]] = (),
    boon: tuple[str, dict[str, int]] | None = None,
    equip: Sequence[Any] = (),
    styles: Sequence[str] = (),
    masteries: Sequence[str] = (),
    expertise: Sequence[str] = (),
    method: str = "standard_array",
    tools: Sequence[str] = (),
    sp_ability: str = "charisma",
) -> Build:
    """Build a legal character; every choice that changes a number is an argument."""
    cls = []
    for _i, (cid, lvl, opts) in enumerate(classes):
        cls.append({"id": cid, "level": lvl, "subclass": SUBCLASS[cid] if lvl >= 3 else None, "options": opts})
    feats = [BG_FEAT[bg]]
    if species == "human":
        feats.append({"id": "skilled", "source": "species", "choices": {"tools": ["lute", "flute", "drum"]}})
    for cid, lvl, incs in asi:
        feats.append(
            {
                "id": "ability_score_improvement",
                "source": "class",
                "level": lvl,
                "class_id": cid,
                "choices": {"ability_increases": incs},
            }
        )
    if boon is not None:
        feats.append(
            {
                "id": boon[0],
                "source": "epic_boon",
                "level": 19,
                "class_id": classes[0][0],
                "choices": {"ability_increases": boon[1]},
            }
        )
    n_lang = (
        2
        + sum(1 for c, _l, _o in classes if c == "rogue")
        + sum(2 for c, lv, _o in classes if c == "ranger" and lv >= 2)
    )
    sp: dict[str, Any] = {"id": species}
    if lineage:
        sp["lineage"] = lineage
    if size:
        sp["size"] = size
    if sp_skill:
        sp["skill"] = sp_skill
    if species in ("elf", "gnome", "tiefling"):
        sp["spellcasting_ability"] = sp_ability
    eq = [e if isinstance(e, dict) else {"item_id": e, "equipped": True} for e in equip]
    return Build.model_validate(
        {
            "name": "golden",
            "species": sp,
            "background": {"id": bg, "ability_increases": inc},
            "classes": cls,
            "ability_scores": {"method": method, "base": dict(zip(ABIL, base, strict=False))},
            "skill_proficiencies": skills,
            "expertise": list(expertise),
            "languages": LANGS[:n_lang],
            "tool_proficiencies": list(tools),
            "feats": feats,
            "fighting_styles": list(styles),
            "weapon_masteries": list(masteries),
            "equipment": eq,
        }
    )


CASES: list[tuple[str, Build, dict[str, Any]]] = []


def case(name: str, build: Build, **expect: Any) -> None:
    CASES.append((name, build, expect))


# ---------------------------------------------------------------------------------------------- Barbarian
# Barbarian array 15,13,14,10,12,8; Soldier +2 Str +1 Con -> 17,13,15,10,12,8; mods 3,1,2,0,1,-1.
case(
    "barbarian1_goliath_soldier",
    mk(
        [("barbarian", 1, {})],
        "goliath",
        "soldier",
        {"strength": 2, "constitution": 1},
        (15, 13, 14, 10, 12, 8),
        ["perception", "survival"],
        lineage="stone",
        equip=["greataxe", {"item_id": "handaxe", "quantity": 4}],
        masteries=["greataxe", "handaxe"],
    ),
    level=1,
    pb=2,
    scores=(17, 13, 15, 10, 12, 8),
    saves=(5, 1, 4, 0, 1, -1),  # Str/Con proficient: 3+2, 2+2
    ac=13,
    ac_formula="Unarmored Defense 10 + Dex 1 + Con 2",  # Barbarian Unarmored Defense 10+Dex+Con
    init=1,
    speed={"walk": 35},
    size="medium",
    senses={},  # Goliath Speed 35, no Darkvision
    hp=14,
    hd={"d12": 1},  # 12 + Con 2
    passives=(13, 10, 11),  # perception 10+1+2, investigation 10+0, insight 10+1
    skills={"athletics": 5, "perception": 3, "survival": 3},
    attacks={"Greataxe": (5, "1d12+3"), "Handaxe": (5, "1d6+3"), "Unarmed Strike": (5, "4")},
    spell={},
    slots=(),
    pact=None,
    resources={"rage": 2, "giant_ancestry": 2},  # Rages column 2; Giant Ancestry uses = PB
    details={"rages": 2, "rage_damage": 2, "weapon_mastery_count": 2, "attacks_per_action": 1},
    carry=510,
    resist=[],
)  # Powerful Build: count as Large -> Str 17 x 30

# Criminal +2 Con +1 Dex -> 15,14,16,10,12,8; ASI 4: Str +2 -> 17.  mods 3,2,3,0,1,-1, PB 3.
case(
    "barbarian5_dwarf_criminal",
    mk(
        [("barbarian", 5, {})],
        "dwarf",
        "criminal",
        {"constitution": 2, "dexterity": 1},
        (15, 13, 14, 10, 12, 8),
        ["athletics", "perception", "survival"],
        asi=[("barbarian", 4, {"strength": 2})],
        equip=["greataxe"],
        masteries=["greataxe"],
    ),
    level=5,
    pb=3,
    scores=(17, 14, 16, 10, 12, 8),
    saves=(6, 2, 6, 0, 1, -1),
    ac=15,
    ac_formula="Unarmored Defense 10 + Dex 2 + Con 3",
    init=5,  # Dex 2 + Alert PB 3
    speed={"walk": 40},
    size="medium",
    senses={"darkvision": 120},  # 30 + Fast Movement 10; Dwarf 120
    hp=60,  # 12+3, +4x(7+3)=40 -> 55, Dwarven Toughness +5
    hd={"d12": 5},
    passives=(14, 10, 11),
    skills={"athletics": 6, "stealth": 5},
    attacks={"Greataxe": (6, "1d12+3")},
    spell={},
    slots=(),
    pact=None,
    resources={"rage": 3, "stonecunning": 3},
    details={"rages": 3, "rage_damage": 2, "weapon_mastery_count": 3, "attacks_per_action": 2},
    carry=255,
    resist=["poison"],
)

# Soldier +2 Str +1 Con -> 17,13,15,10,12,8. ASI 4 Str+2 (19); 8 Str+1 Con+1 (20,16); 12 Con+2 (18);
# 16 Dex+2 (15); Boon of Irresistible Offense Str+1 (21); Primal Champion Str/Con +4 max 25 -> 25, 22.
case(
    "barbarian20_orc_soldier",
    mk(
        [("barbarian", 20, {})],
        "orc",
        "soldier",
        {"strength": 2, "constitution": 1},
        (15, 13, 14, 10, 12, 8),
        ["animal_handling", "perception", "survival"],
        asi=[
            ("barbarian", 4, {"strength": 2}),
            ("barbarian", 8, {"strength": 1, "constitution": 1}),
            ("barbarian", 12, {"constitution": 2}),
            ("barbarian", 16, {"dexterity": 2}),
        ],
        boon=("boon_of_irresistible_offense", {"strength": 1}),
        equip=["greataxe"],
        masteries=["greataxe"],
    ),
    level=20,
    pb=6,
    scores=(25, 15, 22, 10, 12, 8),
    saves=(13, 2, 12, 0, 1, -1),
    ac=18,
    ac_formula="Unarmored Defense 10 + Dex 2 + Con 6",
    init=2,
    speed={"walk": 40},
    size="medium",
    senses={"darkvision": 120},
    hp=265,  # 12+6, 19x(7+6)=247
    hd={"d12": 20},
    passives=(17, 10, 11),
    skills={"athletics": 13, "intimidation": 5},
    attacks={"Greataxe": (13, "1d12+7")},
    spell={},
    slots=(),
    pact=None,
    resources={"rage": 6, "intimidating_presence": 1, "adrenaline_rush": 6, "relentless_endurance": 1},
    details={"rages": 6, "rage_damage": 4, "brutal_strike_dice": "2d10", "weapon_mastery_count": 4},
    carry=375,
    resist=[],
)

# ---------------------------------------------------------------------------------------------- Bard
# Bard array 8,14,12,13,10,15; Acolyte +2 Cha +1 Int -> 8,14,12,14,10,17; mods -1,2,1,2,0,3.
case(
    "bard1_halfling_acolyte",
    mk(
        [("bard", 1, {})],
        "halfling",
        "acolyte",
        {"charisma": 2, "intelligence": 1},
        (8, 14, 12, 13, 10, 15),
        ["performance", "persuasion", "deception"],
        equip=["leather_armor", {"item_id": "dagger", "quantity": 2}],
        tools=["lute", "flute", "drum"],
    ),
    level=1,
    pb=2,
    scores=(8, 14, 12, 14, 10, 17),
    saves=(-1, 4, 1, 2, 0, 5),
    ac=13,
    ac_formula="Leather Armor 11 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="small",
    senses={},
    hp=9,
    hd={"d8": 1},
    passives=(10, 12, 12),
    skills={"persuasion": 5, "religion": 4},
    attacks={"Dagger": (4, "1d4+2")},  # Finesse: Dex 2 > Str -1
    spell={"bard": (13, 5, 4, 2)},
    slots=(2,),
    pact=None,  # DC 8+2+3
    resources={"bardic_inspiration": 3, "magic_initiate_bless": 1},  # Cha mod 3 uses
    details={"bardic_die": "d6", "cantrip_dice": 1},
    carry=120,
    resist=[],
)

# Sage +1 Con/Int/Wis -> 8,14,13,14,11,15; mods -1,2,1,2,0,2. Lore: 3 bonus skills; Expertise x2; Jack (+1).
case(
    "bard3_lore_human_sage",
    mk(
        [("bard", 3, {"skills": ["insight", "medicine", "nature"]})],
        "human",
        "sage",
        {"constitution": 1, "intelligence": 1, "wisdom": 1},
        (8, 14, 12, 13, 10, 15),
        ["performance", "persuasion", "deception"],
        size="small",
        sp_skill="stealth",
        expertise=["persuasion", "arcana"],
        tools=["lute", "flute", "drum"],
    ),
    level=3,
    pb=2,
    scores=(8, 14, 13, 14, 11, 15),
    saves=(-1, 4, 1, 2, 0, 4),
    ac=12,
    ac_formula="10 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="small",
    senses={},
    hp=21,  # 8+1, 2x(5+1)
    hd={"d8": 3},
    passives=(11, 13, 12),  # perception 0+Jack 1; investigation 2+1; insight 0+2 (Lore)
    skills={"persuasion": 6, "arcana": 6, "athletics": 0, "stealth": 4, "nature": 4},
    attacks={"Unarmed Strike": (1, "0")},
    spell={"bard": (12, 4, 6, 2)},
    slots=(4, 2),
    pact=None,
    resources={"bardic_inspiration": 2, "magic_initiate_shield": 1},
    details={"bardic_die": "d6"},
    carry=120,
    resist=[],
)

# Criminal +2 Dex +1 Con -> 8,16,13,13,10,15; ASI 4 Cha+2 (17); 8 Cha+1 Con+1 (18, 14).
case(
    "bard11_highelf_criminal",
    mk(
        [("bard", 11, {"skills": ["history", "arcana", "nature"]})],
        "elf",
        "criminal",
        {"dexterity": 2, "constitution": 1},
        (8, 14, 12, 13, 10, 15),
        ["performance", "persuasion", "deception"],
        lineage="high_elf",
        sp_skill="perception",
        asi=[("bard", 4, {"charisma": 2}), ("bard", 8, {"charisma": 1, "constitution": 1})],
        expertise=["persuasion", "deception", "perception", "stealth"],
        equip=["studded_leather_armor", "dagger"],
        tools=["lute", "flute", "drum"],
    ),
    level=11,
    pb=4,
    scores=(8, 16, 14, 13, 10, 18),
    saves=(-1, 7, 2, 1, 0, 8),
    ac=15,
    ac_formula="Studded Leather Armor 12 + Dex 3",
    init=7,  # Dex 3 + Alert 4
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 60},
    hp=80,  # 8+2, 10x(5+2)
    hd={"d8": 11},
    passives=(18, 13, 12),  # perception 0+8 (Expertise); investigation 1+2 Jack; insight 0+2
    skills={"persuasion": 12, "athletics": 1, "stealth": 11},
    attacks={"Dagger": (7, "1d4+3")},
    spell={"bard": (16, 8, 16, 4)},
    slots=(4, 3, 3, 3, 2, 1),
    pact=None,
    resources={"bardic_inspiration": 4, "innate_detect_magic": 1, "innate_misty_step": 1},
    details={"bardic_die": "d10", "cantrip_dice": 3},
    carry=120,
    resist=[],
)

# ---------------------------------------------------------------------------------------------- Cleric
# Cleric array 14,8,13,10,15,12; Acolyte +2 Wis +1 Cha -> 14,8,13,10,17,13; mods 2,-1,1,0,3,1.
case(
    "cleric1_dwarf_acolyte_protector",
    mk(
        [("cleric", 1, {"divine_order": "protector"})],
        "dwarf",
        "acolyte",
        {"wisdom": 2, "charisma": 1},
        (14, 8, 13, 10, 15, 12),
        ["history", "medicine"],
        equip=["chain_mail", "shield", "mace", "warhammer"],
    ),
    level=1,
    pb=2,
    scores=(14, 8, 13, 10, 17, 13),
    saves=(2, -1, 1, 0, 5, 3),
    ac=18,
    ac_formula="Chain Mail 16 + Shield 2",  # Protector: Heavy armor training; Str 14 >= 13
    init=-1,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 120},
    hp=10,  # 8 + Con 1 + Dwarven Toughness 1
    hd={"d8": 1},
    passives=(13, 10, 15),
    skills={"insight": 5, "religion": 2},
    attacks={"Mace": (4, "1d6+2"), "Warhammer": (4, "1d8+2")},  # Protector: Martial weapons
    spell={"cleric": (13, 5, 4, 3)},
    slots=(2,),
    pact=None,
    resources={"stonecunning": 2, "magic_initiate_bless": 1},
    details={"cantrip_dice": 1},
    carry=210,
    resist=["poison"],
)

# Soldier +2 Con +1 Str -> 15,8,15,10,15,12; ASI 4 Wis+2 (17); mods 2,-1,2,0,3,1. Thaumaturge: +1 cantrip,
# Arcana/Religion + Wis mod (3).
case(
    "cleric5_life_human_soldier_thaumaturge",
    mk(
        [("cleric", 5, {"divine_order": "thaumaturge"})],
        "human",
        "soldier",
        {"constitution": 2, "strength": 1},
        (14, 8, 13, 10, 15, 12),
        ["insight", "medicine"],
        sp_skill="perception",
        asi=[("cleric", 4, {"wisdom": 2})],
        equip=["chain_shirt", "shield", "mace"],
    ),
    level=5,
    pb=3,
    scores=(15, 8, 15, 10, 17, 12),
    saves=(2, -1, 2, 0, 6, 4),
    ac=14,
    ac_formula="Chain Shirt 13 + Dex -1 (max 2) + Shield 2",
    init=-1,
    speed={"walk": 30},
    size="medium",
    senses={},
    hp=38,  # 8+2, 4x(5+2)
    hd={"d8": 5},
    passives=(16, 10, 16),
    skills={"arcana": 3, "religion": 3, "athletics": 5},
    attacks={"Mace": (5, "1d6+2")},
    spell={"cleric": (14, 6, 9, 5)},
    slots=(4, 3, 2),
    pact=None,
    resources={"channel_divinity": 2},
    details={"divine_spark_dice": "1d8", "cantrip_dice": 2},
    carry=225,
    resist=[],
    always={"cleric": ["aid", "bless", "cure_wounds", "lesser_restoration", "mass_healing_word", "revivify"]},
)

# Sage +2 Wis +1 Con -> 14,8,14,10,17,12; ASI 4 Wis+2 (19); 8 Wis+1 Con+1 (20, 15). Plate needs Str 15.
case(
    "cleric11_life_orc_sage_protector",
    mk(
        [("cleric", 11, {"divine_order": "protector", "blessed_strikes": "divine_strike"})],
        "orc",
        "sage",
        {"wisdom": 2, "constitution": 1},
        (14, 8, 13, 10, 15, 12),
        ["insight", "medicine"],
        asi=[("cleric", 4, {"wisdom": 2}), ("cleric", 8, {"wisdom": 1, "constitution": 1})],
        equip=["plate_armor", "shield", "mace"],
    ),
    level=11,
    pb=4,
    scores=(14, 8, 15, 10, 20, 12),
    saves=(2, -1, 2, 0, 9, 5),
    ac=20,
    ac_formula="Plate Armor 18 + Shield 2",
    init=-1,
    speed={"walk": 20},  # Plate Str 15 > 14: Speed -10
    size="medium",
    senses={"darkvision": 120},
    hp=80,  # 8+2, 10x(5+2)
    hd={"d8": 11},
    passives=(15, 10, 19),
    skills={"medicine": 9},
    attacks={"Mace": (6, "1d6+2")},
    spell={"cleric": (17, 9, 16, 5)},
    slots=(4, 3, 3, 3, 2, 1),
    pact=None,
    resources={
        "channel_divinity": 3,
        "divine_intervention": 1,
        "adrenaline_rush": 4,
        "relentless_endurance": 1,
        "magic_initiate_shield": 1,
    },
    details={"divine_spark_dice": "2d8", "cantrip_dice": 3},
    carry=210,
    resist=[],
)

# ---------------------------------------------------------------------------------------------- Druid
# Druid array 8,12,14,13,15,10; Sage +2 Wis +1 Int -> 8,12,14,14,17,10; mods -1,1,2,2,3,0.
case(
    "druid1_woodelf_sage_magician",
    mk(
        [("druid", 1, {"primal_order": "magician"})],
        "elf",
        "sage",
        {"wisdom": 2, "intelligence": 1},
        (8, 12, 14, 13, 15, 10),
        ["medicine", "nature"],
        lineage="wood_elf",
        sp_skill="perception",
        sp_ability="wisdom",
        equip=["leather_armor", "shield", "quarterstaff"],
    ),
    level=1,
    pb=2,
    scores=(8, 12, 14, 14, 17, 10),
    saves=(-1, 1, 2, 4, 5, 0),
    ac=14,
    ac_formula="Leather Armor 11 + Dex 1 + Shield 2",
    init=1,
    speed={"walk": 35},  # Wood Elf
    size="medium",
    senses={"darkvision": 60},
    hp=10,
    hd={"d8": 1},
    passives=(15, 12, 13),
    skills={"arcana": 7, "nature": 7},  # 2 + PB 2 + Magician Wis 3
    attacks={"Quarterstaff": (1, "1d6-1")},
    spell={"druid": (13, 5, 4, 3)},
    slots=(2,),
    pact=None,
    resources={"magic_initiate_shield": 1},
    details={"cantrip_dice": 1},
    carry=120,
    resist=[],
    always={"druid": ["speak_with_animals"]},
)

# Acolyte +2 Wis +1 Int -> 8,12,14,14,17,10; ASI 4 Wis+1 Con+1 (18, 15). Warden: Medium armor, Martial.
case(
    "druid5_land_forestgnome_acolyte_warden",
    mk(
        [("druid", 5, {"primal_order": "warden", "land": "temperate"})],
        "gnome",
        "acolyte",
        {"wisdom": 2, "intelligence": 1},
        (8, 12, 14, 13, 15, 10),
        ["nature", "survival"],
        lineage="forest_gnome",
        sp_ability="wisdom",
        asi=[("druid", 4, {"wisdom": 1, "constitution": 1})],
        equip=["hide_armor", "shield", "scimitar"],
    ),
    level=5,
    pb=3,
    scores=(8, 12, 15, 14, 18, 10),
    saves=(-1, 1, 2, 5, 7, 0),
    ac=15,
    ac_formula="Hide Armor 12 + Dex 1 (max 2) + Shield 2",
    init=1,
    speed={"walk": 30},
    size="small",
    senses={"darkvision": 60},
    hp=38,
    hd={"d8": 5},
    passives=(14, 12, 17),
    skills={"survival": 7},
    attacks={"Scimitar": (4, "1d6+1")},
    spell={"druid": (15, 7, 9, 3)},
    slots=(4, 3, 2),
    pact=None,
    resources={"wild_shape": 2, "wild_resurgence": 1, "innate_speak_with_animals": 3, "magic_initiate_bless": 1},
    details={"wild_shape_known_forms": 6, "wild_shape_max_cr": "1/2", "cantrip_dice": 2},
    carry=120,
    resist=[],
    always={"druid": ["speak_with_animals", "misty_step", "shocking_grasp", "sleep", "lightning_bolt"]},
)

# Sage +2 Wis +1 Con -> 8,12,15,13,17,10; ASIs: 4 Wis+2 (19), 8 Wis+1 Con+1 (20,16), 12 Con+2 (18),
# 16 Dex+2 (14); Boon of Fate Int+1 (14).
case(
    "druid20_land_human_sage",
    mk(
        [("druid", 20, {"primal_order": "magician", "land": "arid", "elemental_fury": "potent_spellcasting"})],
        "human",
        "sage",
        {"wisdom": 2, "constitution": 1},
        (8, 12, 14, 13, 15, 10),
        ["medicine", "nature"],
        sp_skill="perception",
        asi=[
            ("druid", 4, {"wisdom": 2}),
            ("druid", 8, {"wisdom": 1, "constitution": 1}),
            ("druid", 12, {"constitution": 2}),
            ("druid", 16, {"dexterity": 2}),
        ],
        boon=("boon_of_fate", {"intelligence": 1}),
    ),
    level=20,
    pb=6,
    scores=(8, 14, 18, 14, 20, 10),
    saves=(-1, 2, 4, 8, 11, 0),
    ac=12,
    ac_formula="10 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="medium",
    senses={},
    hp=183,  # 8+4, 19x(5+4)
    hd={"d8": 20},
    passives=(21, 12, 15),
    skills={"arcana": 13, "nature": 13},
    attacks={},
    spell={"druid": (19, 11, 22, 5)},
    slots=(4, 3, 3, 3, 3, 2, 2, 1, 1),
    pact=None,
    resources={
        "wild_shape": 4,
        "wild_resurgence": 1,
        "nature_magician": 1,
        "natural_recovery": 1,
        "magic_initiate_shield": 1,
    },
    details={"wild_shape_known_forms": 8, "wild_shape_fly": True, "cantrip_dice": 4},
    carry=120,
    resist=["fire"],
)  # Nature's Ward: arid -> Fire

# ---------------------------------------------------------------------------------------------- Fighter
# Fighter array 15,14,13,8,10,12; Soldier +2 Str +1 Con -> 17,14,14,8,10,12; mods 3,2,2,-1,0,1.
case(
    "fighter1_human_soldier_defense",
    mk(
        [("fighter", 1, {})],
        "human",
        "soldier",
        {"strength": 2, "constitution": 1},
        (15, 14, 13, 8, 10, 12),
        ["acrobatics", "insight"],
        sp_skill="perception",
        styles=["defense"],
        masteries=["longsword", "javelin", "greatsword"],
        equip=["chain_mail", "shield", "longsword"],
    ),
    level=1,
    pb=2,
    scores=(17, 14, 14, 8, 10, 12),
    saves=(5, 2, 4, -1, 0, 1),
    ac=19,
    ac_formula="Chain Mail 16 + Shield 2 + Defense 1",
    init=2,
    speed={"walk": 30},
    size="medium",
    senses={},
    hp=12,
    hd={"d10": 1},
    passives=(12, 9, 12),
    skills={"athletics": 5, "acrobatics": 4},
    attacks={"Longsword": (5, "1d8+3")},
    spell={},
    slots=(),
    pact=None,
    resources={"second_wind": 2},
    details={"weapon_mastery_count": 3, "attacks_per_action": 1},
    carry=255,
    resist=[],
)

# Standard array used as Str 15, Dex 13, Con 14, Int 8, Wis 12, Cha 10; Soldier Str+2 Con+1 (17, 15);
# ASI 4 Str+1 Con+1 -> 18, 16. Champion: Remarkable Athlete (Advantage on Initiative), crit 19.
case(
    "fighter5_champion_dwarf_soldier",
    mk(
        [("fighter", 5, {})],
        "dwarf",
        "soldier",
        {"strength": 2, "constitution": 1},
        (15, 13, 14, 8, 12, 10),
        ["perception", "acrobatics"],
        asi=[("fighter", 4, {"strength": 1, "constitution": 1})],
        styles=["defense"],
        masteries=["longsword", "maul", "javelin", "handaxe"],
        equip=["chain_mail", "shield", "longsword", {"item_id": "maul"}],
    ),
    level=5,
    pb=3,
    scores=(18, 13, 16, 8, 12, 10),
    saves=(7, 1, 6, -1, 1, 0),
    ac=19,
    ac_formula="Chain Mail 16 + Shield 2 + Defense 1",
    init=1,
    init_adv=True,
    init_score=16,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 120},
    hp=54,  # 10+3, 4x(6+3)=36, Dwarven Toughness +5
    hd={"d10": 5},
    passives=(14, 9, 11),
    skills={"athletics": 7},
    attacks={"Longsword": (7, "1d8+4"), "Maul": (7, "2d6+4")},
    topple_dc={"Maul": 15},  # 8+4+3
    crit=19,
    spell={},
    slots=(),
    pact=None,
    resources={"second_wind": 3, "action_surge": 1, "stonecunning": 3},
    details={"attacks_per_action": 2, "weapon_mastery_count": 4},
    carry=270,
    resist=["poison"],
)

# Array as Str 10, Dex 15, Con 14, Int 8, Wis 13, Cha 12; Soldier Dex+2 Con+1 (17, 15); ASIs 4 Dex+2 (19),
# 6 Dex+1 Con+1 (20, 16), 8 Con+2 (18), 12 Wis+2 (15), 14 Wis+1 Cha+1 (16, 13), 16 Con+2 (20);
# Boon of Combat Prowess Dex+1 (21). mods 0,5,5,-1,3,1.
case(
    "fighter20_champion_halfling_soldier",
    mk(
        [("fighter", 20, {})],
        "halfling",
        "soldier",
        {"dexterity": 2, "constitution": 1},
        (10, 15, 14, 8, 13, 12),
        ["acrobatics", "perception"],
        asi=[
            ("fighter", 4, {"dexterity": 2}),
            ("fighter", 6, {"dexterity": 1, "constitution": 1}),
            ("fighter", 8, {"constitution": 2}),
            ("fighter", 12, {"wisdom": 2}),
            ("fighter", 14, {"wisdom": 1, "charisma": 1}),
            ("fighter", 16, {"constitution": 2}),
        ],
        boon=("boon_of_combat_prowess", {"dexterity": 1}),
        styles=["archery", "defense"],
        masteries=["longbow", "rapier"],
        equip=["studded_leather_armor", "longbow", "rapier"],
    ),
    level=20,
    pb=6,
    scores=(10, 21, 20, 8, 16, 13),
    saves=(6, 5, 11, -1, 3, 1),
    ac=18,
    ac_formula="Studded Leather Armor 12 + Dex 5 + Defense 1",
    init=5,
    speed={"walk": 30},
    size="small",
    senses={},
    hp=224,  # 10+5, 19x(6+5)
    hd={"d10": 20},
    passives=(19, 9, 13),
    skills={"acrobatics": 11},
    attacks={"Longbow": (13, "1d8+5"), "Rapier": (11, "1d8+5")},  # Archery +2 on the Longbow
    crit=18,
    spell={},
    slots=(),
    pact=None,
    resources={"second_wind": 4, "action_surge": 2, "indomitable": 3},
    details={"attacks_per_action": 4, "weapon_mastery_count": 6, "indomitable_bonus": 20},
    carry=150,
    resist=[],
)

# ---------------------------------------------------------------------------------------------- Monk
# Monk array 12,15,13,10,14,8; Criminal +2 Dex +1 Con -> 12,17,14,10,14,8; mods 1,3,2,0,2,-1.
case(
    "monk1_woodelf_criminal",
    mk(
        [("monk", 1, {})],
        "elf",
        "criminal",
        {"dexterity": 2, "constitution": 1},
        (12, 15, 13, 10, 14, 8),
        ["acrobatics", "insight"],
        lineage="wood_elf",
        sp_skill="perception",
        tools=["flute"],
        equip=["shortsword", "quarterstaff"],
    ),
    level=1,
    pb=2,
    scores=(12, 17, 14, 10, 14, 8),
    saves=(3, 5, 2, 0, 2, -1),
    ac=15,
    ac_formula="Unarmored Defense 10 + Dex 3 + Wis 2",
    init=5,
    speed={"walk": 35},
    size="medium",
    senses={"darkvision": 60},
    hp=10,
    hd={"d8": 1},
    passives=(14, 10, 14),
    skills={"acrobatics": 5},
    attacks={"Unarmed Strike": (5, "1d6+3"), "Shortsword": (5, "1d6+3"), "Quarterstaff": (5, "1d6+3")},
    spell={},
    slots=(),
    pact=None,
    resources={},
    details={"martial_arts_die": "d6", "focus_points": 0, "focus_save_dc": 12},
    carry=180,
    resist=[],
)

# Soldier +2 Dex +1 Con -> 12,17,14,10,14,8; ASI 4 Dex+1 Wis+1 -> 18, 15; mods 1,4,2,0,2,-1.
case(
    "monk5_openhand_human_soldier",
    mk(
        [("monk", 5, {})],
        "human",
        "soldier",
        {"dexterity": 2, "constitution": 1},
        (12, 15, 13, 10, 14, 8),
        ["acrobatics", "insight"],
        sp_skill="perception",
        tools=["flute"],
        asi=[("monk", 4, {"dexterity": 1, "wisdom": 1})],
    ),
    level=5,
    pb=3,
    scores=(12, 18, 14, 10, 15, 8),
    saves=(4, 7, 2, 0, 2, -1),
    ac=16,
    ac_formula="Unarmored Defense 10 + Dex 4 + Wis 2",
    init=4,
    speed={"walk": 40},  # Unarmored Movement +10
    size="medium",
    senses={},
    hp=38,
    hd={"d8": 5},
    passives=(15, 10, 15),
    skills={"insight": 5},
    attacks={"Unarmed Strike": (7, "1d8+4")},
    spell={},
    slots=(),
    pact=None,
    resources={"focus_points": 5, "uncanny_metabolism": 1},
    details={
        "martial_arts_die": "d8",
        "focus_points": 5,
        "unarmored_movement": 10,
        "focus_save_dc": 13,
        "attacks_per_action": 2,
    },
    carry=180,
    resist=[],
)

# Sage +2 Wis +1 Con -> 12,15,14,10,16,8; ASIs 4 Dex+2 (17), 8 Dex+1 Wis+1 (18, 17), 12 Dex+2 (20),
# 16 Wis+2 (19); Boon of the Night Spirit Wis+1 (20); Body and Mind Dex/Wis +4 -> 24, 24.
case(
    "monk20_openhand_orc_sage",
    mk(
        [("monk", 20, {})],
        "orc",
        "sage",
        {"wisdom": 2, "constitution": 1},
        (12, 15, 13, 10, 14, 8),
        ["acrobatics", "insight"],
        tools=["flute"],
        asi=[
            ("monk", 4, {"dexterity": 2}),
            ("monk", 8, {"dexterity": 1, "wisdom": 1}),
            ("monk", 12, {"dexterity": 2}),
            ("monk", 16, {"wisdom": 2}),
        ],
        boon=("boon_of_the_night_spirit", {"wisdom": 1}),
    ),
    level=20,
    pb=6,
    scores=(12, 24, 14, 10, 24, 8),
    saves=(7, 13, 8, 6, 13, 5),  # Disciplined Survivor: all saves proficient
    ac=24,
    ac_formula="Unarmored Defense 10 + Dex 7 + Wis 7",
    init=7,
    speed={"walk": 60},
    size="medium",
    senses={"darkvision": 120},
    hp=143,  # 8+2, 19x(5+2)
    hd={"d8": 20},
    passives=(17, 10, 23),
    skills={"acrobatics": 13},
    attacks={"Unarmed Strike": (13, "1d12+7")},
    spell={},
    slots=(),
    pact=None,
    resources={
        "focus_points": 20,
        "uncanny_metabolism": 1,
        "wholeness_of_body": 7,
        "adrenaline_rush": 6,
        "relentless_endurance": 1,
        "magic_initiate_shield": 1,
    },
    details={"martial_arts_die": "d12", "unarmored_movement": 30, "focus_save_dc": 21},
    carry=180,
    resist=[],
)

# ---------------------------------------------------------------------------------------------- Paladin
# Paladin array 15,10,13,8,12,14; Soldier +2 Str +1 Con -> 17,10,14,8,12,14; mods 3,0,2,-1,1,2.
case(
    "paladin1_golddragonborn_soldier",
    mk(
        [("paladin", 1, {})],
        "dragonborn",
        "soldier",
        {"strength": 2, "constitution": 1},
        (15, 10, 13, 8, 12, 14),
        ["insight", "persuasion"],
        lineage="gold",
        masteries=["longsword", "javelin"],
        equip=["chain_mail", "shield", "longsword"],
    ),
    level=1,
    pb=2,
    scores=(17, 10, 14, 8, 12, 14),
    saves=(3, 0, 2, -1, 3, 4),
    ac=18,
    ac_formula="Chain Mail 16 + Shield 2",
    init=0,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 60},
    hp=12,
    hd={"d10": 1},
    passives=(11, 9, 13),
    skills={"persuasion": 4},
    attacks={"Longsword": (5, "1d8+3"), "Breath Weapon": (None, "1d10")},
    breath=(12, "fire"),  # DC 8 + Con 2 + PB 2; Gold -> Fire
    spell={"paladin": (12, 4, 2, 0)},
    slots=(2,),
    pact=None,
    resources={"lay_on_hands": 5, "breath_weapon": 2},
    details={"lay_on_hands_pool": 5, "weapon_mastery_count": 2},
    carry=255,
    resist=["fire"],
)

# Acolyte +2 Cha +1 Wis -> 15,10,13,8,13,16; ASI 4 Str+1 Cha+1 -> 16, 17; mods 3,0,1,-1,1,3.
case(
    "paladin5_devotion_human_acolyte",
    mk(
        [("paladin", 5, {})],
        "human",
        "acolyte",
        {"charisma": 2, "wisdom": 1},
        (15, 10, 13, 8, 12, 14),
        ["athletics", "persuasion"],
        sp_skill="perception",
        styles=["defense"],
        asi=[("paladin", 4, {"strength": 1, "charisma": 1})],
        masteries=["longsword", "javelin"],
        equip=["chain_mail", "shield", "longsword"],
    ),
    level=5,
    pb=3,
    scores=(16, 10, 13, 8, 13, 17),
    saves=(3, 0, 1, -1, 4, 6),
    ac=19,
    ac_formula="Chain Mail 16 + Shield 2 + Defense 1",
    init=0,
    speed={"walk": 30},
    size="medium",
    senses={},
    hp=39,  # 10+1, 4x(6+1)
    hd={"d10": 5},
    passives=(14, 9, 14),
    skills={"athletics": 6},
    attacks={"Longsword": (6, "1d8+3")},
    spell={"paladin": (14, 6, 6, 0)},
    slots=(4, 2),
    pact=None,
    resources={
        "lay_on_hands": 25,
        "paladins_smite": 1,
        "channel_divinity": 2,
        "faithful_steed": 1,
        "magic_initiate_bless": 1,
    },
    details={"attacks_per_action": 2},
    carry=240,
    resist=[],
    always={
        "paladin": [
            "divine_smite",
            "find_steed",
            "protection_from_evil_and_good",
            "shield_of_faith",
            "aid",
            "zone_of_truth",
        ]
    },
)

# Soldier +2 Str +1 Con -> 17,10,14,8,12,14; ASI 4 Cha+2 (16); 8 Str+1 Cha+1 (18, 17); mods 4,0,2,-1,1,3.
# Aura of Protection (6+): +Cha 3 to every save.
case(
    "paladin11_devotion_dwarf_soldier",
    mk(
        [("paladin", 11, {})],
        "dwarf",
        "soldier",
        {"strength": 2, "constitution": 1},
        (15, 10, 13, 8, 12, 14),
        ["insight", "persuasion"],
        styles=["great_weapon_fighting"],
        asi=[("paladin", 4, {"charisma": 2}), ("paladin", 8, {"strength": 1, "charisma": 1})],
        masteries=["longsword", "greatsword"],
        equip=["plate_armor", "shield", "longsword"],
    ),
    level=11,
    pb=4,
    scores=(18, 10, 14, 8, 12, 17),
    saves=(7, 3, 5, 2, 8, 10),
    ac=20,
    ac_formula="Plate Armor 18 + Shield 2",
    init=0,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 120},
    hp=103,  # 10+2, 10x(6+2)=80, Dwarven Toughness +11
    hd={"d10": 11},
    passives=(11, 9, 15),
    skills={"persuasion": 7},
    attacks={"Longsword": (8, "1d8+4")},
    spell={"paladin": (15, 7, 10, 0)},
    slots=(4, 3, 3),
    pact=None,
    resources={"lay_on_hands": 55, "paladins_smite": 1, "channel_divinity": 3, "faithful_steed": 1, "stonecunning": 4},
    details={"aura_of_protection_bonus": 3, "attacks_per_action": 2},
    carry=270,
    resist=["poison"],
)

# ---------------------------------------------------------------------------------------------- Ranger
# Ranger array 12,15,13,8,14,10; Soldier +2 Dex +1 Con -> 12,17,14,8,14,10; mods 1,3,2,-1,2,0.
case(
    "ranger1_woodelf_soldier",
    mk(
        [("ranger", 1, {})],
        "elf",
        "soldier",
        {"dexterity": 2, "constitution": 1},
        (12, 15, 13, 8, 14, 10),
        ["perception", "stealth", "nature"],
        lineage="wood_elf",
        sp_skill="insight",
        sp_ability="wisdom",
        masteries=["longbow", "shortsword"],
        equip=["studded_leather_armor", "longbow"],
    ),
    level=1,
    pb=2,
    scores=(12, 17, 14, 8, 14, 10),
    saves=(3, 5, 2, -1, 2, 0),
    ac=15,
    ac_formula="Studded Leather Armor 12 + Dex 3",
    init=3,
    speed={"walk": 35},
    size="medium",
    senses={"darkvision": 60},
    hp=12,
    hd={"d10": 1},
    passives=(14, 9, 14),
    skills={"stealth": 5},
    attacks={"Longbow": (5, "1d8+3")},
    spell={"ranger": (12, 4, 2, 0)},
    slots=(2,),
    pact=None,
    resources={"favored_enemy": 2},
    details={"weapon_mastery_count": 2, "favored_enemy_uses": 2},
    carry=180,
    resist=[],
    always={"ranger": ["hunters_mark"]},
)

# Criminal +2 Dex +1 Con -> 12,17,14,8,14,10; ASI 4 Dex+1 Wis+1 (18, 15); mods 1,4,2,-1,2,0. Archery.
case(
    "ranger5_hunter_halfling_criminal",
    mk(
        [("ranger", 5, {"hunters_prey": "colossus_slayer"})],
        "halfling",
        "criminal",
        {"dexterity": 2, "constitution": 1},
        (12, 15, 13, 8, 14, 10),
        ["perception", "nature", "survival"],
        asi=[("ranger", 4, {"dexterity": 1, "wisdom": 1})],
        expertise=["perception"],
        styles=["archery"],
        masteries=["longbow", "shortsword"],
        equip=["studded_leather_armor", "longbow"],
    ),
    level=5,
    pb=3,
    scores=(12, 18, 14, 8, 15, 10),
    saves=(4, 7, 2, -1, 2, 0),
    ac=16,
    ac_formula="Studded Leather Armor 12 + Dex 4",
    init=7,
    speed={"walk": 30},
    size="small",
    senses={},
    hp=44,  # 10+2, 4x(6+2)
    hd={"d10": 5},
    passives=(18, 9, 12),
    skills={"perception": 8},
    attacks={"Longbow": (9, "1d8+4")},  # Dex 4 + PB 3 + Archery 2
    spell={"ranger": (13, 5, 6, 0)},
    slots=(4, 2),
    pact=None,
    resources={"favored_enemy": 3},
    details={"attacks_per_action": 2, "favored_enemy_uses": 3},
    carry=180,
    resist=[],
)

# Sage +2 Wis +1 Con -> 12,15,14,8,16,10; ASI 4 Dex+2 (17), 8 Dex+1 Wis+1 (18, 17); mods 1,4,2,-1,3,0.
# Roving (6): +10 Speed, Climb and Swim equal to Speed.
case(
    "ranger11_hunter_goliath_sage",
    mk(
        [("ranger", 11, {"hunters_prey": "horde_breaker", "defensive_tactics": "escape_the_horde"})],
        "goliath",
        "sage",
        {"wisdom": 2, "constitution": 1},
        (12, 15, 13, 8, 14, 10),
        ["perception", "stealth", "survival"],
        lineage="hill",
        asi=[("ranger", 4, {"dexterity": 2}), ("ranger", 8, {"dexterity": 1, "wisdom": 1})],
        expertise=["perception", "stealth", "survival"],
        masteries=["longbow", "shortsword"],
        equip=["half_plate_armor", "longbow"],
    ),
    level=11,
    pb=4,
    scores=(12, 18, 14, 8, 17, 10),
    saves=(5, 8, 2, -1, 3, 0),
    ac=17,
    ac_formula="Half Plate Armor 15 + Dex 2 (max 2)",
    stealth_dis=True,
    init=4,
    speed={"walk": 45, "climb": 45, "swim": 45},
    size="medium",
    senses={},
    hp=92,  # 10+2, 10x(6+2)
    hd={"d10": 11},
    passives=(21, 9, 13),
    skills={"stealth": 12},
    attacks={"Longbow": (8, "1d8+4")},
    spell={"ranger": (15, 7, 10, 0)},
    slots=(4, 3, 3),
    pact=None,
    resources={"favored_enemy": 4, "tireless": 3, "giant_ancestry": 4, "large_form": 1, "magic_initiate_shield": 1},
    details={"attacks_per_action": 2},
    carry=360,
    resist=[],
)  # Powerful Build: 12 x 30

# ---------------------------------------------------------------------------------------------- Rogue
# Rogue array 12,15,13,14,10,8; Criminal +2 Dex +1 Con -> 12,17,14,14,10,8; mods 1,3,2,2,0,-1.
case(
    "rogue1_halfling_criminal",
    mk(
        [("rogue", 1, {})],
        "halfling",
        "criminal",
        {"dexterity": 2, "constitution": 1},
        (12, 15, 13, 14, 10, 8),
        ["acrobatics", "perception", "investigation", "deception"],
        expertise=["stealth", "perception"],
        masteries=["rapier", "shortbow"],
        equip=["leather_armor", "rapier", "shortbow"],
    ),
    level=1,
    pb=2,
    scores=(12, 17, 14, 14, 10, 8),
    saves=(1, 5, 2, 4, 0, -1),
    ac=14,
    ac_formula="Leather Armor 11 + Dex 3",
    init=5,
    speed={"walk": 30},
    size="small",
    senses={},
    hp=10,
    hd={"d8": 1},
    passives=(14, 14, 10),
    skills={"stealth": 7, "sleight_of_hand": 5},
    attacks={"Rapier": (5, "1d8+3"), "Shortbow": (5, "1d6+3")},
    spell={},
    slots=(),
    pact=None,
    resources={},
    details={"sneak_attack_dice": "1d6", "weapon_mastery_count": 2},
    carry=180,
    resist=[],
)

# Criminal +2 Dex +1 Int -> 12,17,13,15,10,8; ASI 4 Dex+2 (19); mods 1,4,1,2,0,-1. Thief: Climb Speed.
case(
    "rogue5_thief_drow_criminal",
    mk(
        [("rogue", 5, {})],
        "elf",
        "criminal",
        {"dexterity": 2, "intelligence": 1},
        (12, 15, 13, 14, 10, 8),
        ["acrobatics", "investigation", "deception", "insight"],
        lineage="drow",
        sp_skill="perception",
        asi=[("rogue", 4, {"dexterity": 2})],
        expertise=["stealth", "perception"],
        masteries=["rapier", "shortbow"],
        equip=["studded_leather_armor", "rapier"],
    ),
    level=5,
    pb=3,
    scores=(12, 19, 13, 15, 10, 8),
    saves=(1, 7, 1, 5, 0, -1),
    ac=16,
    ac_formula="Studded Leather Armor 12 + Dex 4",
    init=7,
    speed={"walk": 30, "climb": 30},
    size="medium",
    senses={"darkvision": 120},
    hp=33,  # 8+1, 4x(5+1)
    hd={"d8": 5},
    passives=(16, 15, 13),
    skills={"stealth": 10},
    attacks={"Rapier": (7, "1d8+4")},
    spell={},
    slots=(),
    pact=None,
    resources={"innate_faerie_fire": 1, "innate_darkness": 1},
    details={"sneak_attack_dice": "3d6", "cunning_strike_dc": 15},
    carry=180,
    resist=[],
)

# Soldier +2 Dex +1 Con -> 12,17,14,14,10,8; ASIs 4 Dex+2 (19), 8 Dex+1 Wis+1 (20, 11), 10 Con+2 (16).
case(
    "rogue11_thief_tiefling_soldier",
    mk(
        [("rogue", 11, {})],
        "tiefling",
        "soldier",
        {"dexterity": 2, "constitution": 1},
        (12, 15, 13, 14, 10, 8),
        ["acrobatics", "perception", "investigation", "deception"],
        lineage="abyssal",
        size="small",
        asi=[
            ("rogue", 4, {"dexterity": 2}),
            ("rogue", 8, {"dexterity": 1, "wisdom": 1}),
            ("rogue", 10, {"constitution": 2}),
        ],
        expertise=["perception", "investigation", "acrobatics", "deception"],
        masteries=["rapier", "shortbow"],
        equip=["studded_leather_armor", "rapier"],
    ),
    level=11,
    pb=4,
    scores=(12, 20, 16, 14, 11, 8),
    saves=(1, 9, 3, 6, 0, -1),
    ac=17,
    ac_formula="Studded Leather Armor 12 + Dex 5",
    init=5,
    speed={"walk": 30, "climb": 30},
    size="small",
    senses={"darkvision": 60},
    hp=91,  # 8+3, 10x(5+3)
    hd={"d8": 11},
    passives=(18, 20, 10),
    skills={"acrobatics": 13, "deception": 7},
    attacks={"Rapier": (9, "1d8+5")},
    spell={},
    slots=(),
    pact=None,
    resources={"innate_ray_of_sickness": 1, "innate_hold_person": 1},
    details={"sneak_attack_dice": "6d6", "cunning_strike_dc": 17},
    carry=180,
    resist=["poison"],
)

# ---------------------------------------------------------------------------------------------- Sorcerer
# Sorcerer array 10,13,14,8,12,15; Acolyte +2 Cha +1 Wis -> 10,13,14,8,13,17; mods 0,1,2,-1,1,3.
case(
    "sorcerer1_infernal_tiefling_acolyte",
    mk(
        [("sorcerer", 1, {})],
        "tiefling",
        "acolyte",
        {"charisma": 2, "wisdom": 1},
        (10, 13, 14, 8, 12, 15),
        ["arcana", "deception"],
        lineage="infernal",
        equip=["dagger"],
    ),
    level=1,
    pb=2,
    scores=(10, 13, 14, 8, 13, 17),
    saves=(0, 1, 4, -1, 1, 5),
    ac=11,
    ac_formula="10 + Dex 1",
    init=1,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 60},
    hp=8,
    hd={"d6": 1},
    passives=(11, 9, 13),
    skills={"arcana": 1},
    attacks={"Dagger": (3, "1d4+1")},
    spell={"sorcerer": (13, 5, 2, 4)},
    slots=(2,),
    pact=None,
    resources={"innate_sorcery": 2, "magic_initiate_bless": 1},
    details={"cantrip_dice": 1},
    carry=150,
    resist=["fire"],
)

# Sage +1 Con/Int/Wis -> 10,13,15,9,13,15; mods 0,1,2,-1,1,2. Draconic Resilience: AC 10+Dex+Cha, HP +3.
case(
    "sorcerer3_draconic_silverdragonborn_sage",
    mk(
        [("sorcerer", 3, {})],
        "dragonborn",
        "sage",
        {"constitution": 1, "intelligence": 1, "wisdom": 1},
        (10, 13, 14, 8, 12, 15),
        ["deception", "persuasion"],
        lineage="silver",
    ),
    level=3,
    pb=2,
    scores=(10, 13, 15, 9, 13, 15),
    saves=(0, 1, 4, -1, 1, 4),
    ac=13,
    ac_formula="Draconic Resilience 10 + Dex 1 + Cha 2",
    init=1,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 60},
    hp=23,  # 6+2, 2x(4+2)=12, Draconic Resilience +3
    hd={"d6": 3},
    passives=(11, 9, 11),
    skills={"persuasion": 4},
    attacks={"Breath Weapon": (None, "1d10")},
    breath=(12, "cold"),
    spell={"sorcerer": (12, 4, 6, 4)},
    slots=(4, 2),
    pact=None,
    resources={"innate_sorcery": 2, "sorcery_points": 3, "breath_weapon": 2, "magic_initiate_shield": 1},
    details={"sorcery_points": 3},
    carry=150,
    resist=["cold"],
    always={"sorcerer": ["alter_self", "chromatic_orb", "command", "dragons_breath"]},
)

# Acolyte +2 Cha +1 Wis -> 10,13,14,8,13,17; ASIs 4 Cha+2 (19), 8 Cha+1 Con+1 (20, 15); mods 0,1,2,-1,1,5.
case(
    "sorcerer11_draconic_human_acolyte",
    mk(
        [("sorcerer", 11, {"elemental_affinity": "fire"})],
        "human",
        "acolyte",
        {"charisma": 2, "wisdom": 1},
        (10, 13, 14, 8, 12, 15),
        ["arcana", "deception"],
        sp_skill="perception",
        asi=[("sorcerer", 4, {"charisma": 2}), ("sorcerer", 8, {"charisma": 1, "constitution": 1})],
    ),
    level=11,
    pb=4,
    scores=(10, 13, 15, 8, 13, 20),
    saves=(0, 1, 6, -1, 1, 9),
    ac=16,
    ac_formula="Draconic Resilience 10 + Dex 1 + Cha 5",
    init=1,
    speed={"walk": 30},
    size="medium",
    senses={},
    hp=79,  # 6+2, 10x(4+2)=60, Draconic Resilience +11
    hd={"d6": 11},
    passives=(15, 9, 15),
    skills={"deception": 9},
    attacks={},
    spell={"sorcerer": (17, 9, 16, 6)},
    slots=(4, 3, 3, 3, 2, 1),
    pact=None,
    resources={"innate_sorcery": 2, "sorcery_points": 11, "sorcerous_restoration": 1, "magic_initiate_bless": 1},
    details={"sorcery_points": 11},
    carry=150,
    resist=["fire"],
)  # Elemental Affinity

# ---------------------------------------------------------------------------------------------- Warlock
# Warlock array 8,14,13,12,10,15; Sage +1 Con/Int/Wis -> 8,14,14,13,11,15; mods -1,2,2,1,0,2.
case(
    "warlock1_chthonic_tiefling_sage",
    mk(
        [("warlock", 1, {"invocations": ["pact_of_the_blade"]})],
        "tiefling",
        "sage",
        {"constitution": 1, "intelligence": 1, "wisdom": 1},
        (8, 14, 13, 12, 10, 15),
        ["deception", "intimidation"],
        lineage="chthonic",
        equip=["leather_armor", "dagger"],
    ),
    level=1,
    pb=2,
    scores=(8, 14, 14, 13, 11, 15),
    saves=(-1, 2, 2, 1, 2, 4),
    ac=13,
    ac_formula="Leather Armor 11 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 60},
    hp=10,
    hd={"d8": 1},
    passives=(10, 11, 10),
    skills={"deception": 4},
    attacks={"Dagger": (4, "1d4+2")},
    spell={"warlock": (12, 4, 2, 2)},
    slots=(),
    pact=(1, 1),
    resources={"magic_initiate_shield": 1},
    details={"invocations_known": 1},
    carry=120,
    resist=["necrotic"],
)

# Acolyte +2 Cha +1 Int -> 8,14,13,13,10,17; ASI 4 Cha+1 Con+1 (18, 14); mods -1,2,2,1,0,4.
case(
    "warlock5_fiend_rockgnome_acolyte",
    mk(
        [
            (
                "warlock",
                5,
                {
                    "invocations": [
                        "pact_of_the_blade",
                        "thirsting_blade",
                        "devils_sight",
                        "eldritch_mind",
                        "agonizing_blast",
                    ]
                },
            )
        ],
        "gnome",
        "acolyte",
        {"charisma": 2, "intelligence": 1},
        (8, 14, 13, 12, 10, 15),
        ["deception", "intimidation"],
        lineage="rock_gnome",
        asi=[("warlock", 4, {"charisma": 1, "constitution": 1})],
        equip=["leather_armor"],
    ),
    level=5,
    pb=3,
    scores=(8, 14, 14, 13, 10, 18),
    saves=(-1, 2, 2, 1, 3, 7),
    ac=13,
    ac_formula="Leather Armor 11 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="small",
    senses={"darkvision": 60, "devils_sight": 120},
    hp=38,
    hd={"d8": 5},
    passives=(10, 11, 13),
    skills={"intimidation": 7},
    attacks={},
    spell={"warlock": (15, 7, 6, 3)},
    slots=(),
    pact=(3, 2),
    resources={"magical_cunning": 1, "magic_initiate_bless": 1},
    details={"invocations_known": 5, "pact_weapon_attacks": 2},
    carry=120,
    resist=[],
)

# Criminal +1 Dex/Con/Int -> 8,15,14,13,10,15; ASIs 4 Cha+2 (17), 8 Cha+2 (19), 12 Cha+1 Con+1 (20, 15),
# 16 Con+1 Dex+1 (16, 16); Boon of Spell Recall Int+1 (14); mods -1,3,3,2,0,5.
case(
    "warlock20_fiend_drow_criminal",
    mk(
        [
            (
                "warlock",
                20,
                {
                    "fiendish_resilience": "slashing",
                    "invocations": [
                        "pact_of_the_tome",
                        "eldritch_mind",
                        "devils_sight",
                        "witch_sight",
                        "gift_of_the_depths",
                        "agonizing_blast",
                        "misty_visions",
                        "mask_of_many_faces",
                        "otherworldly_leap",
                        "whispers_of_the_grave",
                    ],
                },
            )
        ],
        "elf",
        "criminal",
        {"dexterity": 1, "constitution": 1, "intelligence": 1},
        (8, 14, 13, 12, 10, 15),
        ["deception", "intimidation"],
        lineage="drow",
        sp_skill="perception",
        asi=[
            ("warlock", 4, {"charisma": 2}),
            ("warlock", 8, {"charisma": 2}),
            ("warlock", 12, {"charisma": 1, "constitution": 1}),
            ("warlock", 16, {"constitution": 1, "dexterity": 1}),
        ],
        boon=("boon_of_spell_recall", {"intelligence": 1}),
        equip=["leather_armor"],
    ),
    level=20,
    pb=6,
    scores=(8, 16, 16, 14, 10, 20),
    saves=(-1, 3, 3, 2, 6, 11),
    ac=14,
    ac_formula="Leather Armor 11 + Dex 3",
    init=9,
    speed={"walk": 30, "swim": 30},
    size="medium",
    senses={"darkvision": 120, "devils_sight": 120, "truesight": 30},
    hp=163,  # 8+3, 19x(5+3)
    hd={"d8": 20},
    passives=(16, 12, 10),
    skills={"deception": 11},
    attacks={},
    spell={"warlock": (19, 11, 15, 4)},
    slots=(),
    pact=(5, 4),
    resources={
        "magical_cunning": 1,
        "contact_patron": 1,
        "mystic_arcanum_6": 1,
        "mystic_arcanum_7": 1,
        "mystic_arcanum_8": 1,
        "mystic_arcanum_9": 1,
        "dark_ones_own_luck": 5,
        "hurl_through_hell": 1,
        "innate_faerie_fire": 1,
        "innate_darkness": 1,
    },
    details={"invocations_known": 10},
    carry=120,
    resist=["slashing"],
)

# ---------------------------------------------------------------------------------------------- Wizard
# Wizard array 8,12,13,15,14,10; Sage +2 Int +1 Con -> 8,12,14,17,14,10; mods -1,1,2,3,2,0.
case(
    "wizard1_rockgnome_sage",
    mk(
        [("wizard", 1, {})],
        "gnome",
        "sage",
        {"intelligence": 2, "constitution": 1},
        (8, 12, 13, 15, 14, 10),
        ["investigation", "medicine"],
        lineage="rock_gnome",
        sp_ability="intelligence",
        equip=["quarterstaff"],
    ),
    level=1,
    pb=2,
    scores=(8, 12, 14, 17, 14, 10),
    saves=(-1, 1, 2, 5, 4, 0),
    ac=11,
    ac_formula="10 + Dex 1",
    init=1,
    speed={"walk": 30},
    size="small",
    senses={"darkvision": 60},
    hp=8,
    hd={"d6": 1},
    passives=(12, 15, 12),
    skills={"arcana": 5},
    attacks={"Quarterstaff": (1, "1d6-1")},
    spell={"wizard": (13, 5, 4, 3)},
    slots=(2,),
    pact=None,
    resources={"arcane_recovery": 1, "magic_initiate_shield": 1},
    details={"cantrip_dice": 1},
    carry=120,
    resist=[],
)

# Point buy 8,14,14,15,12,8 (0+7+7+9+4+0 = 27); Sage +2 Int +1 Con -> 8,14,15,17,12,8; Scholar: Arcana.
case(
    "wizard3_evoker_highelf_sage",
    mk(
        [("wizard", 3, {})],
        "elf",
        "sage",
        {"intelligence": 2, "constitution": 1},
        (8, 14, 14, 15, 12, 8),
        ["investigation", "medicine"],
        lineage="high_elf",
        sp_skill="perception",
        sp_ability="intelligence",
        method="point_buy",
        expertise=["arcana"],
        equip=["quarterstaff"],
    ),
    level=3,
    pb=2,
    scores=(8, 14, 15, 17, 12, 8),
    saves=(-1, 2, 2, 5, 3, -1),
    ac=12,
    ac_formula="10 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 60},
    hp=20,  # 6+2, 2x(4+2)
    hd={"d6": 3},
    passives=(13, 15, 11),
    skills={"arcana": 7},  # 3 + 2x2 Expertise
    attacks={"Quarterstaff": (1, "1d6-1")},
    spell={"wizard": (13, 5, 6, 3)},
    slots=(4, 2),
    pact=None,
    resources={"arcane_recovery": 1, "magic_initiate_shield": 1, "innate_detect_magic": 1},
    details={"cantrip_dice": 1},
    carry=120,
    resist=[],
)

# Sage +2 Int +1 Con -> 8,12,14,17,14,10; ASIs 4 Int+2 (19), 8 Int+1 Con+1 (20, 15), 12 Con+1 Dex+1 (16, 13),
# 16 Dex+1 Wis+1 (14, 15); Boon of Spell Recall Int+1 (21); mods -1,2,3,5,2,0.
case(
    "wizard20_evoker_dwarf_sage",
    mk(
        [("wizard", 20, {})],
        "dwarf",
        "sage",
        {"intelligence": 2, "constitution": 1},
        (8, 12, 13, 15, 14, 10),
        ["investigation", "medicine"],
        expertise=["arcana"],
        asi=[
            ("wizard", 4, {"intelligence": 2}),
            ("wizard", 8, {"intelligence": 1, "constitution": 1}),
            ("wizard", 12, {"constitution": 1, "dexterity": 1}),
            ("wizard", 16, {"dexterity": 1, "wisdom": 1}),
        ],
        boon=("boon_of_spell_recall", {"intelligence": 1}),
    ),
    level=20,
    pb=6,
    scores=(8, 14, 16, 21, 15, 10),
    saves=(-1, 2, 3, 11, 8, 0),
    ac=12,
    ac_formula="10 + Dex 2",
    init=2,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 120},
    hp=162,  # 6+3, 19x(4+3)=133, Dwarven Toughness +20
    hd={"d6": 20},
    passives=(12, 21, 12),
    skills={"arcana": 17},
    attacks={},
    spell={"wizard": (19, 11, 25, 5)},
    slots=(4, 3, 3, 3, 3, 2, 2, 1, 1),
    pact=None,
    resources={"arcane_recovery": 1, "stonecunning": 6, "magic_initiate_shield": 1},
    details={"cantrip_dice": 4},
    carry=120,
    resist=["poison"],
)

# ---------------------------------------------------------------------------------------------- Multiclass
# SRD example: level 4 Ranger / level 3 Sorcerer casts as level 5 -> slots 4/3/2.
# Array as Str 8, Dex 15, Con 12, Int 10, Wis 14, Cha 13; Criminal Dex+2 Con+1 (17, 13);
# Ranger ASI 4 Dex+1 Cha+1 (18, 14); mods -1,4,1,0,2,2; PB 3 (level 7).
case(
    "ranger4_sorcerer3_human_criminal",
    mk(
        [("ranger", 4, {"hunters_prey": "colossus_slayer"}), ("sorcerer", 3, {})],
        "human",
        "criminal",
        {"dexterity": 2, "constitution": 1},
        (8, 15, 12, 10, 14, 13),
        ["perception", "nature", "survival"],
        sp_skill="insight",
        asi=[("ranger", 4, {"dexterity": 1, "charisma": 1})],
        expertise=["perception"],
        masteries=["longbow", "shortsword"],
        equip=["studded_leather_armor", "longbow"],
    ),
    level=7,
    pb=3,
    scores=(8, 18, 13, 10, 14, 14),
    saves=(2, 7, 1, 0, 2, 2),
    ac=16,
    ac_formula="Studded Leather Armor 12 + Dex 4",
    init=7,
    speed={"walk": 30},
    size="medium",
    senses={},
    hp=50,  # Ranger 10+1, 3x(6+1)=21; Sorcerer 3x(4+1)=15; Draconic Resilience +3
    hd={"d10": 4, "d6": 3},
    passives=(18, 10, 15),
    skills={"perception": 8},
    attacks={"Longbow": (7, "1d8+4")},
    spell={"ranger": (13, 5, 5, 0), "sorcerer": (13, 5, 6, 4)},
    slots=(4, 3, 2),
    pact=None,
    resources={"favored_enemy": 2, "innate_sorcery": 2, "sorcery_points": 3},
    details={"attacks_per_action": 1},
    carry=120,
    resist=[],
)

# Cleric 5 / Paladin 3: caster level 5 + ceil(3/2) = 7 -> 4/3/3/1. Array Str 14, Dex 8, Con 13, Int 10,
# Wis 15, Cha 12; Acolyte Wis+2 Cha+1 (17, 13); Cleric ASI 4 Str+1 Wis+1 (15, 18); mods 2,-1,1,0,4,1; PB 3.
case(
    "cleric5_paladin3_dwarf_acolyte",
    mk(
        [("cleric", 5, {"divine_order": "protector"}), ("paladin", 3, {})],
        "dwarf",
        "acolyte",
        {"wisdom": 2, "charisma": 1},
        (14, 8, 13, 10, 15, 12),
        ["history", "medicine"],
        asi=[("cleric", 4, {"strength": 1, "wisdom": 1})],
        styles=["defense"],
        masteries=["warhammer", "javelin"],
        equip=["chain_mail", "shield", "warhammer"],
    ),
    level=8,
    pb=3,
    scores=(15, 8, 13, 10, 18, 13),
    saves=(2, -1, 1, 0, 7, 4),
    ac=19,
    ac_formula="Chain Mail 16 + Shield 2 + Defense 1",
    init=-1,
    speed={"walk": 30},
    size="medium",
    senses={"darkvision": 120},
    hp=62,  # Cleric 8+1, 4x(5+1)=24; Paladin 3x(6+1)=21; Dwarf +8
    hd={"d8": 5, "d10": 3},
    passives=(14, 10, 17),
    skills={"medicine": 7},
    attacks={"Warhammer": (5, "1d8+2")},
    spell={"cleric": (15, 7, 9, 4), "paladin": (12, 4, 4, 0)},
    slots=(4, 3, 3, 1),
    pact=None,
    resources={
        "channel_divinity": 2,
        "lay_on_hands": 15,
        "paladins_smite": 1,
        "paladin_channel_divinity": 2,
        "stonecunning": 3,
        "magic_initiate_bless": 1,
    },
    details={"attacks_per_action": 1, "weapon_mastery_count": 2},
    carry=225,
    resist=["poison"],
)

# Barbarian 3 / Monk 2: only one Unarmored Defense counts; the best is used (Con 2 > Wis 1).
# Point buy Str 15, Dex 13, Con 14, Int 8, Wis 13, Cha 8 (9+5+7+0+5+0 = 26); Soldier Str+2 Dex+1 (17, 14).
case(
    "barbarian3_monk2_woodelf_soldier",
    mk(
        [("barbarian", 3, {}), ("monk", 2, {})],
        "elf",
        "soldier",
        {"strength": 2, "dexterity": 1},
        (15, 13, 14, 8, 13, 8),
        ["animal_handling", "perception", "survival"],
        lineage="wood_elf",
        sp_skill="insight",
        method="point_buy",
        masteries=["greataxe", "handaxe"],
        equip=["greataxe"],
    ),
    level=5,
    pb=3,
    scores=(17, 14, 14, 8, 13, 8),
    saves=(6, 2, 5, -1, 1, -1),
    ac=14,
    ac_formula="Unarmored Defense 10 + Dex 2 + Con 2",
    init=2,
    speed={"walk": 45},  # Wood Elf 35 + Unarmored Movement 10 (Fast Movement needs Barbarian 5)
    size="medium",
    senses={"darkvision": 60},
    hp=46,  # Barbarian 12+2, 2x(7+2); Monk 2x(5+2)
    hd={"d12": 3, "d8": 2},
    passives=(14, 9, 14),
    skills={"athletics": 6},
    attacks={"Unarmed Strike": (6, "1d6+3"), "Greataxe": (6, "1d12+3")},
    spell={},
    slots=(),
    pact=None,
    # Wood Elf lineage spells at character levels 3 and 5 (one free cast each per Long Rest)
    resources={
        "rage": 3,
        "focus_points": 2,
        "uncanny_metabolism": 1,
        "innate_longstrider": 1,
        "innate_pass_without_trace": 1,
    },
    details={"rages": 3, "martial_arts_die": "d6", "attacks_per_action": 1},
    carry=255,
    resist=[],
)

# Rogue 3 / Bard 2: only Bard has Spellcasting -> Bard table level 2 (3 slots). Jack of All Trades +1.
# Array Str 8, Dex 15, Con 14, Int 10, Wis 12, Cha 13; Criminal Dex+2 Int+1 (17, 11); mods -1,3,2,0,1,1.
case(
    "rogue3_bard2_halfling_criminal",
    mk(
        [("rogue", 3, {}), ("bard", 2, {})],
        "halfling",
        "criminal",
        {"dexterity": 2, "intelligence": 1},
        (8, 15, 14, 10, 12, 13),
        ["acrobatics", "perception", "investigation", "deception", "performance"],
        expertise=["stealth", "perception", "acrobatics", "investigation"],
        tools=["lute"],
        masteries=["rapier", "shortbow"],
        equip=["leather_armor", "rapier"],
    ),
    level=5,
    pb=3,
    scores=(8, 17, 14, 11, 12, 13),
    saves=(-1, 6, 2, 3, 1, 1),
    ac=14,
    ac_formula="Leather Armor 11 + Dex 3",
    init=6,
    speed={"walk": 30, "climb": 30},
    size="small",
    senses={},
    hp=38,  # Rogue 8+2, 2x(5+2); Bard 2x(5+2)
    hd={"d8": 5},
    passives=(17, 16, 12),
    skills={"athletics": 0, "stealth": 9},
    attacks={"Rapier": (6, "1d8+3")},
    spell={"bard": (12, 4, 5, 2)},
    slots=(3,),
    pact=None,
    resources={"bardic_inspiration": 1},
    details={"sneak_attack_dice": "2d6", "bardic_die": "d6"},
    carry=120,
    resist=[],
)


@pytest.mark.parametrize(("name", "build", "exp"), CASES, ids=[c[0] for c in CASES])
def test_golden_sheet(name: str, build: Build, exp: dict[str, Any]) -> None:
    s = compute_sheet(build)
    assert s["level"] == exp["level"]
    assert s["proficiency_bonus"] == exp["pb"]
    assert tuple(s["abilities"][a]["score"] for a in ABIL) == exp["scores"]
    assert tuple(s["abilities"][a]["modifier"] for a in ABIL) == tuple((x - 10) // 2 for x in exp["scores"])
    assert tuple(s["abilities"][a]["save"] for a in ABIL) == exp["saves"]
    assert s["armor_class"]["value"] == exp["ac"]
    assert s["armor_class"]["formula"] == exp["ac_formula"]
    assert s["armor_class"]["stealth_disadvantage"] == exp.get(
        "stealth_dis", any(w in exp["ac_formula"] for w in ("Chain Mail", "Plate", "Half Plate", "Scale"))
    )
    assert s["armor_class"]["untrained_armor"] is False
    assert s["initiative"] == exp["init"]
    if "init_adv" in exp:
        assert s["initiative_advantage"] == exp["init_adv"]
        assert s["initiative_score"] == exp["init_score"]
    for k, v in exp["speed"].items():
        assert s["speed"][k] == v, k
    assert s["size"] == exp["size"]
    assert s["senses"] == exp["senses"]
    assert s["hit_points"]["max"] == exp["hp"]
    assert s["hit_points"]["current"] == exp["hp"]
    assert {d: v["max"] for d, v in s["hit_dice"].items()} == exp["hd"]
    assert (s["passives"]["perception"], s["passives"]["investigation"], s["passives"]["insight"]) == exp["passives"]
    for sk, v in exp["skills"].items():
        assert s["skills"][sk]["modifier"] == v, sk
    by_name = {a["name"]: a for a in s["attacks"]}
    for name_, (bonus, dmg) in exp["attacks"].items():
        assert by_name[name_]["attack_bonus"] == bonus, name_
        assert by_name[name_]["damage"] == dmg, name_
    for name_, dc in exp.get("topple_dc", {}).items():
        assert by_name[name_]["mastery"] == "topple"
        assert by_name[name_]["mastery_save_dc"] == dc
    if "crit" in exp:
        assert by_name["Unarmed Strike"]["crit_range"] == exp["crit"]
    if "breath" in exp:
        assert (by_name["Breath Weapon"]["save_dc"], by_name["Breath Weapon"]["damage_type"]) == exp["breath"]
    got_spell = {
        c: (v["save_dc"], v["attack_bonus"], v["prepared_max"], v["cantrips_max"]) for c, v in s["spellcasting"].items()
    }
    assert got_spell == exp["spell"]
    for c, spells in exp.get("always", {}).items():
        assert s["spellcasting"][c]["always_prepared"] == spells
    assert tuple(v["max"] for v in s["spell_slots"].values()) == exp["slots"]
    pact = s["pact_slots"]
    assert (None if pact is None else (pact["level"], pact["max"])) == exp["pact"]
    assert {r["id"]: r["max"] for r in s["resources"]} == exp["resources"]
    for k, v in exp["details"].items():
        assert s["class_details"][k] == v, k
    capacity = s["carrying_capacity"]
    assert (capacity["carry"], capacity["drag_lift_push"]) == (exp["carry"], exp["carry"] * 2)
    assert s["resistances"] == exp["resist"]
    assert s["attunement"] == {"max": 3, "used": 0}
    assert s["d20_penalty"] == 0
    assert s["warnings"] == (
        [] if name != "cleric11_life_orc_sage_protector" else ["Plate Armor needs Strength 15: Speed -10 ft."]
    )
    json.dumps(s)


@pytest.mark.parametrize(("name", "build"), [(c[0], c[1]) for c in CASES], ids=[c[0] for c in CASES])
def test_golden_builds_are_legal(name: str, build: Build) -> None:
    assert [p.to_dict() for p in validate(build)] == []


def test_golden_coverage() -> None:
    classes = {c.id for _n, b, _e in CASES for c in b.classes}
    species = {b.species.id for _n, b, _e in CASES}
    backgrounds = {b.background.id for _n, b, _e in CASES}
    levels = {b.level for _n, b, _e in CASES}
    assert len(CASES) >= 40
    assert len(classes) == 12 and len(species) == 9 and len(backgrounds) == 4
    assert {1, 3, 5, 11, 20} <= levels
    assert sum(1 for _n, b, _e in CASES if len(b.classes) > 1) >= 4
