"""The offline provider: deterministic, schema-valid, concept-specific output from the phrase tables,
with catalog hints when the catalog answers. Concept outputs are kept as snapshots
(``LLM_UPDATE_SNAPSHOTS=1`` rewrites them after a deliberate change; review the diff)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from llm_service.offline.catalog import HubCatalogLookup, creature_from_reply, spells_from_reply
from llm_service.offline.generator import CatalogHints, CatalogSpell, generate
from llm_service.tasks.registry import TASKS, resolve_task

SNAPSHOTS = Path(__file__).parent / "snapshots" / "character_concepts.json"

#: Concept -> (class, species, background). Class and background follow the words; a species the concept does
#: not name is a seeded pick among those that suit the class.
CONCEPTS: dict[str, tuple[str, str, str]] = {
    "A dwarf blacksmith who became a cleric of the forge god": ("Cleric", "Dwarf", "Acolyte"),
    "A pyromancer with a troubled past": ("Sorcerer", "Dragonborn", "Sage"),
    "An elven archer who hunts monsters for coin": ("Ranger", "Elf", "Soldier"),
    "A halfling thief with a heart of gold": ("Rogue", "Halfling", "Criminal"),
    "A fire-breathing knight sworn to protect orphans": ("Paladin", "Dragonborn", "Soldier"),
    "A tiefling warlock who made a pact with a devil to save her sister": ("Warlock", "Tiefling", "Criminal"),
    "A gnome tinkerer who builds clockwork familiars": ("Wizard", "Gnome", "Sage"),
    "An orc berserker haunted by the battles of his youth": ("Barbarian", "Orc", "Soldier"),
    "A human bard who sings sea shanties in every port": ("Bard", "Human", "Criminal"),
    "A goliath monk who meditates on mountain peaks": ("Monk", "Goliath", "Acolyte"),
    "A druid who speaks for an ancient forest and shapeshifts into a bear": ("Druid", "Halfling", "Sage"),
    "A necromancer scholar who studies death to cure it": ("Wizard", "Elf", "Sage"),
    "A retired soldier turned mercenary captain": ("Fighter", "Dragonborn", "Soldier"),
    "A dragonborn sorcerer whose bloodline crackles with lightning": ("Sorcerer", "Dragonborn", "Sage"),
    "A spy in the royal court who trades in secrets": ("Rogue", "Human", "Criminal"),
    "A plague doctor who heals the sick with herbs and holy prayer": ("Cleric", "Human", "Acolyte"),
    "A pirate captain with a cursed compass": ("Rogue", "Elf", "Criminal"),
    "An astronomer wizard who reads fate in the stars": ("Wizard", "Human", "Sage"),
    "A wolf-raised ranger who tracks poachers in the frozen north": ("Ranger", "Elf", "Soldier"),
    "A charming con artist who never tells the same lie twice": ("Rogue", "Human", "Criminal"),
    "A paladin of the dawn who hunts undead": ("Paladin", "Dwarf", "Acolyte"),
    "An elven duelist fencer from a noble house": ("Fighter", "Elf", "Soldier"),
    "A blind swordmaster": ("Fighter", "Dwarf", "Soldier"),
    "A witch who lives in the swamp": ("Warlock", "Human", "Criminal"),
    "A street urchin who can talk to rats": ("Rogue", "Tiefling", "Criminal"),
    "A shaman of the storm spirits": ("Druid", "Elf", "Sage"),
    "A treasure hunter and tomb raider": ("Rogue", "Tiefling", "Criminal"),
    "A mad scientist": ("Wizard", "Tiefling", "Sage"),
    "A fortune teller": ("Wizard", "Elf", "Sage"),
    "An angelic warrior": ("Paladin", "Goliath", "Acolyte"),
}

#: Inputs for every task (refine is checked separately).
TASK_INPUTS: dict[str, dict[str, Any]] = {
    "character_concept": {"concept": "a storm-touched sailor", "level": 5},
    "backstory": {"concept": "a disgraced knight seeking redemption", "name": "Aldric", "tone": "grim"},
    "personality": {"concept": "a nervous apprentice wizard", "background": "Sage"},
    "name": {"species": "Dwarf", "style": "fire and forge", "count": 4},
    "npc": {"description": "a greedy innkeeper who sells secrets", "setting": "a port city"},
    "item": {"description": "a frost-rimed longsword", "rarity": "rare"},
    "spell": {"description": "a spell that calls falling stars", "level": 3},
    "feat": {"description": "a fighting style for archers who shoot from the shadows"},
    "species": {"description": "small fey folk who live in mushroom rings and move fast"},
    "campaign_outline": {"premise": "a city where the dead refuse to stay buried", "tone": "gothic",
                         "start_level": 3, "end_level": 12},
    "story_hook": {"context": "a frozen mountain pass with a haunted monastery", "party_level": 6, "count": 4},
    "session_recap": {"notes": "The party reached Kessen. They met Captain Ilsa Varn at the docks. Brother Ansel "
                               "betrayed them to the Hollow Crown. Who paid Ansel? The stolen map is still missing."},
    "antitheticon": {"premise": "a shadow network that mirrors the heroes",
                     "party": ["an elven ranger", "a dwarf cleric of the forge", "a tiefling bard"]},
}


def concept_outputs() -> dict[str, dict[str, Any]]:
    return {concept: generate("character_concept", {"concept": concept, "level": 3}) for concept in CONCEPTS}


def test_concept_outputs_match_their_snapshots() -> None:
    outputs = concept_outputs()
    if os.environ.get("LLM_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOTS.write_text(json.dumps(outputs, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert outputs == json.loads(SNAPSHOTS.read_text(encoding="utf-8"))


@pytest.mark.parametrize("concept", list(CONCEPTS))
def test_concepts_get_a_sensible_specific_build(concept: str) -> None:
    output = generate("character_concept", {"concept": concept, "level": 3})
    validated = TASKS["character_concept"].output_model.model_validate(output)
    assert (output["class_name"], output["species"], output["background"]) == CONCEPTS[concept]
    assert validated.subclass is not None  # level 3
    assert output["rationale"].startswith(f"{output['class_name']}: ")
    first_name = output["name"].split()[0]
    assert output["summary"].startswith(f"{first_name} is ")


def test_spells_follow_the_concept_theme() -> None:
    fire = generate("character_concept", {"concept": "A pyromancer with a troubled past"})
    frost = generate("character_concept", {"concept": "A wizard of ice and winter"})
    rogue = generate("character_concept", {"concept": "A halfling thief with a heart of gold"})
    ranger = generate("character_concept", {"concept": "An elven archer who hunts monsters for coin"})
    assert fire["spells"][:2] == ["Fire Bolt", "Elementalism"] and "Burning Hands" in fire["spells"]
    assert frost["spells"][0] == "Ray of Frost" and "Ice Knife" in frost["spells"]
    assert rogue["spells"] == []
    assert ranger["spells"][0] == "Hunter’s Mark"  # noqa: RUF001 (the SRD name)
    assert "Longbow" in ranger["equipment"]


def test_the_same_input_gives_the_same_output_and_seeds_vary_it() -> None:
    task_input = {"concept": "A halfling thief with a heart of gold", "level": 1}
    first = generate("character_concept", task_input)
    assert generate("character_concept", dict(task_input)) == first
    assert generate("character_concept", task_input, seed=7) == generate("character_concept", task_input, seed=7)
    names = {generate("character_concept", task_input, seed=seed)["name"] for seed in range(8)}
    assert len(names) > 3


@pytest.mark.parametrize("task", list(TASK_INPUTS))
def test_every_task_output_validates_against_its_schema(task: str) -> None:
    resolved = resolve_task(task, TASK_INPUTS[task])
    output = generate(task, resolved.input.model_dump(mode="json"))
    resolved.output_model.model_validate(output)
    assert generate(task, resolved.input.model_dump(mode="json")) == output


def test_task_outputs_follow_their_inputs() -> None:
    def run(task: str) -> dict[str, Any]:
        return generate(task, resolve_task(task, TASK_INPUTS[task]).input.model_dump(mode="json"))

    assert run("item")["name"] == "Longsword of Rime" and run("item")["base_item"] == "Longsword"
    assert run("item")["requires_attunement"] is True
    spell = run("spell")
    assert (spell["name"], spell["level"], spell["school"]) == ("Starlit Nova", 3, "Divination")
    assert "5d6 Radiant damage" in spell["description"]
    assert run("feat")["category"] == "Fighting Style"
    species = run("species")
    assert (species["size"], species["speed"], species["creature_type"]) == ("Small", 35, "Fey")
    npc = run("npc")
    assert npc["stat_block"] == "Commoner" and npc["role"] == "Innkeeper"
    assert [act["levels"] for act in run("campaign_outline")["acts"]] == ["3-5", "6-8", "9-12"]
    assert run("campaign_outline")["themes"] == ["death", "gothic"]
    assert len(run("story_hook")["hooks"]) == 4
    names = run("name")["names"]
    assert len(names) == 4 and all(n["note"] == "Dwarf name with a fire epithet" for n in names)
    assert [c["twist"].split()[1] for c in run("antitheticon")["counterparts"]] == ["ranger", "cleric", "bard"]


def test_session_recap_invents_nothing() -> None:
    notes = TASK_INPUTS["session_recap"]["notes"]
    recap = generate("session_recap", {"notes": notes})
    assert recap["key_events"][0] == "The party reached Kessen."
    assert recap["npcs_met"] == ["Captain Ilsa Varn", "Brother Ansel"]
    assert recap["loose_threads"] == ["Who paid Ansel?", "The stolen map is still missing."]
    assert all(event in notes for event in recap["key_events"])


def test_refine_applies_recognised_edits_and_keeps_the_rest() -> None:
    previous = generate("character_concept", {"concept": "A halfling thief with a heart of gold"})
    revised = generate("refine", {"task": "character_concept", "previous": previous,
                                  "feedback": "Make her a bard instead, and call her Pip"})
    assert revised["class_name"] == "Bard" and revised["name"] == "Pip"
    assert revised["species"] == "Halfling"
    assert revised["rationale"].startswith("Revised after feedback: Make her a bard instead, and call her Pip.")
    unchanged = generate("refine", {"task": "character_concept", "previous": previous, "feedback": "Shorter."})
    assert unchanged == previous


@pytest.mark.parametrize(("task", "task_input", "feedback", "check"), [
    ("item", {"description": "a dagger of shadows", "rarity": "uncommon"}, "make it about ice, and legendary",
     lambda before, after: (after["name"], after["rarity"], after["requires_attunement"], after["base_item"])
     == ("Dagger of Rime", "legendary", True, before["base_item"])),
    ("npc", {"description": "a greedy innkeeper"}, "make them a pirate instead",
     lambda before, after: (after["name"], after["species"], after["role"], after["stat_block"])
     == (before["name"], before["species"], "Pirate", "Pirate")),
    ("spell", {"description": "a spell of falling stars", "level": 2}, "fire instead, level 4",
     lambda before, after: (after["name"], after["level"], after["school"]) == ("Searing Lance", 4, "Evocation")),
    ("campaign_outline", {"premise": "a city of the dead", "start_level": 3, "end_level": 9}, "more sea and pirates",
     lambda before, after: after["themes"][:2] == ["sea", "death"]
     and [a["levels"] for a in after["acts"]] == [a["levels"] for a in before["acts"]]),
    ("backstory", {"concept": "a knight", "name": "Aldric"}, "make it about a storm",
     lambda before, after: after["title"] == "The Crackling Road of Aldric"),
    ("name", {"species": "Dwarf", "count": 3}, "fiery names",
     lambda before, after: [n["note"] for n in after["names"]] == ["Dwarf name with a fire epithet"] * 3),
    ("story_hook", {"context": "a haunted mill", "count": 2}, "set it at sea",
     lambda before, after: len(after["hooks"]) == 2 and "every sign points to sea" in after["hooks"][0]["summary"]),
    ("session_recap", {"notes": "The party met Ilsa. They won."}, "shorter",
     lambda before, after: after == before),
])
def test_refine_rebuilds_other_tasks_around_the_feedback(task: str, task_input: dict[str, Any], feedback: str,
                                                         check: Any) -> None:
    before = generate(task, task_input)
    after = generate("refine", {"task": task, "previous": before, "feedback": feedback})
    resolve_task(task, task_input).output_model.model_validate(after)
    assert check(before, after), after


def test_catalog_hints_shape_spells_and_stat_blocks() -> None:
    hints = CatalogHints(spells=(CatalogSpell("Scorching Ray", 2, ("Sorcerer", "Wizard")),
                                 CatalogSpell("Fireball", 3, ("Sorcerer", "Wizard")),
                                 CatalogSpell("Produce Flame", 0, ("Druid",))))
    low = generate("character_concept", {"concept": "A pyromancer with a troubled past", "level": 3}, hints=hints)
    high = generate("character_concept", {"concept": "A pyromancer with a troubled past", "level": 5}, hints=hints)
    assert "Scorching Ray" in low["spells"] and "Fireball" not in low["spells"]  # level 3: 2nd-level slots
    assert high["spells"][4:6] == ["Scorching Ray", "Fireball"]
    assert "Produce Flame" not in high["spells"]  # not a sorcerer spell
    assert low["rationale"].endswith("Spell picks were checked against the catalog.")
    npc = generate("npc", {"description": "a greedy innkeeper"}, hints=CatalogHints(creature="Spy"))
    assert npc["stat_block"] == "Spy"


async def test_without_a_hub_the_catalog_lookup_gives_empty_hints() -> None:
    lookup = HubCatalogLookup(lambda: None)
    assert (await lookup.hints("character_concept", {"concept": "A pyromancer"})).empty


def test_catalog_match_replies_become_hints() -> None:
    reply = {"matches": [
        {"entry": {"name": "Fireball", "type": "spell", "mechanics": {"level": 3, "classes": ["sorcerer", "wizard"]}},
         "similarity": 0.8, "score": 0.03},
        {"entry": {"name": "Broken", "mechanics": {"classes": ["Wizard"]}}, "similarity": 0.7},
    ], "best_similarity": 0.8}
    assert spells_from_reply(reply) == (CatalogSpell("Fireball", 3, ("Sorcerer", "Wizard")),)
    assert spells_from_reply({"unexpected": True}) == () and spells_from_reply(None) == ()
    creatures = {"matches": [{"entry": {"name": "Guard Captain", "mechanics": {}}, "similarity": 0.62}]}
    assert creature_from_reply(creatures) == "Guard Captain"
    assert creature_from_reply({"matches": [{"entry": {"name": "Ogre"}, "similarity": 0.2}]}) is None
