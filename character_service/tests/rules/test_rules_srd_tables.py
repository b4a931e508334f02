"""Cross-check the encoded class tables against the SRD 5.2 markdown itself.

Parses each "<Class> Features" table in /work/shared/srd/03_Classes and compares
every numeric column with ``rules/data/classes.py``.  Skipped if the SRD text
isn't present.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from character_service.rules.data import classes as C
from dnd_shared.testing.srd import SRD_DIR, requires_srd

SRD = (SRD_DIR or Path("/nonexistent")) / "03_Classes"
pytestmark = requires_srd

FILES = {
    "barbarian": "01_Barbarian.md",
    "bard": "02_Bard.md",
    "cleric": "03_Cleric.md",
    "druid": "04_Druid.md",
    "fighter": "05_Fighter.md",
    "monk": "06_Monk.md",
    "paladin": "07_Paladin.md",
    "ranger": "08_Ranger.md",
    "rogue": "09_Rogue.md",
    "sorcerer": "10_Sorcerer.md",
    "warlock": "11_Warlock.md",
    "wizard": "12_Wizard.md",
}


def features_table(class_id: str) -> tuple[list[str], list[list[str]]]:
    lines = (SRD / FILES[class_id]).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| Level") and "Proficiency" in line)
    header = [h.strip() for h in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 : start + 22]:
        rows.append([c.strip() for c in line.strip("|").split("|")])
    assert len(rows) == 20
    return header, rows


def column(class_id: str, name: str) -> list[str]:
    header, rows = features_table(class_id)
    idx = header.index(name)
    return [r[idx] for r in rows]


def ints(values: list[str]) -> tuple[int, ...]:
    return tuple(0 if v in ("—", "-") else int(re.sub(r"[^\d]", "", v)) for v in values)


@pytest.mark.parametrize("class_id", sorted(FILES))
def test_proficiency_bonus_column(class_id: str) -> None:
    assert ints(column(class_id, "Proficiency Bonus")) == tuple(2 + (lvl - 1) // 4 for lvl in range(1, 21))


@pytest.mark.parametrize("class_id", ["bard", "cleric", "druid", "sorcerer", "warlock", "wizard"])
def test_cantrips_column(class_id: str) -> None:
    assert ints(column(class_id, "Cantrips")) == C.CLASSES[class_id].cantrips


@pytest.mark.parametrize("class_id", ["bard", "cleric", "druid", "paladin", "ranger", "sorcerer", "warlock", "wizard"])
def test_prepared_column(class_id: str) -> None:
    assert ints(column(class_id, "Prepared Spells")) == C.CLASSES[class_id].prepared


@pytest.mark.parametrize("class_id", ["bard", "cleric", "druid", "paladin", "ranger", "sorcerer", "wizard"])
def test_slot_columns(class_id: str) -> None:
    header, rows = features_table(class_id)
    first = header.index("1")
    table = C.FULL_CASTER_SLOTS if C.CLASSES[class_id].caster == "full" else C.HALF_CASTER_SLOTS
    for lvl, row in enumerate(rows, start=1):
        slots = tuple(n for n in ints(row[first:]) if n)
        assert slots == table[lvl - 1], (class_id, lvl)


def test_warlock_pact_columns() -> None:
    assert ints(column("warlock", "Spell Slots")) == C.PACT_SLOTS
    assert ints(column("warlock", "Slot Level")) == C.PACT_SLOT_LEVEL
    assert ints(column("warlock", "Eldritch Invocations")) == C.INVOCATIONS


@pytest.mark.parametrize(
    ("class_id", "name", "expected"),
    [
        ("barbarian", "Rages", C.RAGES),
        ("barbarian", "Rage Damage", C.RAGE_DAMAGE),
        ("cleric", "Channel Divinity", C.CLERIC_CD),
        ("druid", "Wild Shape", C.WILD_SHAPE),
        ("fighter", "Second Wind", C.SECOND_WIND),
        ("monk", "Focus Points", C.FOCUS),
        ("monk", "Unarmored Movement", C.UNARMORED_MOVEMENT),
        ("paladin", "Channel Divinity", C.PALADIN_CD),
        ("ranger", "Favored Enemy", C.FAVORED_ENEMY),
        ("sorcerer", "Sorcery Points", C.SORCERY_POINTS),
    ],
)
def test_resource_columns(class_id: str, name: str, expected: tuple[int, ...]) -> None:
    assert ints(column(class_id, name)) == expected


@pytest.mark.parametrize("class_id", ["barbarian", "fighter"])
def test_weapon_mastery_columns(class_id: str) -> None:
    assert ints(column(class_id, "Weapon Mastery")) == C.CLASSES[class_id].weapon_mastery


def test_die_columns() -> None:
    assert tuple(v.lower() for v in column("bard", "Bardic Die")) == C.BARDIC_DIE
    assert tuple(v.lower().lstrip("1") for v in column("monk", "Martial Arts")) == C.MARTIAL_ARTS
    assert tuple(int(v.split("d")[0]) for v in column("rogue", "Sneak Attack")) == C.SNEAK_ATTACK


@pytest.mark.parametrize("class_id", sorted(FILES))
def test_asi_levels_and_hit_die(class_id: str) -> None:
    text = (SRD / FILES[class_id]).read_text(encoding="utf-8")
    feats = column(class_id, "Class Features")
    asi = {lvl for lvl, f in enumerate(feats, start=1) if "Ability Score Improvement" in f}
    assert asi == C.CLASSES[class_id].asi_levels
    assert f"D{C.CLASSES[class_id].hit_die} per" in text


EQUIPMENT = (SRD_DIR or Path("/nonexistent")) / "06_Equipment.md"


def _equipment_rows(first_header: str) -> list[list[str]]:
    rows: list[list[str]] = []
    lines = EQUIPMENT.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.startswith(f"| {first_header}") or line.startswith(f"|{first_header}"):
            for row in lines[i + 2 :]:
                if not row.startswith("|"):
                    break
                rows.append([c.strip() for c in row.strip("|").split("|")])
    return rows


def test_weapons_match_srd() -> None:
    from character_service.rules.data.equipment import WEAPONS

    rows = _equipment_rows("Name")
    by_name = {w.name: w for w in WEAPONS.values()}
    assert len(rows) == len(WEAPONS) == 38
    for name, damage, props, mastery, *_rest in rows:
        w = by_name[name]
        die, dtype = damage.split(" ")
        assert (w.damage, w.damage_type, w.mastery) == (die, dtype.lower(), mastery.lower()), name
        listed = {p.split(" (")[0].strip().lower() for p in re.split(r",\s*(?![^()]*\))", props) if p != "—"}
        listed.discard("range")
        assert set(w.properties) == listed, name
        if w.versatile:
            assert f"Versatile ({w.versatile})" in props
        if w.range:
            assert f"Range {w.range[0]}/{w.range[1]}" in props


def test_armor_matches_srd() -> None:
    from character_service.rules.data.equipment import ARMOR

    rows = _equipment_rows("Armor")
    by_name = {a.name: a for a in ARMOR.values()}
    assert len(rows) == len(ARMOR) == 13
    for name, ac, strength, stealth, *_rest in rows:
        a = by_name[name]
        assert str(a.base_ac) in ac, name
        assert ("max 2" in ac) == (a.dex_cap == 2), name
        assert ("Dex" in ac) == (a.dex_cap != 0 and a.category != "shield"), name
        assert (a.strength or 0) == (int(strength.split()[-1]) if strength != "—" else 0), name
        assert a.stealth_disadvantage == (stealth == "Disadvantage"), name
