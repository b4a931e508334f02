"""Carried weight against carrying capacity (06_Equipment.md weights; Rules Glossary, Carrying Capacity)."""

from __future__ import annotations

import json
from pathlib import Path

from character_service.rules.build import Build
from character_service.rules.data.equipment import ITEM_WEIGHT_LB
from character_service.rules.sheet import compute_sheet

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_srd_weights() -> None:
    # 06_Equipment.md: Longsword 3 lb., Chain Mail 55 lb., Plate Armor 65 lb., Shield 6 lb., Dart 1/4 lb.
    assert (ITEM_WEIGHT_LB["longsword"], ITEM_WEIGHT_LB["chain_mail"], ITEM_WEIGHT_LB["plate_armor"]) == (3, 55, 65)
    assert (ITEM_WEIGHT_LB["shield"], ITEM_WEIGHT_LB["dart"]) == (6, 0.25)


def test_carried_weight_and_capacity() -> None:
    document = json.loads((EXAMPLES / "fighter_dwarf_5.json").read_text())
    document.pop("state")
    sheet = compute_sheet(Build.model_validate(document))
    # Chain Mail 55 + Shield 6 + Longsword 3 + Maul 10 + 6 Javelins x 2 = 86 lb; Str 18 x 15 = 270 lb.
    assert sheet["carrying_capacity"] == {"carry": 270, "drag_lift_push": 540, "carried": 86}
    assert not any("capacity" in w for w in sheet["warnings"])
    document["equipment"].append({"item": {"name": "Anvil", "weight_lb": 200}, "quantity": 1})
    heavy = compute_sheet(Build.model_validate(document))
    assert heavy["carrying_capacity"]["carried"] == 286
    assert "carrying 286 lb, more than the 270 lb capacity" in heavy["warnings"]
