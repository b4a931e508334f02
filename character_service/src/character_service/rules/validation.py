"""Build validation: every rules problem in a build, all at once.

``validate(build)`` never raises for a rules problem; it returns a list of
:class:`Problem` with a field path (``classes[0].level``,
``ability_scores.base.strength``), a stable ``code`` and a message.
Spell ids are accepted as given (spell lists live in the catalog); only their
counts are checked against the class maxima.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

from .abilities import ABILITIES, BACKGROUND_CAP, SKILLS
from .build import Build
from .data.backgrounds import BACKGROUNDS, CUSTOM_BACKGROUND_ID
from .data.classes import (
    CLASS_OPTIONS,
    CLASSES,
    INVOCATION_LEVELS,
    INVOCATIONS,
    REPEATABLE_INVOCATIONS,
    SCHOLAR_SKILLS,
)
from .data.equipment import ARMOR, MAGIC_ITEMS, WEAPONS
from .data.feats import CLASS_FIGHTING_STYLE_OPTIONS, FEATS, MAGIC_INITIATE_LISTS, SKILLED_PICKS
from .data.species import SPECIES, SPECIES_WITH_SKILL
from .multiclass import meets_primary
from .point_buy import (
    MANUAL_MAX,
    MANUAL_MIN,
    POINT_BUY_BUDGET,
    POINT_BUY_MAX,
    POINT_BUY_MIN,
    ROLLED_MAX,
    ROLLED_MIN,
    is_standard_array,
    point_buy_cost,
    roll_total,
    rolls_valid,
)
from .spellcasting import extra_cantrips

MAX_LEVEL = 20
SUBCLASS_LEVEL = 3
ATTUNEMENT_MAX = 3
BASE_LANGUAGES = 2  # Common plus two (02_CharacterCreation.md, Choose Languages)


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem."""

    field: str
    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return the problem as a JSON-friendly dict."""
        return asdict(self)


class _Collector:
    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, field: str, code: str, message: str) -> None:
        self.items.append(Problem(field, code, message))


def validate(build: Build) -> list[Problem]:
    """Return every rules problem in ``build`` (empty list when legal)."""
    out = _Collector()
    _species(build, out)
    _background(build, out)
    _classes(build, out)
    _scores(build, out)
    _feats(build, out)
    _skills(build, out)
    _styles_and_masteries(build, out)
    _equipment(build, out)
    _spells(build, out)
    _languages(build, out)
    return out.items


# --------------------------------------------------------------------------- species
def _species(build: Build, out: _Collector) -> None:
    sc = build.species
    sp = SPECIES.get(sc.id)
    if sp is None:
        out.add("species.id", "unknown_species", f"unknown species '{sc.id}'")
        return
    if sp.lineages:
        if sc.lineage is None:
            out.add("species.lineage", "lineage_required", f"{sp.name} needs a {sp.lineage_kind} choice")
        elif sc.lineage not in sp.lineages:
            out.add(
                "species.lineage",
                "unknown_lineage",
                f"'{sc.lineage}' is not a {sp.name} {sp.lineage_kind}; options: {', '.join(sp.lineages)}",
            )
    elif sc.lineage is not None:
        out.add("species.lineage", "unexpected_lineage", f"{sp.name} has no lineage choice")
    if sc.size is not None and sc.size not in sp.sizes:
        out.add("species.size", "invalid_size", f"{sp.name} size must be {' or '.join(sp.sizes)}")
    if sp.id in SPECIES_WITH_SKILL:
        allowed = sp.skill_choice or tuple(SKILLS)
        if sc.skill is None:
            out.add("species.skill", "species_skill_required", f"{sp.name} grants one skill proficiency to choose")
        elif sc.skill not in allowed:
            out.add(
                "species.skill",
                "invalid_species_skill",
                f"{sp.name} skill must be one of {', '.join(allowed)}",
            )
    elif sc.skill is not None:
        out.add("species.skill", "unexpected_species_skill", f"{sp.name} grants no skill choice")
    if sp.lineage_needs_ability and sc.spellcasting_ability is None:
        out.add(
            "species.spellcasting_ability",
            "spellcasting_ability_required",
            f"choose Intelligence, Wisdom or Charisma for the {sp.name} {sp.lineage_kind} spells",
        )


# --------------------------------------------------------------------------- background
def _background(build: Build, out: _Collector) -> None:
    bc = build.background
    abilities: tuple[str, ...]
    if bc.id == CUSTOM_BACKGROUND_ID:
        abilities = tuple(bc.abilities or ())
        if len(abilities) != 3 or len(set(abilities)) != 3:
            out.add(
                "background.abilities",
                "custom_background_abilities",
                "a custom background lists three different abilities",
            )
        if len(set(bc.skills or ())) != 2:
            out.add(
                "background.skills",
                "custom_background_skills",
                "a custom background grants two different skills",
            )
        for i, s in enumerate(bc.skills or ()):
            if s not in SKILLS:
                out.add(f"background.skills[{i}]", "unknown_skill", f"unknown skill '{s}'")
        if not bc.tool:
            out.add("background.tool", "custom_background_tool", "a custom background grants one tool proficiency")
        fdef = FEATS.get(bc.feat or "")
        if fdef is None or fdef.category != "origin":
            out.add("background.feat", "custom_background_feat", "a custom background grants one Origin feat")
    else:
        bg = BACKGROUNDS.get(bc.id)
        if bg is None:
            out.add("background.id", "unknown_background", f"unknown background '{bc.id}'")
            return
        abilities = bg.abilities
    incs = bc.ability_increases
    for ability, v in incs.items():
        if ability not in abilities:
            out.add(
                f"background.ability_increases.{ability}",
                "ability_not_in_background",
                f"this background can only raise {', '.join(abilities)}",
            )
        if v < 1:
            out.add(
                f"background.ability_increases.{ability}",
                "invalid_background_increases",
                "each increase must be +1 or +2",
            )
    pattern = sorted((v for v in incs.values() if v > 0), reverse=True)
    if pattern not in ([2, 1], [1, 1, 1]):
        out.add(
            "background.ability_increases",
            "invalid_background_increases",
            "increase one ability by 2 and another by 1, or three abilities by 1",
        )
    base = build.ability_scores.base
    for ability, v in incs.items():
        if base.get(ability, 0) + v > BACKGROUND_CAP:
            out.add(
                f"background.ability_increases.{ability}",
                "score_above_cap",
                f"background increases can't raise a score above {BACKGROUND_CAP}",
            )


# --------------------------------------------------------------------------- classes
def _classes(build: Build, out: _Collector) -> None:
    total = build.level
    if not 1 <= total <= MAX_LEVEL:
        out.add("classes", "total_level_out_of_range", f"total level {total} must be 1 to {MAX_LEVEL}")
    seen: set[str] = set()
    from .abilities import final_scores

    scores = final_scores(build)
    for i, entry in enumerate(build.classes):
        path = f"classes[{i}]"
        cdef = CLASSES.get(entry.id)
        if cdef is None:
            out.add(f"{path}.id", "unknown_class", f"unknown class '{entry.id}'")
            continue
        if entry.id in seen:
            out.add(f"{path}.id", "duplicate_class", f"{cdef.name} appears twice; use one entry per class")
        seen.add(entry.id)
        if entry.subclass is not None:
            if entry.subclass != cdef.subclass.id:
                out.add(
                    f"{path}.subclass",
                    "unknown_subclass",
                    f"'{entry.subclass}' is not an SRD {cdef.name} subclass (expected '{cdef.subclass.id}')",
                )
            if entry.level < SUBCLASS_LEVEL:
                out.add(f"{path}.subclass", "subclass_too_early", f"a subclass is chosen at {cdef.name} level 3")
        elif entry.level >= SUBCLASS_LEVEL:
            out.add(f"{path}.subclass", "subclass_required", f"{cdef.name} level 3+ needs a subclass")
        expected = entry.level - 1 if i == 0 else entry.level
        if entry.hp_rolls and len(entry.hp_rolls) != expected:
            out.add(
                f"{path}.hp_rolls",
                "hp_rolls_count",
                f"give {expected} rolled Hit Point values (one per level after the first) or none for fixed",
            )
        for j, roll in enumerate(entry.hp_rolls):
            if not 1 <= roll <= cdef.hit_die:
                out.add(
                    f"{path}.hp_rolls[{j}]",
                    "hp_roll_out_of_range",
                    f"a d{cdef.hit_die} roll is 1 to {cdef.hit_die}",
                )
        opts = CLASS_OPTIONS.get(cdef.id, {})
        for key, value in entry.options.items():
            if key == "invocations" and cdef.id == "warlock":
                continue
            if key == "skills" and cdef.id == "bard":
                continue
            spec = opts.get(key)
            if spec is None:
                out.add(f"{path}.options.{key}", "unknown_option", f"{cdef.name} has no option '{key}'")
                continue
            min_level, allowed = spec
            if not isinstance(value, str) or value not in allowed:
                out.add(f"{path}.options.{key}", "invalid_option", f"choose one of {', '.join(sorted(allowed))}")
            elif entry.level < min_level:
                out.add(
                    f"{path}.options.{key}",
                    "option_too_early",
                    f"'{key}' is chosen at {cdef.name} level {min_level}",
                )
        for key, (min_level, _allowed) in opts.items():
            if entry.level >= min_level and key not in entry.options and not (key == "land" and entry.subclass is None):
                out.add(
                    f"{path}.options.{key}",
                    "option_required",
                    f"{cdef.name} level {min_level}+ needs '{key}'",
                )
        if cdef.id == "warlock":
            inv = entry.options.get("invocations", [])
            inv_list = inv if isinstance(inv, list) else [inv]
            if len(inv_list) > INVOCATIONS[entry.level - 1]:
                out.add(
                    f"{path}.options.invocations",
                    "too_many_invocations",
                    f"a level {entry.level} Warlock knows {INVOCATIONS[entry.level - 1]} invocations",
                )
            counts = Counter(inv_list)
            for j, inv_id in enumerate(inv_list):
                need = INVOCATION_LEVELS.get(inv_id)
                if need is None:
                    out.add(
                        f"{path}.options.invocations[{j}]",
                        "unknown_invocation",
                        f"unknown invocation '{inv_id}'",
                    )
                elif entry.level < need:
                    out.add(
                        f"{path}.options.invocations[{j}]",
                        "invocation_prerequisite",
                        f"'{inv_id}' needs Warlock level {need}",
                    )
                elif counts[inv_id] > 1 and inv_id not in REPEATABLE_INVOCATIONS:
                    out.add(
                        f"{path}.options.invocations[{j}]",
                        "invocation_not_repeatable",
                        f"'{inv_id}' isn't repeatable",
                    )
        if cdef.id == "bard":
            lore = entry.options.get("skills")
            lore_ok = isinstance(lore, list) and len(set(lore)) == 3 and all(s in SKILLS for s in lore)
            if entry.subclass == "lore" and entry.level >= SUBCLASS_LEVEL and not lore_ok:
                out.add(
                    f"{path}.options.skills",
                    "lore_bonus_skills",
                    "College of Lore grants three skills of your choice",
                )
        if i > 0:
            ids = [e.id for e in build.classes[: i + 1] if e.id in CLASSES]
            for cid in dict.fromkeys(ids):
                if not meets_primary(CLASSES[cid], scores):
                    need_txt = (" or " if CLASSES[cid].primary_any else " and ").join(CLASSES[cid].primary)
                    out.add(
                        f"{path}.id",
                        "multiclass_prerequisite",
                        f"multiclassing into {cdef.name} needs 13+ {need_txt} ({CLASSES[cid].name})",
                    )


# --------------------------------------------------------------------------- ability scores
def _scores(build: Build, out: _Collector) -> None:
    ab = build.ability_scores
    base: dict[str, int] = {str(k): v for k, v in ab.base.items()}
    method = ab.method
    if method == "standard_array":
        if not is_standard_array(base):
            out.add(
                "ability_scores.base",
                "not_standard_array",
                "scores must be 15, 14, 13, 12, 10 and 8 in any order",
            )
    elif method == "point_buy":
        bad = False
        for a in ABILITIES:
            v = base.get(a, 0)
            if not POINT_BUY_MIN <= v <= POINT_BUY_MAX:
                bad = True
                out.add(
                    f"ability_scores.base.{a}",
                    "point_buy_out_of_range",
                    f"point-buy scores are {POINT_BUY_MIN} to {POINT_BUY_MAX}",
                )
        cost = point_buy_cost(base)
        if not bad and cost is not None and cost > POINT_BUY_BUDGET:
            out.add(
                "ability_scores.base",
                "point_buy_over_budget",
                f"costs {cost} points; the budget is {POINT_BUY_BUDGET}",
            )
    elif method == "rolled":
        rolls = ab.rolls
        if len(rolls) != 6:
            out.add("ability_scores.rolls", "rolls_count", "record six sets of 4d6")
        ok = True
        for i, r in enumerate(rolls):
            if not rolls_valid(r):
                ok = False
                out.add(f"ability_scores.rolls[{i}]", "invalid_roll", "each roll is four d6 results (1 to 6)")
        if ok and len(rolls) == 6 and sorted(roll_total(r) for r in rolls) != sorted(base.values()):
            out.add(
                "ability_scores.base",
                "rolls_mismatch",
                "scores must be the rolled totals (highest three of 4d6)",
            )
        for a in ABILITIES:
            v = base.get(a, 0)
            if not ROLLED_MIN <= v <= ROLLED_MAX:
                out.add(
                    f"ability_scores.base.{a}",
                    "score_out_of_range",
                    f"rolled scores are {ROLLED_MIN} to {ROLLED_MAX}",
                )
    else:
        for a in ABILITIES:
            v = base.get(a, 0)
            if not MANUAL_MIN <= v <= MANUAL_MAX:
                out.add(
                    f"ability_scores.base.{a}",
                    "score_out_of_range",
                    f"scores are {MANUAL_MIN} to {MANUAL_MAX}",
                )


# --------------------------------------------------------------------------- feats
def _feats(build: Build, out: _Collector) -> None:
    levels = {c.id: c.level for c in build.classes}
    start = build.classes[0].id
    total = build.level
    bg = BACKGROUNDS.get(build.background.id)
    expected_bg = bg.feat if bg else (build.background.feat if build.background.id == CUSTOM_BACKGROUND_ID else None)
    bg_feats = [i for i, f in enumerate(build.feats) if f.source == "background"]
    if expected_bg and not any(build.feats[i].id == expected_bg for i in bg_feats):
        out.add(
            "feats",
            "background_feat_missing",
            f"list the background's Origin feat '{expected_bg}' with source 'background'",
        )
    if len(bg_feats) > 1:
        out.add(f"feats[{bg_feats[1]}]", "too_many_background_feats", "a background grants one feat")
    species_feats = [i for i, f in enumerate(build.feats) if f.source == "species"]
    human = build.species.id == "human"
    if human and not species_feats:
        out.add("feats", "species_feat_missing", "Human Versatile grants an Origin feat (source 'species')")
    if len(species_feats) > (1 if human else 0):
        out.add(
            f"feats[{species_feats[-1]}]",
            "unexpected_species_feat",
            "only Human (Versatile) grants one species feat",
        )
    used_levels: Counter[tuple[str, int]] = Counter()
    seen_ids: Counter[str] = Counter()
    from .abilities import final_scores

    running: dict[str, int] = {a: build.ability_scores.base.get(a, 10) for a in ABILITIES}
    for bg_a, bg_v in build.background.ability_increases.items():
        running[bg_a] = min(BACKGROUND_CAP, running[bg_a] + max(bg_v, 0))
    scores = final_scores(build)
    mi_lists: list[str] = []
    for i, feat in enumerate(build.feats):
        path = f"feats[{i}]"
        fdef = FEATS.get(feat.id)
        if fdef is None:
            out.add(f"{path}.id", "unknown_feat", f"unknown feat '{feat.id}'")
            continue
        seen_ids[feat.id] += 1
        if seen_ids[feat.id] > 1 and not fdef.repeatable:
            out.add(f"{path}.id", "feat_not_repeatable", f"{fdef.name} can be taken only once")
        if feat.source in ("background", "species") and fdef.category != "origin":
            out.add(f"{path}.id", "not_an_origin_feat", f"{fdef.name} is not an Origin feat")
        if fdef.category == "fighting_style":
            out.add(f"{path}.id", "fighting_style_in_feats", "list Fighting Style feats in 'fighting_styles'")
        if feat.source in ("class", "epic_boon"):
            cid = feat.class_id or start
            cdef = CLASSES.get(cid)
            if cdef is None or cid not in levels:
                out.add(f"{path}.class_id", "unknown_class", f"'{cid}' is not one of the character's classes")
            else:
                lvl = feat.level
                want = {19} if feat.source == "epic_boon" else cdef.asi_levels
                if lvl is None or lvl not in want:
                    when = ", ".join(map(str, sorted(want)))
                    out.add(f"{path}.level", "not_an_asi_level", f"{cdef.name} gains feats at level(s) {when}")
                elif lvl > levels[cid]:
                    out.add(
                        f"{path}.level",
                        "feat_level_above_class_level",
                        f"{cdef.name} is only level {levels[cid]}",
                    )
                else:
                    used_levels[(cid, lvl)] += 1
                    if used_levels[(cid, lvl)] > 1:
                        out.add(
                            f"{path}.level",
                            "duplicate_asi_level",
                            f"only one feat at {cdef.name} level {lvl}",
                        )
            if feat.source == "epic_boon" and fdef.category != "epic_boon":
                out.add(f"{path}.id", "not_an_epic_boon", f"{fdef.name} is not an Epic Boon feat")
        if fdef.min_level > 1 and total < fdef.min_level:
            out.add(f"{path}.id", "feat_prerequisite", f"{fdef.name} needs character level {fdef.min_level}+")
        if fdef.prereq_scores and not any(scores[a] >= 13 for a in fdef.prereq_scores):
            out.add(f"{path}.id", "feat_prerequisite", f"{fdef.name} needs {' or '.join(fdef.prereq_scores)} 13+")
        if fdef.requires_spellcasting and not any(CLASSES[c].caster for c in levels if c in CLASSES):
            out.add(f"{path}.id", "feat_prerequisite", f"{fdef.name} needs the Spellcasting feature")
        incs = feat.choices.get("ability_increases")
        if fdef.asi_points:
            if not isinstance(incs, dict):
                out.add(
                    f"{path}.choices.ability_increases",
                    "ability_increases_required",
                    f"{fdef.name} needs 'ability_increases'",
                )
            else:
                allowed = fdef.asi_abilities or ABILITIES
                bad = [a for a in incs if a not in allowed]
                if bad or sum(incs.values()) != fdef.asi_points or any(v < 1 or v > 2 for v in incs.values()):
                    out.add(
                        f"{path}.choices.ability_increases",
                        "invalid_ability_increases",
                        f"{fdef.name}: {fdef.asi_points} point(s) among {', '.join(allowed)}",
                    )
                for a, v in incs.items():
                    if a in running:
                        if running[a] + v > fdef.asi_cap:
                            out.add(
                                f"{path}.choices.ability_increases.{a}",
                                "score_above_cap",
                                f"{fdef.name} can't raise a score above {fdef.asi_cap}",
                            )
                        running[a] = min(fdef.asi_cap, running[a] + max(v, 0))
        elif incs is not None:
            out.add(
                f"{path}.choices.ability_increases",
                "unexpected_ability_increases",
                f"{fdef.name} grants no increase",
            )
        if feat.id == "skilled":
            sk = feat.choices.get("skills", [])
            tl = feat.choices.get("tools", [])
            n = (len(sk) if isinstance(sk, list) else 0) + (len(tl) if isinstance(tl, list) else 0)
            if n != SKILLED_PICKS:
                out.add(f"{path}.choices", "skilled_picks", "Skilled grants three skills or tools")
            for j, s in enumerate(sk if isinstance(sk, list) else []):
                if s not in SKILLS:
                    out.add(f"{path}.choices.skills[{j}]", "unknown_skill", f"unknown skill '{s}'")
        if feat.id == "magic_initiate":
            lst = feat.choices.get("spell_list")
            fixed = bg.feat_spell_list if (bg and feat.source == "background") else None
            if lst not in MAGIC_INITIATE_LISTS:
                out.add(
                    f"{path}.choices.spell_list",
                    "invalid_spell_list",
                    "choose the cleric, druid or wizard list",
                )
            elif fixed and lst != fixed:
                out.add(
                    f"{path}.choices.spell_list",
                    "invalid_spell_list",
                    f"this background's Magic Initiate uses the {fixed} list",
                )
            elif lst in mi_lists:
                out.add(
                    f"{path}.choices.spell_list",
                    "magic_initiate_list_repeated",
                    "choose a different list each time",
                )
            if isinstance(lst, str):
                mi_lists.append(lst)
            if feat.choices.get("ability") not in ("intelligence", "wisdom", "charisma"):
                out.add(
                    f"{path}.choices.ability",
                    "invalid_spellcasting_ability",
                    "choose intelligence, wisdom or charisma",
                )
            c = feat.choices.get("cantrips")
            if not isinstance(c, list) or len(c) != 2:
                out.add(
                    f"{path}.choices.cantrips",
                    "magic_initiate_cantrips",
                    "Magic Initiate teaches two cantrips",
                )
            if not isinstance(feat.choices.get("spell"), str):
                out.add(
                    f"{path}.choices.spell",
                    "magic_initiate_spell",
                    "Magic Initiate teaches one level 1 spell",
                )
    # Every ASI level (and level 19) reached must have its feat recorded.
    for entry in build.classes:
        cdef = CLASSES.get(entry.id)
        if cdef is None:
            continue
        for lvl in sorted(cdef.asi_levels | {19}):
            if lvl <= entry.level and used_levels[(entry.id, lvl)] == 0:
                out.add("feats", "feat_missing", f"{cdef.name} level {lvl} grants a feat; record it in 'feats'")


# --------------------------------------------------------------------------- skills & expertise
def expected_class_skills(build: Build) -> tuple[int, set[str]]:
    """Return how many skills ``skill_proficiencies`` should hold and the allowed skills."""
    count = 0
    allowed: set[str] = set()
    for i, entry in enumerate(build.classes):
        cdef = CLASSES.get(entry.id)
        if cdef is None:
            continue
        lst = set(cdef.skill_list) if cdef.skill_list else set(SKILLS)
        n = cdef.skill_count if i == 0 else cdef.mc_skills
        if cdef.id == "barbarian" and entry.level >= 3:
            n += 1  # Primal Knowledge
        if n:
            allowed |= lst
        count += n
    return count, allowed


def expertise_allowed(build: Build) -> int:
    """Return how many Expertise choices the classes grant."""
    n = 0
    for entry in build.classes:
        cdef = CLASSES.get(entry.id)
        if cdef is not None:
            n += sum(k for at, k in cdef.expertise if entry.level >= at)
    return n


def _skills(build: Build, out: _Collector) -> None:
    want, allowed = expected_class_skills(build)
    chosen = build.skill_proficiencies
    for i, s in enumerate(chosen):
        if s not in SKILLS:
            out.add(f"skill_proficiencies[{i}]", "unknown_skill", f"unknown skill '{s}'")
        elif s not in allowed:
            out.add(
                f"skill_proficiencies[{i}]",
                "skill_not_on_class_list",
                f"'{s}' is not on your class skill list",
            )
    dup = [s for s, n in Counter(chosen).items() if n > 1]
    if dup:
        out.add("skill_proficiencies", "duplicate_skill", f"listed twice: {', '.join(dup)}")
    if len(chosen) != want:
        out.add("skill_proficiencies", "wrong_skill_count", f"choose {want} class skills (got {len(chosen)})")
    bg = BACKGROUNDS.get(build.background.id)
    from .profile import prepare

    profs = prepare(build).skill_profs
    if bg is not None:
        for s in chosen:
            if s in bg.skills:
                out.add("skill_proficiencies", "skill_already_granted", f"'{s}' already comes from the background")
    for i, s in enumerate(build.expertise):
        if s not in SKILLS:
            out.add(f"expertise[{i}]", "unknown_skill", f"unknown skill '{s}'")
        elif s not in profs:
            out.add(f"expertise[{i}]", "expertise_without_proficiency", f"Expertise needs proficiency in '{s}'")
    if len(set(build.expertise)) != len(build.expertise):
        out.add("expertise", "duplicate_expertise", "Expertise in the same skill can't be gained twice")
    limit = expertise_allowed(build)
    if len(build.expertise) > limit:
        out.add("expertise", "too_many_expertise", f"your classes grant {limit} Expertise choice(s)")
    wiz = next((c for c in build.classes if c.id == "wizard"), None)
    if wiz is not None and wiz.level >= 2 and not any(s in SCHOLAR_SKILLS for s in build.expertise):
        out.add(
            "expertise",
            "scholar_expertise",
            "Wizard Scholar: Expertise in Arcana, History, Investigation, Medicine, Nature or Religion",
        )


# --------------------------------------------------------------------------- fighting styles, masteries
def _styles_and_masteries(build: Build, out: _Collector) -> None:
    levels = {c.id: c for c in build.classes}
    allowed = 0
    f = levels.get("fighter")
    if f is not None:
        allowed += 1 + (1 if f.subclass == "champion" and f.level >= 7 else 0)
    for cid in ("paladin", "ranger"):
        e = levels.get(cid)
        if e is not None and e.level >= 2:
            allowed += 1
    styles = build.fighting_styles
    for i, s in enumerate(styles):
        fdef = FEATS.get(s)
        owner = CLASS_FIGHTING_STYLE_OPTIONS.get(s)
        if owner is not None:
            if owner not in levels or levels[owner].level < 2:
                out.add(f"fighting_styles[{i}]", "fighting_style_option_unavailable", f"'{s}' is a {owner} option")
        elif fdef is None or fdef.category != "fighting_style":
            out.add(f"fighting_styles[{i}]", "unknown_fighting_style", f"unknown Fighting Style '{s}'")
    if len(set(styles)) != len(styles):
        out.add("fighting_styles", "duplicate_fighting_style", "a Fighting Style feat can be taken once")
    if len(styles) > allowed:
        out.add("fighting_styles", "too_many_fighting_styles", f"your classes grant {allowed} Fighting Style(s)")
    mastery = 0
    for c in build.classes:
        cdef = CLASSES.get(c.id)
        if cdef is not None and cdef.weapon_mastery is not None:
            mastery = max(mastery, cdef.weapon_mastery[c.level - 1])
    for i, w in enumerate(build.weapon_masteries):
        if w not in WEAPONS:
            out.add(f"weapon_masteries[{i}]", "unknown_weapon", f"unknown weapon '{w}'")
    if len(build.weapon_masteries) > mastery:
        out.add("weapon_masteries", "too_many_masteries", f"your Weapon Mastery allows {mastery} weapon kind(s)")


# --------------------------------------------------------------------------- equipment
def _equipment(build: Build, out: _Collector) -> None:
    attuned = 0
    for i, e in enumerate(build.equipment):
        known = (WEAPONS, ARMOR, MAGIC_ITEMS)
        if e.item_id is not None and not any(e.item_id in table for table in known):
            out.add(f"equipment[{i}].item_id", "unknown_item", f"unknown item '{e.item_id}'")
        elif e.item is not None and e.item.base is not None and e.item.base not in WEAPONS and e.item.base not in ARMOR:
            out.add(f"equipment[{i}].item.base", "unknown_item", f"unknown base item '{e.item.base}'")
        if e.attuned:
            attuned += 1
    thief13 = any(c.id == "rogue" and c.subclass == "thief" and c.level >= 13 for c in build.classes)
    cap = 4 if thief13 else ATTUNEMENT_MAX
    if attuned > cap:
        out.add("equipment", "too_many_attuned", f"attuned to {attuned} items; the maximum is {cap}")


# --------------------------------------------------------------------------- spells
def _spells(build: Build, out: _Collector) -> None:
    from .profile import prepare
    from .spellcasting import always_prepared

    p = prepare(build)
    casters = {c.id: c for c, _l, _s, _o in p.classes if c.caster}
    for key, mapping in (("cantrips", build.spells.cantrips), ("prepared", build.spells.prepared)):
        for cid, spells in mapping.items():
            cdef = casters.get(cid)
            if cdef is None:
                out.add(
                    f"spells.{key}.{cid}",
                    "not_a_spellcaster_class",
                    f"'{cid}' is not one of your spellcasting classes",
                )
                continue
            lvl = p.class_levels[cid]
            if len(set(spells)) != len(spells):
                out.add(f"spells.{key}.{cid}", "duplicate_spell", "a spell is listed twice")
            if key == "cantrips":
                opts = next(o for c, _l, _s, o in p.classes if c.id == cid)
                mx = (cdef.cantrips[lvl - 1] if cdef.cantrips else 0) + extra_cantrips(p, cid, opts)
                if len(spells) > mx:
                    out.add(f"spells.cantrips.{cid}", "too_many_cantrips", f"{cdef.name} knows {mx} cantrip(s)")
            else:
                always = set(always_prepared(p, cid))
                n = sum(1 for s in spells if s not in always)
                mx = cdef.prepared[lvl - 1] if cdef.prepared else 0
                if n > mx:
                    out.add(
                        f"spells.prepared.{cid}",
                        "too_many_prepared",
                        f"{cdef.name} prepares {mx} spell(s); got {n}",
                    )
    if build.spells.spellbook and "wizard" not in casters:
        out.add("spells.spellbook", "spellbook_without_wizard", "only a Wizard keeps a spellbook")
    if "wizard" in casters and build.spells.spellbook:
        book = set(build.spells.spellbook)
        always = set(always_prepared(p, "wizard"))
        for i, s in enumerate(build.spells.prepared.get("wizard", [])):
            if s not in book and s not in always:
                out.add(f"spells.prepared.wizard[{i}]", "not_in_spellbook", f"'{s}' is not in the spellbook")


# --------------------------------------------------------------------------- languages
def _languages(build: Build, out: _Collector) -> None:
    granted = {"common"}
    extra = 0
    for c in build.classes:
        cdef = CLASSES.get(c.id)
        if cdef is None:
            continue
        granted.update(cdef.languages)
        extra += sum(n for at, n in cdef.language_choices if c.level >= at)
    chosen = [lang for lang in build.languages if lang not in granted]
    want = BASE_LANGUAGES + extra
    if len(set(chosen)) != len(chosen):
        out.add("languages", "duplicate_language", "a language is listed twice")
    if len(set(chosen)) != want:
        out.add(
            "languages",
            "wrong_language_count",
            f"choose {want} languages besides Common (got {len(set(chosen))})",
        )
