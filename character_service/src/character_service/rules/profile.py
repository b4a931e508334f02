"""Base data preparation: resolve a ``Build`` against the static tables.

This is the first stage of sheet computation (base -> items/features ->
effects -> derived).  It looks every id up once, applies ability increases,
and collects proficiencies, so later stages only read plain attributes.
Unknown ids are skipped here (``validate`` reports them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .abilities import ABILITIES, final_scores, modifier, proficiency_bonus
from .build import Build
from .data.backgrounds import BACKGROUNDS, CUSTOM_BACKGROUND_ID, BackgroundDef
from .data.classes import CLASSES, ClassDef
from .data.equipment import ARMOR, MAGIC_ITEMS, WEAPONS, Armor, Weapon
from .data.species import SPECIES, LineageDef, SpeciesDef


@dataclass(slots=True)
class ResolvedWeapon:
    """A carried weapon with its catalog row and magic bonus."""

    name: str
    weapon: Weapon
    magic_bonus: int
    equipped: bool


@dataclass(slots=True)
class Profile:
    """Everything later stages need, resolved once per sheet."""

    build: Build
    level: int
    pb: int
    scores: dict[str, int]
    mods: dict[str, int]
    class_levels: dict[str, int]  # insertion order: starting class first
    classes: list[tuple[ClassDef, int, str | None, dict[str, str | list[str]]]]
    start_class: ClassDef | None
    species: SpeciesDef | None
    lineage: LineageDef | None
    size: str
    background: BackgroundDef | None
    feat_ids: set[str]
    fighting_styles: set[str]
    invocations: list[str]
    armor_training: set[str] = field(default_factory=set)
    weapon_profs: set[str] = field(default_factory=set)
    save_profs: set[str] = field(default_factory=set)
    skill_profs: set[str] = field(default_factory=set)
    expertise: set[str] = field(default_factory=set)
    tools: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    armor: Armor | None = None
    armor_name: str = ""
    armor_bonus: int = 0
    shield: Armor | None = None
    shield_bonus: int = 0
    item_ac_bonus: int = 0
    item_save_bonus: int = 0
    item_bonus_names: list[str] = field(default_factory=list)
    weapons: list[ResolvedWeapon] = field(default_factory=list)
    attuned: int = 0
    warnings: list[str] = field(default_factory=list)

    def option(self, class_id: str, key: str) -> str | None:
        """Return a single-valued class option (e.g. ``divine_order``) or None."""
        for cdef, _lvl, _sub, opts in self.classes:
            if cdef.id == class_id:
                value = opts.get(key)
                return value if isinstance(value, str) else None
        return None

    def has_subclass(self, class_id: str, min_level: int) -> bool:
        """Return whether the class's SRD subclass is taken and at ``min_level``+."""
        for cdef, lvl, sub, _opts in self.classes:
            if cdef.id == class_id:
                return sub == cdef.subclass.id and lvl >= min_level
        return False


def _add_unique(target: list[str], values: list[str] | tuple[str, ...]) -> None:
    for v in values:
        if v not in target:
            target.append(v)


def prepare(build: Build) -> Profile:
    """Resolve ids, compute final scores and collect proficiencies for a build."""
    scores = final_scores(build)
    mods = {a: modifier(scores[a]) for a in ABILITIES}
    level = 0
    class_levels: dict[str, int] = {}
    classes: list[tuple[ClassDef, int, str | None, dict[str, str | list[str]]]] = []
    invocations: list[str] = []
    for entry in build.classes:
        level += entry.level
        cdef = CLASSES.get(entry.id)
        if cdef is None or entry.id in class_levels:
            continue
        class_levels[entry.id] = entry.level
        classes.append((cdef, entry.level, entry.subclass, entry.options))
        if entry.id == "warlock":
            inv = entry.options.get("invocations")
            if isinstance(inv, list):
                invocations = inv
    level = max(1, min(level, 20))
    species = SPECIES.get(build.species.id)
    lineage = None
    if species is not None and species.lineages and build.species.lineage:
        lineage = species.lineages.get(build.species.lineage)
    size = build.species.size or (species.sizes[0] if species else "medium")
    bg = BACKGROUNDS.get(build.background.id)
    start = classes[0][0] if classes and build.classes[0].id == classes[0][0].id else None
    p = Profile(
        build=build,
        level=level,
        pb=proficiency_bonus(level),
        scores=scores,
        mods=mods,
        class_levels=class_levels,
        classes=classes,
        start_class=start,
        species=species,
        lineage=lineage,
        size=size,
        background=bg,
        feat_ids={f.id for f in build.feats},
        fighting_styles=set(build.fighting_styles),
        invocations=invocations,
    )
    _proficiencies(p)
    _equipment(p)
    return p


