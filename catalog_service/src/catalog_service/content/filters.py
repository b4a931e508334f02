"""Typed filters for browse and search, turned into SQL over the JSONB mechanics.

Equality filters become one ``mechanics @> {...}`` containment (served by the GIN index); ranges
(CR) compare the cast value. A filter that does not apply to the requested type is a 422.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Float, Integer, cast
from sqlalchemy.sql.elements import ColumnElement

from catalog_service.content.mechanics import (
    Ability,
    DamageType,
    ItemCategory,
    Mastery,
    Rarity,
    School,
    Size,
    WeaponProperty,
)
from catalog_service.content.models import CatalogEntry
from dnd_shared.errors import ErrorDetail, UnprocessableError

Source = Literal["srd-5.2", "homebrew", "generated"]


class ContentFilters(BaseModel):
    """Every filter browse and search understand; each names the types it applies to."""

    source: Source | None = None
    tag: str | None = Field(default=None, max_length=60)
    mine: bool = False
    # spells
    level: int | None = Field(default=None, ge=0, le=9)
    level_max: int | None = Field(default=None, ge=0, le=9)
    school: School | None = None
    spell_class: str | None = Field(default=None, max_length=40, alias="class")
    ritual: bool | None = None
    concentration: bool | None = None
    damage_type: DamageType | None = None
    save: Ability | None = None
    # creatures
    cr_min: float | None = Field(default=None, ge=0, le=30)
    cr_max: float | None = Field(default=None, ge=0, le=30)
    creature_type: str | None = Field(default=None, max_length=40)
    size: Size | None = None
    # magic items (category also weapons, armor, gear, tools, feats)
    rarity: Rarity | None = None
    category: str | None = Field(default=None, max_length=40)
    attunement: bool | None = None
    # weapons
    property: WeaponProperty | None = None
    mastery: Mastery | None = None

    model_config = ConfigDict(extra="ignore", populate_by_name=True)


#: filter -> the types it applies to
APPLIES_TO: dict[str, tuple[str, ...]] = {
    "level": ("spell",),
    "level_max": ("spell",),
    "school": ("spell",),
    "spell_class": ("spell",),
    "ritual": ("spell",),
    "concentration": ("spell",),
    "damage_type": ("spell",),
    "save": ("spell",),
    "cr_min": ("creature",),
    "cr_max": ("creature",),
    "creature_type": ("creature",),
    "size": ("creature",),
    "rarity": ("magic_item",),
    "category": ("magic_item", "weapon", "armor", "gear", "tool", "feat"),
    "attunement": ("magic_item",),
    "property": ("weapon",),
    "mastery": ("weapon",),
}
_ITEM_CATEGORIES: tuple[ItemCategory, ...] = (
    "armor", "potion", "ring", "rod", "scroll", "staff", "wand", "weapon", "wondrous_item"
)


def check_applicable(filters: ContentFilters, types: list[str]) -> None:
    """422 for a type-specific filter none of ``types`` has (e.g. ``level`` on creatures)."""
    details = []
    for name, applies in APPLIES_TO.items():
        if getattr(filters, name) is None:
            continue
        if types and not set(types) & set(applies):
            public = "class" if name == "spell_class" else name
            details.append(ErrorDetail(public, f"applies to {', '.join(applies)} only"))
    if filters.cr_min is not None and filters.cr_max is not None and filters.cr_min > filters.cr_max:
        details.append(ErrorDetail("cr_min", "must not exceed cr_max"))
    if details:
        raise UnprocessableError("A filter does not apply here.", code="invalid_filter", details=details)


def filter_clauses(filters: ContentFilters, user_id: Any = None) -> list[ColumnElement[bool]]:
    """SQL conditions for ``filters`` (visibility and type are added by the caller)."""
    clauses: list[ColumnElement[bool]] = []
    contains: dict[str, Any] = {}
    if filters.source is not None:
        clauses.append(CatalogEntry.source == filters.source)
    if filters.tag is not None:
        clauses.append(CatalogEntry.tags.any(filters.tag.lower()))
    if filters.mine:
        if user_id is None:
            raise UnprocessableError("Only a signed-in caller has entries of their own.", code="invalid_filter",
                                     details=[ErrorDetail("mine", "needs authentication")])
        clauses.append(CatalogEntry.owner_id == user_id)
    if filters.level is not None:
        contains["level"] = filters.level
    if filters.school is not None:
        contains["school"] = filters.school
    if filters.spell_class is not None:
        contains["classes"] = [filters.spell_class.lower()]
    if filters.ritual is not None:
        contains["ritual"] = filters.ritual
    if filters.concentration is not None:
        contains["concentration"] = filters.concentration
    if filters.damage_type is not None:
        contains["damage"] = [{"type": filters.damage_type}]
    if filters.save is not None:
        contains["save"] = filters.save
    if filters.creature_type is not None:
        contains["creature_type"] = filters.creature_type.lower()
    if filters.size is not None:
        contains["size"] = filters.size
    if filters.rarity is not None:
        contains["rarity"] = filters.rarity
    if filters.category is not None:
        contains["category"] = filters.category.lower().replace(" ", "_")
    if filters.attunement is not None:
        contains["attunement"] = filters.attunement
    if filters.property is not None:
        contains["properties"] = [filters.property]
    if filters.mastery is not None:
        contains["mastery"] = filters.mastery
    if contains:
        clauses.append(CatalogEntry.mechanics.contains(contains))
    if filters.level_max is not None:
        clauses.append(cast(CatalogEntry.mechanics["level"].astext, Integer) <= filters.level_max)
    cr_value = cast(CatalogEntry.mechanics["cr_value"].astext, Float)
    if filters.cr_min is not None:
        clauses.append(cr_value >= filters.cr_min)
    if filters.cr_max is not None:
        clauses.append(cr_value <= filters.cr_max)
    return clauses
