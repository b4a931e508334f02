"""Proposal -> a complete 2024 build, legal by construction, reporting every place the proposal had to
give way to the rules (a skill off the class list, too many spells, a feat the background can't grant…).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from character_service.concepts.proposal import Proposal
from character_service.concepts.spell_picks import CLASS_SPELLS, INITIATE_SPELLS, max_spell_level
from character_service.rules.abilities import ABILITIES, BACKGROUND_CAP, SKILLS
from character_service.rules.data.backgrounds import BACKGROUNDS
from character_service.rules.data.classes import CLASS_OPTIONS, CLASSES, INVOCATION_LEVELS, INVOCATIONS, SCHOLAR_SKILLS
from character_service.rules.data.equipment import ARMOR, WEAPONS
from character_service.rules.data.feats import FEATS
from character_service.rules.data.species import SPECIES, SPECIES_WITH_SKILL

STANDARD_ARRAY = (15, 14, 13, 12, 10, 8)
POINT_BUY_SPREAD = (15, 15, 15, 8, 8, 8)
EPIC_BOON_LEVEL = 19
LANGUAGES = ("dwarvish", "elvish", "gnomish", "halfling", "orc", "draconic", "giant", "infernal", "goblin",
             "abyssal", "celestial", "sylvan", "undercommon", "primordial")
SPECIES_LANGUAGE = {"dwarf": "dwarvish", "elf": "elvish", "gnome": "gnomish", "halfling": "halfling", "orc": "orc",
                    "dragonborn": "draconic", "goliath": "giant", "tiefling": "infernal"}
INVOCATION_ORDER = ("pact_of_the_blade", "eldritch_mind", "agonizing_blast", "repelling_blast", "devils_sight",
                    "mask_of_many_faces", "thirsting_blade", "one_with_shadows", "lifedrinker",
                    "whispers_of_the_grave", "visions_of_distant_realms", "witch_sight")


@dataclass(frozen=True, slots=True)
class Repair:
    """One change the rules forced on the proposal."""

    field: str
    proposed: Any
    chosen: Any
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form for the explanation."""
        return {"field": self.field, "proposed": self.proposed, "chosen": self.chosen, "reason": self.reason}


