"""Spending and restoring resources, spell slots, Pact Magic slots, Heroic Inspiration."""

from __future__ import annotations

import pytest

from character_service.rules.play import (
    gain_heroic_inspiration,
    restore_pact_slot,
    restore_resource,
    restore_spell_slot,
    spend_heroic_inspiration,
    spend_pact_slot,
    spend_resource,
    spend_spell_slot,
)
from character_service.rules.state import (
    NothingLeftError,
    PlayError,
    PlayLimits,
    PlayState,
    ResourceLimit,
    UnknownResourceError,
)

LIMITS = PlayLimits(
    hp_max=20,
    spell_slots={1: 2, 3: 1},
    pact_slots=2,
    pact_slot_level=3,
    resources={"rage": ResourceLimit(max=3, recharge="long_rest", short_rest_regain=1)},
)


def test_spend_resource_until_empty() -> None:
    s, rep = spend_resource(PlayState(), LIMITS, "rage")
    assert s.resources_spent == {"rage": 1} and rep.remaining == 2 and rep.max == 3
    s, rep = spend_resource(s, LIMITS, "rage", 2)
    assert rep.remaining == 0
    with pytest.raises(NothingLeftError) as info:
        spend_resource(s, LIMITS, "rage")
    assert info.value.code == "nothing_left" and info.value.field == "resource_id"


def test_spend_resource_errors() -> None:
    with pytest.raises(UnknownResourceError):
        spend_resource(PlayState(), LIMITS, "ki")
    with pytest.raises(PlayError):
        spend_resource(PlayState(), LIMITS, "rage", 0)
    with pytest.raises(NothingLeftError):
        spend_resource(PlayState(), LIMITS, "rage", 4)


def test_restore_resource() -> None:
    s = PlayState(resources_spent={"rage": 3})
    s1, rep = restore_resource(s, LIMITS, "rage", 1)
    assert s1.resources_spent == {"rage": 2} and rep.changed == 1
    s2, rep2 = restore_resource(s, LIMITS, "rage")
    assert s2.resources_spent == {} and rep2.changed == 3
    s3, rep3 = restore_resource(s2, LIMITS, "rage", 5)
    assert s3 == s2 and rep3.changed == 0


def test_spell_slots() -> None:
    s, rep = spend_spell_slot(PlayState(), LIMITS, 1)
    s, rep = spend_spell_slot(s, LIMITS, 1)
    assert s.spell_slots_spent == {1: 2} and rep.remaining == 0
    with pytest.raises(NothingLeftError):
        spend_spell_slot(s, LIMITS, 1)
    with pytest.raises(UnknownResourceError):
        spend_spell_slot(s, LIMITS, 2)
    with pytest.raises(UnknownResourceError):
        spend_spell_slot(s, LIMITS, 10)
    s, rep = restore_spell_slot(s, LIMITS, 1)
    assert s.spell_slots_spent == {1: 1} and rep.remaining == 1
    s, _ = restore_spell_slot(s, LIMITS, 1, 5)
    assert s.spell_slots_spent == {}


def test_pact_slots() -> None:
    s, rep = spend_pact_slot(PlayState(), LIMITS)
    assert s.pact_slots_spent == 1 and rep.id == "3"
    s, _ = spend_pact_slot(s, LIMITS)
    with pytest.raises(NothingLeftError):
        spend_pact_slot(s, LIMITS)
    with pytest.raises(UnknownResourceError):
        spend_pact_slot(PlayState(), PlayLimits(hp_max=5))
    s, rep = restore_pact_slot(s, LIMITS, 2)
    assert s.pact_slots_spent == 0 and rep.changed == 2


def test_heroic_inspiration() -> None:
    # RG "Heroic Inspiration": you have it or not; expend it to reroll.
    s, rep = gain_heroic_inspiration(PlayState())
    assert s.heroic_inspiration and rep.changed == 1
    s2, rep2 = gain_heroic_inspiration(s)
    assert s2.heroic_inspiration and rep2.changed == 0
    s3, _ = spend_heroic_inspiration(s2)
    assert not s3.heroic_inspiration
    with pytest.raises(NothingLeftError):
        spend_heroic_inspiration(s3)


def test_overspent_state_is_clamped_to_max() -> None:
    # A maximum that shrank (e.g. respec) never yields negative remaining uses.
    s = PlayState(resources_spent={"rage": 9})
    _, rep = restore_resource(s, LIMITS, "rage", 1)
    assert rep.spent == 2 and rep.remaining == 1
