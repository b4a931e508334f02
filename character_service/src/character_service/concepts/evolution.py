"""Evolution from play: the journal (sessions, XP, quests, relationships, notable events) read against
the concept vocabulary, proposing level-up choices, feats, spells and personality developments that fit
how the character has actually been played — each with its reason, its evidence (journal entries) and
the normal route and body that would apply it."""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

from character_service.concepts.assemble import INVOCATION_ORDER, LANGUAGES
from character_service.concepts.spell_picks import CLASS_SPELLS, max_spell_level
from character_service.concepts.vocabulary import read_concept
from character_service.rules.abilities import ABILITIES, SKILLS
from character_service.rules.build import Build
from character_service.rules.data.classes import CLASS_OPTIONS, CLASSES, INVOCATION_LEVELS
from character_service.rules.data.equipment import WEAPONS
from character_service.rules.data.feats import FEATS
from character_service.rules.level_up import apply_level_up, level_up_options
from character_service.rules.profile import prepare

EPIC_BOON_LEVEL = 19
SUBCLASS_LEVEL = 3
#: Journal themes -> spells that express them (first castable one not yet prepared is proposed).
THEME_SPELLS: dict[str, tuple[str, ...]] = {
    "faith": ("cure_wounds", "healing_word", "bless", "lesser_restoration", "revivify", "mass_cure_wounds"),
    "sorcery": ("burning_hands", "scorching_ray", "fireball", "wall_of_fire"),
    "shadow": ("invisibility", "pass_without_trace", "darkness", "greater_invisibility"),
    "thief": ("invisibility", "pass_without_trace", "misty_step"),
    "nature": ("entangle", "speak_with_animals", "goodberry", "spike_growth", "conjure_animals"),
    "wilds": ("hunters_mark", "pass_without_trace", "conjure_animals"),
    "charmer": ("charm_person", "suggestion", "hypnotic_pattern", "dominate_person"),
    "music": ("dissonant_whispers", "suggestion", "hypnotic_pattern"),
    "protector": ("shield_of_faith", "shield", "aid", "death_ward"),
    "necromancy": ("chill_touch", "hex", "speak_with_dead", "animate_dead"),
}
#: Which ability a played theme exercises (for an Ability Score Improvement).
THEME_ABILITY = {skill: ability for skill, ability in SKILLS.items()}


@dataclass(frozen=True, slots=True)
class JournalItem:
    """The parts of a journal entry evolution reads."""

    id: uuid.UUID
    kind: str
    title: str
    body: str
    tags: tuple[str, ...]
    data: dict[str, Any]

    @property
    def text(self) -> str:
        """Everything written in the entry."""
        extra = " ".join(str(v) for v in self.data.values() if isinstance(v, str))
        return f"{self.title} {self.body} {' '.join(self.tags)} {extra}"


def _evidence(items: list[JournalItem]) -> list[dict[str, str]]:
    return [{"entry_id": str(i.id), "kind": i.kind, "title": i.title} for i in items[:5]]


