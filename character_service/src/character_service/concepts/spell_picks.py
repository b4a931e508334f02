"""SRD spells per class list that the offline path picks from (ids as the catalog slugs them).

The rules engine only counts spells (lists live in the catalog); this table lets the pipeline fill a
caster's cantrips and prepared spells without the catalog, in an order that suits each class.
"""

from __future__ import annotations

from typing import Final

from character_service.rules.data.classes import CLASSES, PACT_SLOT_LEVEL

#: class id -> (cantrips, ((spell level, spell ids), ...))
CLASS_SPELLS: Final[dict[str, tuple[tuple[str, ...], tuple[tuple[int, tuple[str, ...]], ...]]]] = {
    "bard": (("vicious_mockery", "minor_illusion", "prestidigitation", "light", "mage_hand"), (
        (1, ("healing_word", "charm_person", "dissonant_whispers", "faerie_fire", "thunderwave", "sleep")),
        (2, ("invisibility", "suggestion", "hold_person", "shatter")), (3, ("hypnotic_pattern", "dispel_magic",
                                                                           "fear")),
        (4, ("dimension_door", "greater_invisibility")), (5, ("mass_cure_wounds", "dominate_person")),
        (6, ("mass_suggestion",)), (7, ("etherealness",)), (8, ("feeblemind",)), (9, ("foresight",)))),
    "cleric": (("sacred_flame", "guidance", "light", "spare_the_dying", "thaumaturgy"), (
        (1, ("bless", "cure_wounds", "guiding_bolt", "healing_word", "shield_of_faith", "sanctuary")),
        (2, ("spiritual_weapon", "lesser_restoration", "aid", "prayer_of_healing")),
        (3, ("spirit_guardians", "revivify", "dispel_magic")), (4, ("guardian_of_faith", "banishment")),
        (5, ("mass_cure_wounds", "flame_strike")), (6, ("heal",)), (7, ("regenerate",)), (8, ("holy_aura",)),
        (9, ("mass_heal",)))),
    "druid": (("druidcraft", "produce_flame", "shillelagh", "guidance", "thorn_whip"), (
        (1, ("entangle", "goodberry", "healing_word", "faerie_fire", "speak_with_animals", "thunderwave")),
        (2, ("moonbeam", "pass_without_trace", "barkskin", "spike_growth")), (3, ("call_lightning",
                                                                                 "plant_growth")),
        (4, ("polymorph", "wall_of_fire")), (5, ("tree_stride", "mass_cure_wounds")), (6, ("sunbeam",)),
        (7, ("fire_storm",)), (8, ("animal_shapes",)), (9, ("shapechange",)))),
    "paladin": ((), (
        (1, ("bless", "divine_smite", "shield_of_faith", "cure_wounds", "heroism", "command")),
        (2, ("aid", "find_steed", "magic_weapon")), (3, ("revivify", "crusaders_mantle")),
        (4, ("banishment", "death_ward")), (5, ("destructive_wave",)))),
    "ranger": ((), (
        (1, ("hunters_mark", "goodberry", "ensnaring_strike", "cure_wounds", "fog_cloud")),
        (2, ("pass_without_trace", "spike_growth", "lesser_restoration")), (3, ("conjure_animals",
                                                                               "lightning_arrow")),
        (4, ("freedom_of_movement", "conjure_woodland_beings")), (5, ("swift_quiver", "tree_stride")))),
    "sorcerer": (("fire_bolt", "prestidigitation", "shocking_grasp", "minor_illusion", "light", "ray_of_frost"), (
        (1, ("chromatic_orb", "shield", "burning_hands", "magic_missile", "sleep")),
        (2, ("scorching_ray", "misty_step", "mirror_image")), (3, ("fireball", "haste", "counterspell")),
        (4, ("polymorph", "wall_of_fire")), (5, ("cone_of_cold",)), (6, ("chain_lightning",)),
        (7, ("fire_storm", "teleport")), (8, ("sunburst",)), (9, ("meteor_swarm",)))),
    "warlock": (("eldritch_blast", "minor_illusion", "prestidigitation", "chill_touch", "mage_hand"), (
        (1, ("hex", "armor_of_agathys", "hellish_rebuke", "charm_person", "protection_from_evil_and_good")),
        (2, ("misty_step", "darkness", "hold_person", "invisibility")), (3, ("hunger_of_hadar", "counterspell",
                                                                            "fly")),
        (4, ("banishment", "dimension_door")), (5, ("hold_monster", "synaptic_static")))),
    "wizard": (("fire_bolt", "mage_hand", "prestidigitation", "light", "ray_of_frost", "minor_illusion"), (
        (1, ("magic_missile", "shield", "mage_armor", "detect_magic", "sleep", "feather_fall", "find_familiar")),
        (2, ("misty_step", "scorching_ray", "invisibility", "web")), (3, ("fireball", "counterspell",
                                                                          "fly", "haste")),
        (4, ("polymorph", "greater_invisibility", "dimension_door")), (5, ("wall_of_force", "cone_of_cold")),
        (6, ("chain_lightning", "disintegrate")), (7, ("teleport", "finger_of_death")), (8, ("mind_blank",)),
        (9, ("wish", "time_stop")))),
}
#: Magic Initiate lists: cantrips and one level 1 spell each.
INITIATE_SPELLS: Final[dict[str, tuple[tuple[str, str], str]]] = {
    "cleric": (("guidance", "sacred_flame"), "bless"),
    "druid": (("druidcraft", "produce_flame"), "goodberry"),
    "wizard": (("fire_bolt", "mage_hand"), "shield"),
}


def max_spell_level(class_id: str, level: int) -> int:
    """The highest spell level a single-class caster of ``level`` has slots for (0: none)."""
    caster = CLASSES[class_id].caster
    if caster == "full":
        return min(9, (level + 1) // 2)
    if caster == "half":
        return min(5, (level + 3) // 4)
    if caster == "pact":
        return PACT_SLOT_LEVEL[level - 1]
    return 0


def spell_level_of(spell_id: str) -> int | None:
    """A spell's level when the table knows it (0 for a cantrip)."""
    for cantrips, by_level in CLASS_SPELLS.values():
        if spell_id in cantrips:
            return 0
        for spell_level, ids in by_level:
            if spell_id in ids:
                return spell_level
    return None