def _proficiencies(p: Profile) -> None:
    build = p.build
    tools: list[str] = []
    for i, (cdef, lvl, _sub, opts) in enumerate(p.classes):
        first = i == 0 and p.start_class is cdef
        if first:
            p.armor_training.update(cdef.armor)
            p.weapon_profs.update(cdef.weapons)
            p.save_profs.update(cdef.saves)
            _add_unique(tools, cdef.tools)
        else:
            p.armor_training.update(cdef.mc_armor)
            p.weapon_profs.update(cdef.mc_weapons)
            _add_unique(tools, cdef.mc_tools)
        if opts.get("divine_order") == "protector":
            p.weapon_profs.add("martial")
            p.armor_training.add("heavy")
        if opts.get("primal_order") == "warden":
            p.weapon_profs.add("martial")
            p.armor_training.add("medium")
        if cdef.id == "monk" and lvl >= 14:
            p.save_profs.update(ABILITIES)  # Disciplined Survivor
        if cdef.id == "rogue" and lvl >= 15:
            p.save_profs.update(("wisdom", "charisma"))  # Slippery Mind
        if cdef.id == "bard" and lvl >= 3:
            lore = opts.get("skills")
            if isinstance(lore, list):
                p.skill_profs.update(lore)  # College of Lore: Bonus Proficiencies
    bg = p.background
    if bg is not None:
        p.skill_profs.update(bg.skills)
        if bg.tool:
            _add_unique(tools, [bg.tool])
    elif build.background.id == CUSTOM_BACKGROUND_ID:
        p.skill_profs.update(build.background.skills or ())
        if build.background.tool:
            _add_unique(tools, [build.background.tool])
    p.skill_profs.update(build.skill_proficiencies)
    if build.species.skill:
        p.skill_profs.add(build.species.skill)
    for feat in build.feats:
        if feat.id == "skilled":
            picked = feat.choices.get("skills")
            if isinstance(picked, list):
                p.skill_profs.update(picked)
            tpicked = feat.choices.get("tools")
            if isinstance(tpicked, list):
                _add_unique(tools, tpicked)
    _add_unique(tools, build.tool_proficiencies)
    p.tools = tools
    p.expertise = {s for s in build.expertise if s in p.skill_profs}
    langs = ["common"]
    for cdef, _lvl, _sub, _opts in p.classes:
        _add_unique(langs, cdef.languages)
    _add_unique(langs, [lang for lang in build.languages])
    p.languages = langs


def _equipment(p: Profile) -> None:
    for entry in p.build.equipment:
        if entry.quantity <= 0 and not entry.equipped:
            continue
        magic = 0
        ac_bonus = 0
        save_bonus = 0
        needs_attunement = False
        if entry.item_id is not None:
            base_id = entry.item_id
            name = ""
            mi = MAGIC_ITEMS.get(base_id)
            if mi is not None:
                name, ac_bonus, save_bonus, needs_attunement = mi
        else:
            item = entry.item
            assert item is not None
            base_id = item.base or ""
            name = item.name
            magic = item.magic_bonus
            ac_bonus = item.ac_bonus
            save_bonus = item.save_bonus
            needs_attunement = item.requires_attunement
        if entry.attuned:
            p.attuned += 1
        active = entry.equipped and (entry.attuned or not needs_attunement)
        if (ac_bonus or save_bonus) and active:
            p.item_ac_bonus += ac_bonus
            p.item_save_bonus += save_bonus
            p.item_bonus_names.append(name)
        weapon = WEAPONS.get(base_id)
        if weapon is not None:
            p.weapons.append(ResolvedWeapon(name or weapon.name, weapon, magic, entry.equipped))
            continue
        armor = ARMOR.get(base_id)
        if armor is not None and entry.equipped:
            if armor.category == "shield":
                if p.shield is None:
                    p.shield, p.shield_bonus = armor, magic
                else:
                    p.warnings.append("more than one Shield equipped; only the first counts")
            elif p.armor is None:
                p.armor, p.armor_bonus, p.armor_name = armor, magic, name or armor.name
            else:
                p.warnings.append("more than one suit of armor equipped; only the first counts")