def propose_evolution(character_id: uuid.UUID, build_document: dict[str, Any], journal: list[JournalItem],
                      level_up_ready: bool) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Proposals that follow the journal, and counts of what was read."""
    build = Build.model_validate(build_document)
    themes: Counter[str] = Counter()
    by_theme: dict[str, list[JournalItem]] = {}
    skills: Counter[str] = Counter()
    for item in journal:
        if item.kind in ("xp", "milestone"):
            continue
        for hit in read_concept(item.text):
            themes[hit.cue.label] += 1
            by_theme.setdefault(hit.cue.label, []).append(item)
            skills.update(hit.cue.skills)
    proposals: list[dict[str, Any]] = []
    base = f"/api/v1/characters/{character_id}"
    entry = build.classes[0]
    cdef = CLASSES[entry.id]
    top_theme = themes.most_common(1)[0][0] if themes else None

    # --- the next level: same class, or the class the play keeps pointing to (when allowed) ----------
    class_votes: Counter[str] = Counter()
    for item in journal:
        for hit in read_concept(item.text):
            for cid, weight in hit.cue.classes.items():
                if weight >= 3:
                    class_votes[cid] += weight
    target = entry.id
    reason = f"more {cdef.name} levels: the journal shows the character played as before"
    if class_votes:
        leaning, votes = class_votes.most_common(1)[0]
        if leaning != entry.id and votes > class_votes.get(entry.id, 0) * 2 and \
                level_up_options(build, leaning)["allowed"] and build.level < 20:
            target = leaning
            reason = (f"the journal keeps describing {CLASSES[leaning].name.lower()} play "
                      f"({votes} mentions against {class_votes.get(entry.id, 0)}): a multiclass level fits")
    if build.level < 20:
        options = level_up_options(build, target)
        current = next((c.level for c in build.classes if c.id == target), 0)
        new_level = current + 1
        body: dict[str, Any] = {"class_id": target, "hit_points": "fixed"}
        if new_level == 3:
            body["subclass"] = CLASSES[target].subclass.id
        feat = _feat_choice(build, target, new_level, skills, by_theme)
        if feat is not None:
            body["feat"] = feat["choice"]
        body.update(_level_choices(build, target, new_level, options["choices"], skills))
        outcome = apply_level_up(build, target, {k: v for k, v in body.items() if k not in ("class_id", "hit_points")})
        left = [p.to_dict() for p in outcome] if isinstance(outcome, list) else []
        proposals.append({
            "kind": "level_up", "ready": level_up_ready, "summary": f"{CLASSES[target].name} {new_level}",
            "reason": reason + ("" if level_up_ready else "; not yet earned (XP or milestone pending)"),
            "evidence": _evidence(by_theme.get(top_theme, []) if top_theme else []),
            "needs": options["choices"], "complete": not left, "problems": left,
            "apply": {"method": "POST", "route": f"{base}/level-up", "body": body}})
        if feat is not None:
            proposals.append({"kind": "feat", "summary": feat["summary"], "reason": feat["reason"],
                              "evidence": feat["evidence"],
                              "apply": {"method": "POST", "route": f"{base}/level-up", "body": body}})
    # --- spells that express what the character did -------------------------------------------------
    if cdef.caster and entry.id in CLASS_SPELLS:
        prepared = set(build.spells.prepared.get(entry.id, [])) | set(build.spells.cantrips.get(entry.id, []))
        top = max_spell_level(entry.id, min(20, entry.level + 1))
        _cantrips, by_level = CLASS_SPELLS[entry.id]
        castable = {s for lvl, ids in by_level if lvl <= top for s in ids}
        for theme, _count in themes.most_common():
            pick = next((s for s in THEME_SPELLS.get(theme, ()) if s in castable and s not in prepared), None)
            if pick is not None:
                kept = sorted(prepared - set(build.spells.cantrips.get(entry.id, [])))
                limit = cdef.prepared[entry.level - 1] if cdef.prepared else 0
                swapped = kept.pop() if kept and len(kept) >= limit else None
                proposals.append({
                    "kind": "spell", "summary": pick,
                    "reason": f"the journal's {theme} moments ({themes[theme]}): {pick.replace('_', ' ')} fits them"
                              + (f"; it replaces {swapped.replace('_', ' ')}" if swapped else ""),
                    "evidence": _evidence(by_theme[theme]),
                    "apply": {"method": "PUT", "route": f"{base}/spells/{entry.id}",
                              "body": {"prepared": [*kept, pick]}}})
                break
    # --- personality developments -------------------------------------------------------------------
    personality = build.personality.model_dump()
    relationships = [i for i in journal if i.kind == "relationship"]
    if relationships:
        strongest = max(relationships, key=lambda i: abs(int(i.data.get("standing", 0) or 0)))
        standing = int(strongest.data.get("standing", 0) or 0)
        npc = str(strongest.data.get("npc") or strongest.title)
        bond = (f"Would do anything for {npc}." if standing > 0 else f"Cannot let {npc} win.") if standing else \
            f"Unsure what {npc} means to them."
        proposals.append({"kind": "personality", "summary": f"bond: {bond}",
                          "reason": f"the strongest relationship in the journal ({npc}, standing {standing:+d})",
                          "evidence": _evidence([strongest]),
                          "apply": {"method": "PATCH", "route": base, "body": {"personality": {**personality,
                                                                                               "bonds": bond}}}})
    done = [i for i in journal if i.kind == "quest" and i.data.get("status") in ("completed", "failed")]
    if done:
        latest = done[-1]
        ideal = (f"Finishes what they start — like “{latest.title}”." if latest.data.get("status") == "completed"
                 else f"Will not fail again as with “{latest.title}”.")
        proposals.append({"kind": "personality", "summary": f"ideal: {ideal}",
                          "reason": f"the quest “{latest.title}” was {latest.data.get('status')}",
                          "evidence": _evidence([latest]),
                          "apply": {"method": "PATCH", "route": base, "body": {"personality": {**personality,
                                                                                               "ideals": ideal}}}})
    read = {"entries": len(journal), "sessions": sum(1 for i in journal if i.kind == "session"),
            "quests": sum(1 for i in journal if i.kind == "quest"),
            "relationships": len(relationships), "themes": len(themes)}
    return proposals, read


def _feat_choice(build: Build, class_id: str, new_level: int, skills: Counter[str],
                 by_theme: dict[str, list[JournalItem]]) -> dict[str, Any] | None:
    """The feat for an ASI level: +2 to the ability the played skills use most (within the cap of 20)."""
    cdef = CLASSES[class_id]
    evidence = [i for items in by_theme.values() for i in items]
    if new_level == EPIC_BOON_LEVEL:
        boon = "boon_of_spell_recall" if cdef.caster else "boon_of_combat_prowess"
        allowed = FEATS[boon].asi_abilities or ABILITIES
        ability = next(a for a in [*cdef.primary, *ABILITIES] if a in allowed)
        return {"choice": {"id": boon, "choices": {"ability_increases": {ability: 1}}},
                "summary": f"Epic Boon: {FEATS[boon].name} ({ability} +1)",
                "reason": "level 19 grants an Epic Boon; this one serves how the character fights", "evidence":
                _evidence(evidence)}
    if new_level not in cdef.asi_levels:
        return None
    from character_service.rules.abilities import final_scores

    scores = final_scores(build)
    usage: Counter[str] = Counter()
    for skill, count in skills.items():
        if skill in THEME_ABILITY:
            usage[THEME_ABILITY[skill]] += count
    order = [a for a, _ in usage.most_common()] + list(cdef.primary) + list(ABILITIES)
    ability = next(a for a in dict.fromkeys(order) if scores[a] <= 18)
    return {"choice": {"id": "ability_score_improvement", "choices": {"ability_increases": {ability: 2}}},
            "summary": f"Ability Score Improvement: {ability} +2",
            "reason": (f"the journal's play leans on {ability} ({usage[ability]} uses in the skills it mentions)"
                       if usage[ability] else f"{ability} is the {cdef.name}'s core ability"),
            "evidence": _evidence(evidence)}


def _count(choice: str) -> int:
    words = choice.partition(": ")[2].split()
    return int(words[0]) if words and words[0].isdigit() else 0


def _level_choices(build: Build, class_id: str, new_level: int, asked: list[str], played: Counter[str]
                   ) -> dict[str, Any]:
    """Fill the choices a level asks for, preferring what the journal shows the character doing."""
    cdef = CLASSES[class_id]
    profile = prepare(build)
    profs = set(profile.skill_profs)
    favourites = [s for s, _ in played.most_common()]
    out: dict[str, Any] = {}
    for choice in asked:
        key, n = choice.partition(":")[0], _count(choice)
        if key == "expertise":
            pool = [s for s in [*favourites, *sorted(profs)] if s in profs and s not in build.expertise]
            out["expertise"] = list(dict.fromkeys(pool))[:n]
        elif key == "skill_proficiencies":
            allowed = cdef.skill_list or tuple(SKILLS)
            pool = [s for s in [*favourites, *allowed] if s in allowed and s not in profs]
            out["skill_proficiencies"] = list(dict.fromkeys(pool))[:n]
            profs |= set(out["skill_proficiencies"])
            if "expertise" in out:  # Expertise may use a skill gained on the same level
                out["expertise"] = list(dict.fromkeys([*out["expertise"], *out["skill_proficiencies"]]))[
                    :len(out["expertise"])]
        elif key == "tool_proficiencies":
            tools = ["thieves_tools", "herbalism_kit", "lute", "smiths_tools"]
            out["tool_proficiencies"] = [t for t in tools if t not in build.tool_proficiencies][:n]
        elif key == "weapon_masteries":
            # Weapon Mastery does not add up across classes: the best class table counts.
            levels = {c.id: c.level for c in build.classes} | {class_id: new_level}
            best = max((CLASSES[c].weapon_mastery or (0,) * 20)[lvl - 1] for c, lvl in levels.items())
            room = max(0, best - len(build.weapon_masteries))
            weapons = [e.item_id for e in build.equipment if e.item_id in WEAPONS] + ["dagger", "shortsword"]
            out["weapon_masteries"] = [w for w in dict.fromkeys(weapons) if w not in build.weapon_masteries][:room]
            if not out["weapon_masteries"]:
                del out["weapon_masteries"]
        elif key == "fighting_styles":
            out["fighting_styles"] = [f for f in ("defense", "archery", "two_weapon_fighting")
                                      if f not in build.fighting_styles][:1]
        elif key == "invocations":
            current = next((c for c in build.classes if c.id == class_id), None)
            have = current.options.get("invocations", []) if current else []
            have_list = have if isinstance(have, list) else [have]
            picks = [i for i in INVOCATION_ORDER if INVOCATION_LEVELS[i] <= new_level and i not in have_list][:n]
            out["options"] = {"invocations": [*have_list, *picks]}
        elif key in ("cantrips", "prepared spells") and class_id in CLASS_SPELLS:
            cantrips, by_level = CLASS_SPELLS[class_id]
            known = set(build.spells.cantrips.get(class_id, [])) | set(build.spells.prepared.get(class_id, []))
            top = max_spell_level(class_id, new_level)
            pool = list(cantrips) if key == "cantrips" else [s for lvl, ids in by_level if lvl <= top for s in ids]
            field_name = "cantrips" if key == "cantrips" else "prepared"
            out[field_name] = [s for s in pool if s not in known][:n]
    if class_id == "wizard":
        book = set(build.spells.spellbook)
        top = max_spell_level(class_id, new_level)
        fresh = [sp for lvl, ids in CLASS_SPELLS["wizard"][1] if lvl <= top for sp in ids if sp not in book]
        wanted = [sp for sp in out.get("prepared", []) if sp not in book]
        extra = 2 if any(c.startswith("spellbook") for c in asked) else 0
        spellbook = list(dict.fromkeys([*wanted, *fresh[:extra]]))
        if spellbook:
            out["spellbook"] = spellbook
    options: dict[str, Any] = dict(out.get("options", {}))
    for key, (min_level, values) in CLASS_OPTIONS.get(class_id, {}).items():
        if new_level == min_level:
            options[key] = sorted(values)[0]
    if class_id == "bard" and new_level == SUBCLASS_LEVEL:
        options["skills"] = [s for s in [*favourites, *SKILLS] if s not in profs][:3]
    if options:
        out["options"] = options
    gained = sum(k for at, k in cdef.language_choices if at == new_level)
    if gained:
        known_languages = set(build.languages) | set(cdef.languages) | {"common"}
        out["languages"] = [lang for lang in LANGUAGES if lang not in known_languages][:gained]
    return out
