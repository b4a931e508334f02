"""Property-based tests (hypothesis) over random builds and play states."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from character_service.rules.abilities import SKILLS
from character_service.rules.build import Build
from character_service.rules.data.classes import CLASSES, MULTICLASS_SLOTS
from character_service.rules.data.species import SPECIES
from character_service.rules.multiclass import caster_level
from character_service.rules.sheet import compute_sheet
from character_service.rules.state import PlayState
from character_service.rules.validation import validate

ABIL = ("strength", "dexterity", "constitution", "intelligence", "wisdom", "charisma")
BG_ABIL = {
    "acolyte": ("intelligence", "wisdom", "charisma"),
    "criminal": ("dexterity", "constitution", "intelligence"),
    "sage": ("constitution", "intelligence", "wisdom"),
    "soldier": ("strength", "dexterity", "constitution"),
}
ITEMS = [
    "leather_armor",
    "chain_shirt",
    "half_plate_armor",
    "chain_mail",
    "plate_armor",
    "shield",
    "longsword",
    "dagger",
    "longbow",
    "greataxe",
    "quarterstaff",
    "rapier",
    "handaxe",
]
PROF_MULT = {"none": 0, "half": None, "proficient": 1, "expertise": 2}


@st.composite
def builds(draw: st.DrawFn, allow_bonuses: bool = True) -> Build:
    ids = draw(st.lists(st.sampled_from(sorted(CLASSES)), min_size=1, max_size=3, unique=True))
    if not allow_bonuses:
        ids = [c for c in ids if c not in ("paladin", "cleric", "druid")] or ["fighter"]
    levels = [draw(st.integers(1, 20)) for _ in ids]
    while sum(levels) > 20:
        i = levels.index(max(levels))
        levels[i] = max(1, levels[i] // 2)
    classes = []
    for cid, lvl in zip(ids, levels, strict=False):
        classes.append(
            {
                "id": cid,
                "level": lvl,
                "subclass": CLASSES[cid].subclass.id if lvl >= 3 else None,
                "hp_rolls": draw(
                    st.one_of(st.just([]), st.lists(st.integers(1, CLASSES[cid].hit_die), min_size=lvl, max_size=lvl))
                ),
            }
        )
    sp = draw(st.sampled_from(sorted(SPECIES)))
    species: dict[str, Any] = {"id": sp}
    lineages = SPECIES[sp].lineages
    if lineages:
        species["lineage"] = draw(st.sampled_from(sorted(lineages)))
    bg = draw(st.sampled_from(sorted(BG_ABIL)))
    a = draw(st.permutations(BG_ABIL[bg]))
    inc = {a[0]: 2, a[1]: 1} if draw(st.booleans()) else {x: 1 for x in a}
    base = {ab: draw(st.integers(3, 18)) for ab in ABIL}
    equipment = [
        {"item_id": i, "equipped": draw(st.booleans())} for i in draw(st.lists(st.sampled_from(ITEMS), max_size=4))
    ]
    if allow_bonuses and draw(st.booleans()):
        equipment.append({"item_id": "ring_of_protection", "equipped": True, "attuned": True})
    return Build.model_validate(
        {
            "species": species,
            "background": {"id": bg, "ability_increases": inc},
            "classes": classes,
            "ability_scores": {"method": "manual", "base": base},
            "skill_proficiencies": draw(st.lists(st.sampled_from(sorted(SKILLS)), max_size=5, unique=True)),
            "expertise": draw(st.lists(st.sampled_from(sorted(SKILLS)), max_size=3, unique=True)),
            "feats": [{"id": "alert", "source": "background"}] if draw(st.booleans()) else [],
            "equipment": equipment,
        }
    )


states = st.builds(
    PlayState,
    hp_current=st.one_of(st.none(), st.integers(0, 300)),
    temp_hp=st.integers(0, 20),
    exhaustion=st.integers(0, 5),
    spell_slots_spent=st.dictionaries(st.integers(1, 9), st.integers(0, 5), max_size=3),
    resources_spent=st.dictionaries(
        st.sampled_from(["rage", "second_wind", "focus_points", "lay_on_hands"]), st.integers(0, 50), max_size=2
    ),
)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(builds())
def test_proficiency_bonus_and_level(b: Build) -> None:
    s = compute_sheet(b)
    assert s["level"] == sum(c.level for c in b.classes)
    assert s["proficiency_bonus"] == 2 + (s["level"] - 1) // 4
    assert sum(v["max"] for v in s["hit_dice"].values()) == s["level"]


@SETTINGS
@given(builds())
def test_passive_is_10_plus_skill(b: Build) -> None:
    s = compute_sheet(b)
    for p in ("perception", "investigation", "insight"):
        assert s["passives"][p] == 10 + s["skills"][p]["modifier"]


@SETTINGS
@given(builds(allow_bonuses=False))
def test_skill_and_save_formulas(b: Build) -> None:
    s = compute_sheet(b)
    pb = s["proficiency_bonus"]
    for ab, blk in s["abilities"].items():
        assert blk["modifier"] == (blk["score"] - 10) // 2
        assert blk["save"] == blk["modifier"] + (pb if blk["save_proficient"] else 0), ab
    for sk, sblk in s["skills"].items():
        mod = s["abilities"][sblk["ability"]]["modifier"]
        add = {"none": 0, "half": pb // 2, "proficient": pb, "expertise": 2 * pb}[sblk["proficiency"]]
        assert sblk["modifier"] == mod + add, sk


@SETTINGS
@given(builds())
def test_saves_bonus_uniform(b: Build) -> None:
    s = compute_sheet(b)
    pb = s["proficiency_bonus"]
    extra = {blk["save"] - blk["modifier"] - (pb if blk["save_proficient"] else 0) for blk in s["abilities"].values()}
    assert len(extra) == 1 and min(extra) >= 0  # Aura of Protection / items add the same to every save


@SETTINGS
@given(builds())
def test_spell_dc_and_attack(b: Build) -> None:
    s = compute_sheet(b)
    pb = s["proficiency_bonus"]
    for cid, sc in s["spellcasting"].items():
        mod = s["abilities"][CLASSES[cid].spell_ability or ""]["modifier"]
        assert sc["save_dc"] == 8 + pb + mod
        assert sc["attack_bonus"] == pb + mod


@SETTINGS
@given(builds())
def test_hp_at_least_level(b: Build) -> None:
    s = compute_sheet(b)
    assert s["hit_points"]["max"] >= s["level"]


@SETTINGS
@given(builds())
def test_multiclass_slots_follow_caster_level(b: Build) -> None:
    s = compute_sheet(b)
    levels = {c.id: c.level for c in b.classes}
    casters = [c for c in levels if CLASSES[c].caster in ("full", "half")]
    if len(casters) >= 2:
        expected = MULTICLASS_SLOTS[caster_level(levels) - 1]
        assert tuple(v["max"] for v in s["spell_slots"].values()) == expected
    if not casters:
        assert s["spell_slots"] == {}


@SETTINGS
@given(builds(), states)
def test_remaining_within_max(b: Build, state: PlayState) -> None:
    s = compute_sheet(b, state)
    hp = s["hit_points"]
    assert 0 <= hp["current"] <= hp["max"]
    assert hp["bloodied"] == (hp["current"] * 2 <= hp["max"])
    for r in s["resources"]:
        assert 0 <= r["remaining"] <= r["max"]
    for slot in s["spell_slots"].values():
        assert 0 <= slot["remaining"] <= slot["max"]
    assert s["d20_penalty"] == -2 * state.exhaustion


@SETTINGS
@given(builds(), states)
def test_pure_and_json(b: Build, state: PlayState) -> None:
    s1 = compute_sheet(b, state)
    assert json.loads(json.dumps(s1)) == compute_sheet(b, state)


@SETTINGS
@given(builds())
def test_validate_never_raises(b: Build) -> None:
    for p in validate(b):
        assert p.field and p.code and p.message
