"""``limits_from_sheet``: PlayLimits from the real computed sheet, then a play round trip."""

from __future__ import annotations

from character_service.rules.build import Build
from character_service.rules.play import apply_damage, limits_from_sheet, spend_pact_slot, spend_resource
from character_service.rules.rests import long_rest, short_rest
from character_service.rules.sheet import compute_sheet
from character_service.rules.state import PlayState, ResourceLimit

SCORES = {
    "method": "standard_array",
    "base": {
        "strength": 10,
        "dexterity": 12,
        "constitution": 14,
        "intelligence": 8,
        "wisdom": 15,
        "charisma": 13,
    },
}


def human_cleric_warlock() -> Build:
    return Build.model_validate(
        {
            "name": "Test",
            "species": {"id": "human"},
            "background": {"id": "acolyte", "ability_increases": {"wisdom": 2, "intelligence": 1}},
            "classes": [{"id": "cleric", "level": 3, "subclass": "life"}, {"id": "warlock", "level": 2}],
            "ability_scores": SCORES,
        }
    )


def test_limits_match_sheet() -> None:
    sheet = compute_sheet(human_cleric_warlock())
    limits = limits_from_sheet(sheet)
    assert limits.hp_max == sheet["hit_points"]["max"]
    assert limits.con_mod == sheet["constitution_modifier"]
    assert dict(limits.hit_dice) == {d: p["max"] for d, p in sheet["hit_dice"].items()}
    assert dict(limits.spell_slots) == {int(k): p["max"] for k, p in sheet["spell_slots"].items()}
    pact = sheet["pact_slots"]
    assert pact is not None
    assert (limits.pact_slots, limits.pact_slot_level) == (pact["max"], pact["level"])
    assert set(limits.resources) == {r["id"] for r in sheet["resources"]}
    # Cleric Channel Divinity: one use back on a Short Rest.
    assert limits.resources["channel_divinity"] == ResourceLimit(
        max=limits.resources["channel_divinity"].max, recharge="long_rest", short_rest_regain=1
    )
    # Human "Resourceful".
    assert limits.heroic_inspiration_on_long_rest


def test_play_round_trip_reflected_on_sheet() -> None:
    build = human_cleric_warlock()
    limits = limits_from_sheet(compute_sheet(build))
    s = PlayState()
    s, _ = apply_damage(s, limits, 20, "slashing")
    s, _ = spend_resource(s, limits, "channel_divinity")
    s, _ = spend_pact_slot(s, limits)
    s, rep = short_rest(s, limits, {"d8": [4]})
    assert rep.hit_dice_healing == [4 + limits.con_mod]
    sheet = compute_sheet(build, s)
    assert sheet["hit_points"]["current"] == limits.hp_max - 20 + 4 + limits.con_mod
    assert sheet["hit_dice"]["d8"]["remaining"] == limits.hit_dice["d8"] - 1
    pact = sheet["pact_slots"]
    assert pact is not None and pact["remaining"] == pact["max"]
    s, _ = long_rest(s, limits)
    sheet = compute_sheet(build, s)
    assert sheet["hit_points"]["current"] == limits.hp_max and sheet["heroic_inspiration"]
    assert all(r["remaining"] == r["max"] for r in sheet["resources"])