class Assembler:
    """Builds a legal build from a proposal, recording repairs (one assembler per proposal)."""

    def __init__(self, proposal: Proposal) -> None:
        self.p = proposal
        self.repairs: list[Repair] = []
        self.rng = random.Random(proposal.concept)

    def repair(self, field: str, proposed: Any, chosen: Any, reason: str) -> None:
        """Record a change made to keep the build legal."""
        self.repairs.append(Repair(field, proposed, chosen, reason))

    # --- top-level choices ------------------------------------------------------------------
    def _identity(self) -> tuple[str, str, str]:
        p = self.p
        class_id = p.klass.value
        if class_id not in CLASSES:
            self.repair("classes[0].id", class_id, "fighter", "not an SRD 5.2 class; the closest general calling")
            class_id = "fighter"
        species_id = p.species.value
        if species_id not in SPECIES:
            self.repair("species.id", species_id, "human", "not an SRD 5.2 species; a human keeps any concept")
            species_id = "human"
        background_id = p.background.value
        if background_id not in BACKGROUNDS:
            self.repair("background.id", background_id, "soldier", "not an SRD 5.2 background")
            background_id = "soldier"
        return class_id, species_id, background_id

    def _scores(self, class_id: str, background_id: str) -> tuple[dict[str, Any], dict[str, int]]:
        order = [a for a in self.p.abilities if a in ABILITIES]
        order = list(dict.fromkeys([*order, *ABILITIES]))
        method = self.p.ability_method
        values: tuple[int, ...] = POINT_BUY_SPREAD if method == "point_buy" else STANDARD_ARRAY
        rolls: list[list[int]] = []
        if method == "rolled":
            rng = random.Random(f"rolls:{self.p.concept}")
            rolls = [[rng.randint(1, 6) for _ in range(4)] for _ in range(6)]
            values = tuple(sorted((sum(sorted(r)[1:]) for r in rolls), reverse=True))
        elif method not in ("standard_array", "point_buy", "manual"):
            self.repair("ability_scores.method", method, "standard_array", "unknown method")
            method = "standard_array"
        base = {ability: values[i] for i, ability in enumerate(order)}
        bg = BACKGROUNDS[background_id]
        ranked = sorted(bg.abilities, key=order.index)
        increases = {ranked[0]: 2, ranked[1]: 1}
        scores: dict[str, Any] = {"method": method, "base": base}
        if rolls:
            scores["rolls"] = rolls
        return scores, increases

    def build(self) -> dict[str, Any]:
        """The complete build document."""
        p = self.p
        class_id, species_id, background_id = self._identity()
        cdef = CLASSES[class_id]
        level = max(1, min(20, p.level))
        bg = BACKGROUNDS[background_id]
        scores, increases = self._scores(class_id, background_id)
        species = self._species(species_id)
        entry: dict[str, Any] = {"id": class_id, "level": level}
        if level >= 3:
            entry["subclass"] = cdef.subclass.id
        options = self._options(class_id, level)
        if options:
            entry["options"] = options
        granted = set(bg.skills) | ({species["skill"]} if species.get("skill") else set())
        skills = self._class_skills(class_id, level, granted)
        feats = self._feats(class_id, level, background_id, species_id, scores["base"], increases,
                            granted | set(skills))
        profs = granted | set(skills) | {s for f in feats for s in f.get("choices", {}).get("skills", [])}
        expertise = self._expertise(class_id, level, skills, list(bg.skills), profs)
        if class_id == "bard" and level >= 3:
            lore = [s for s in SKILLS if s not in profs][:3]
            entry.setdefault("options", {})["skills"] = lore
        weapons, armor = self._gear(class_id)
        document: dict[str, Any] = {
            "name": p.name or "Nameless",
            "rules_version": "2024",
            "species": species,
            "background": {"id": background_id, "ability_increases": increases},
            "classes": [entry],
            "ability_scores": scores,
            "skill_proficiencies": skills,
            "expertise": expertise,
            "languages": self._languages(class_id, level, species_id),
            "tool_proficiencies": [bg.tool] if bg.tool else [],
            "feats": feats,
            "fighting_styles": self._styles(class_id, level, weapons, armor),
            "weapon_masteries": self._masteries(cdef.weapon_mastery[level - 1] if cdef.weapon_mastery else 0,
                                                weapons),
            "equipment": [{"item_id": w, "equipped": i == 0} for i, w in enumerate(weapons)]
            + [{"item_id": a, "equipped": True} for a in armor]
            + [{"item": {k: v for k, v in g.items() if k != "key"}} for g in self.p.gear],
            "currency": {"gp": 10 + 5 * level},
            "spells": self._spells(class_id, level),
            "personality": p.personality or {},
            "backstory": p.backstory,
            "appearance": "",
            "alignment": "",
        }
        return document

    # --- parts ------------------------------------------------------------------------------
    def _species(self, species_id: str) -> dict[str, Any]:
        sp = SPECIES[species_id]
        out: dict[str, Any] = {"id": species_id}
        if sp.lineages:
            lineage = self.p.lineage
            if lineage not in sp.lineages:
                if lineage is not None:
                    self.repair("species.lineage", lineage, None, f"not a {sp.name} {sp.lineage_kind}")
                lineage = sorted(sp.lineages)[self.rng.randrange(len(sp.lineages))]
            out["lineage"] = lineage
        if species_id in SPECIES_WITH_SKILL:
            allowed = sp.skill_choice or tuple(SKILLS)
            out["skill"] = next((s for s in self.p.skills if s in allowed), allowed[0])
        if sp.lineage_needs_ability:
            cast = CLASSES[self.p.klass.value].spell_ability if self.p.klass.value in CLASSES else None
            out["spellcasting_ability"] = cast if cast in ("intelligence", "wisdom", "charisma") else "wisdom"
        return out

    def _options(self, class_id: str, level: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, (min_level, allowed) in CLASS_OPTIONS.get(class_id, {}).items():
            if level >= min_level:
                out[key] = sorted(allowed)[self.rng.randrange(len(allowed))]
        if class_id == "warlock":
            count = INVOCATIONS[level - 1]
            picks = [i for i in INVOCATION_ORDER if INVOCATION_LEVELS[i] <= level][:count]
            out["invocations"] = picks
        return out

    def _class_skills(self, class_id: str, level: int, granted: set[str]) -> list[str]:
        cdef = CLASSES[class_id]
        allowed = list(cdef.skill_list or SKILLS)
        count = cdef.skill_count + (1 if class_id == "barbarian" and level >= 3 else 0)
        chosen: list[str] = []
        for skill in self.p.skills:
            if skill in chosen or len(chosen) >= count:
                continue
            if skill in granted:
                continue
            if skill not in allowed:
                if skill in SKILLS:
                    self.repair("skill_proficiencies", skill, None,
                                f"'{skill}' is not on the {cdef.name} skill list")
                continue
            chosen.append(skill)
        for skill in allowed:
            if len(chosen) >= count:
                break
            if skill not in chosen and skill not in granted:
                chosen.append(skill)
        return chosen

    def _feats(self, class_id: str, level: int, background_id: str, species_id: str, base: dict[str, int],
               increases: dict[str, int], profs: set[str]) -> list[dict[str, Any]]:
        bg = BACKGROUNDS[background_id]
        cdef = CLASSES[class_id]
        feats: list[dict[str, Any]] = [self._origin_feat(bg.feat, "background", bg.feat_spell_list, class_id)]
        wanted = self.p.origin_feat
        if wanted and wanted != bg.feat and species_id != "human":
            self.repair("feats", wanted, bg.feat, f"the {bg.name} background grants {FEATS[bg.feat].name}; only a "
                        "Human picks a second Origin feat")
        if species_id == "human":
            pick = wanted if wanted in FEATS and FEATS[wanted].category == "origin" else "skilled"
            if pick == bg.feat and not FEATS[pick].repeatable:
                pick = "skilled"
            if pick == "magic_initiate" and bg.feat == "magic_initiate":
                pick = "skilled"
            if pick == "skilled":
                extra = [s for s in self.p.skills if s in SKILLS and s not in profs]
                extra += [s for s in SKILLS if s not in profs and s not in extra]
                feats.append({"id": "skilled", "source": "species", "choices": {"skills": extra[:3]}})
            else:
                feats.append(self._origin_feat(pick, "species", None, class_id))
        running = {a: min(BACKGROUND_CAP, base[a] + increases.get(a, 0)) for a in ABILITIES}
        order = [a for a in self.p.abilities if a in ABILITIES]
        for feat_level in sorted(cdef.asi_levels):
            if feat_level > level:
                break
            points: dict[str, int] = {}
            for ability in order:
                room = 20 - running[ability]
                step = min(2 - sum(points.values()), room)
                if step > 0:
                    points[ability] = step
                    running[ability] += step
                if sum(points.values()) == 2:
                    break
            feats.append({"id": "ability_score_improvement", "source": "class", "level": feat_level,
                          "class_id": class_id, "choices": {"ability_increases": points}})
        if level >= EPIC_BOON_LEVEL:
            boon = "boon_of_spell_recall" if cdef.caster else "boon_of_combat_prowess"
            allowed = FEATS[boon].asi_abilities or ABILITIES
            target = next(a for a in order if a in allowed)
            feats.append({"id": boon, "source": "epic_boon", "level": EPIC_BOON_LEVEL, "class_id": class_id,
                          "choices": {"ability_increases": {target: 1}}})
        return feats

    def _origin_feat(self, feat_id: str, source: str, fixed_list: str | None, class_id: str) -> dict[str, Any]:
        if feat_id == "magic_initiate":
            spell_list = fixed_list or "wizard"
            cantrips, spell = INITIATE_SPELLS[spell_list]
            ability = {"cleric": "wisdom", "druid": "wisdom", "wizard": "intelligence"}[spell_list]
            return {"id": feat_id, "source": source, "choices": {
                "spell_list": spell_list, "ability": ability, "cantrips": list(cantrips), "spell": spell}}
        if feat_id == "skilled":
            return {"id": feat_id, "source": source, "choices": {"skills": list(self.p.skills[:3]) or
                                                                  ["perception", "insight", "stealth"]}}
        return {"id": feat_id, "source": source}

    def _expertise(self, class_id: str, level: int, class_skills: list[str], bg_skills: list[str],
                   profs: set[str]) -> list[str]:
        count = sum(n for at, n in CLASSES[class_id].expertise if level >= at)
        candidates = self.p.expertise + [s for s in self.p.skills if s in profs] + class_skills + bg_skills
        if class_id == "wizard":
            candidates = [s for s in candidates if s in SCHOLAR_SKILLS] + candidates
        return list(dict.fromkeys(s for s in candidates if s in profs))[:count]

    def _languages(self, class_id: str, level: int, species_id: str) -> list[str]:
        cdef = CLASSES[class_id]
        extra = sum(n for at, n in cdef.language_choices if level >= at)
        want = 2 + extra
        first = SPECIES_LANGUAGE.get(species_id)
        pool = [first] if first else []
        pool += [lang for lang in LANGUAGES if lang not in pool and lang not in cdef.languages]
        return pool[:want]

    def _gear(self, class_id: str) -> tuple[list[str], list[str]]:
        cdef = CLASSES[class_id]
        weapons: list[str] = []
        for weapon in self.p.weapons:
            if weapon == "shield":
                continue
            if weapon in WEAPONS and weapon not in weapons:
                weapons.append(weapon)
            elif weapon not in ARMOR and weapon not in WEAPONS and not any(
                    g.get("key") == weapon for g in self.p.gear):
                self.repair("equipment", weapon, None, "not an item the rules or the catalog know")
        if not weapons:
            weapons = [{"wizard": "quarterstaff", "sorcerer": "dagger", "warlock": "dagger", "druid": "quarterstaff",
                        "cleric": "mace", "monk": "spear", "rogue": "shortsword", "bard": "rapier",
                        "ranger": "longbow", "barbarian": "greataxe", "paladin": "longsword",
                        "fighter": "longsword"}[class_id]]
        weapons = weapons[:3]
        armor: list[str] = []
        if "heavy" in cdef.armor and class_id in ("fighter", "paladin"):
            armor.append("chain_mail")
        elif "medium" in cdef.armor:
            armor.append("scale_mail" if class_id != "ranger" else "studded_leather_armor")
        elif "light" in cdef.armor:
            armor.append("leather_armor")
        two_handed = {"greataxe", "greatsword", "maul", "longbow", "glaive", "halberd", "pike", "heavy_crossbow"}
        if "shield" in cdef.armor and not two_handed & set(weapons[:1]) and class_id != "barbarian":
            armor.append("shield")
        return weapons, armor

    def _styles(self, class_id: str, level: int, weapons: list[str], armor: list[str]) -> list[str]:
        if class_id != "fighter" and not (class_id in ("paladin", "ranger") and level >= 2):
            return []
        first = weapons[0] if weapons else ""
        if first in ("longbow", "shortbow", "light_crossbow", "heavy_crossbow", "hand_crossbow"):
            return ["archery"]
        if first in ("greataxe", "greatsword", "maul", "glaive", "halberd"):
            return ["great_weapon_fighting"]
        return ["defense"]

    @staticmethod
    def _masteries(count: int, weapons: list[str]) -> list[str]:
        picks = list(dict.fromkeys(weapons))
        for weapon in ("longsword", "dagger", "longbow", "handaxe", "greataxe", "spear"):
            if weapon not in picks:
                picks.append(weapon)
        return picks[:count]

    def _spells(self, class_id: str, level: int) -> dict[str, Any]:
        cdef = CLASSES[class_id]
        if not cdef.caster or class_id not in CLASS_SPELLS:
            if self.p.spells:
                self.repair("spells", self.p.spells, [], f"a {cdef.name} has no Spellcasting; the spells are dropped")
            return {}
        cantrip_pool, by_level = CLASS_SPELLS[class_id]
        top = max_spell_level(class_id, level)
        extra = self.p.extra_spells
        cantrip_pool = tuple(dict.fromkeys([*(s for s, lvl in extra.items() if lvl == 0), *cantrip_pool]))
        by_level = tuple((lvl, ids) for lvl, ids in by_level) + tuple(
            (lvl, (s,)) for s, lvl in extra.items() if lvl > 0)
        known = {s for _, ids in by_level for s in ids} | set(cantrip_pool)
        wanted = [s for s in self.p.spells if s in known]
        for spell in self.p.spells:
            if spell not in known:
                self.repair("spells", spell, None, f"not on the {cdef.name} spell list the pipeline knows")
        n_cantrips = cdef.cantrips[level - 1] if cdef.cantrips else 0
        n_prepared = cdef.prepared[level - 1] if cdef.prepared else 0
        cantrips = list(dict.fromkeys([s for s in wanted if s in cantrip_pool] + list(cantrip_pool)))[:n_cantrips]
        eligible = [s for lvl, ids in sorted(by_level, key=lambda pair: -pair[0]) if lvl <= top for s in ids]
        for spell in wanted:
            if spell not in cantrip_pool and spell not in eligible:
                self.repair("spells.prepared", spell, None, f"needs a spell slot a level {level} {cdef.name} lacks")
        prepared = list(dict.fromkeys([s for s in wanted if s in eligible] + eligible))[:n_prepared]
        out: dict[str, Any] = {"cantrips": {class_id: cantrips} if cantrips else {},
                               "prepared": {class_id: prepared}}
        if class_id == "wizard":
            out["spellbook"] = list(prepared)
        return out


def assemble(proposal: Proposal) -> tuple[dict[str, Any], list[Repair]]:
    """The build document for ``proposal`` and the repairs the rules forced."""
    assembler = Assembler(proposal)
    return assembler.build(), assembler.repairs
