"""Mutable-in-play character state (SRD 5.2, 2024 rules).

``PlayState`` holds everything about a character that changes during play and
is *not* derived from the build: current and temporary Hit Points, Death
Saving Throws, conditions, Exhaustion level, Concentration, and what has been
spent of Hit Point Dice, spell slots, Pact Magic slots and class resources.

Every field has a default, so ``PlayState()`` is a fresh, fully rested
character.  The model is frozen: the play functions in ``play``, ``rests``,
``conditions`` and ``xp`` never mutate a state, they return a new one.

The module also defines the typed error hierarchy used by those functions
(``PlayError`` and subclasses), each carrying a machine-readable ``code`` and
the ``field`` it concerns, so an API layer can map them to 4xx responses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_serializer,
    field_validator,
    model_validator,
)

__all__ = [
    "ALL_CONDITIONS",
    "HIT_DIE_SIDES",
    "HIT_DIE_SIZES",
    "MAX_DEATH_SAVES",
    "MAX_EXHAUSTION",
    "MAX_SPELL_LEVEL",
    "TRACKED_CONDITIONS",
    "AlreadyDeadError",
    "Condition",
    "DamageType",
    "DeathSaves",
    "Event",
    "HitDie",
    "InvalidRollError",
    "NotDyingError",
    "NothingLeftError",
    "PlayError",
    "PlayLimits",
    "PlayReport",
    "PlayState",
    "Recharge",
    "ResourceLimit",
    "UnknownResourceError",
]


class Condition(StrEnum):
    """The 15 conditions of the SRD 5.2 Rules Glossary ("Conditions")."""

    BLINDED = "blinded"
    CHARMED = "charmed"
    DEAFENED = "deafened"
    EXHAUSTION = "exhaustion"
    FRIGHTENED = "frightened"
    GRAPPLED = "grappled"
    INCAPACITATED = "incapacitated"
    INVISIBLE = "invisible"
    PARALYZED = "paralyzed"
    PETRIFIED = "petrified"
    POISONED = "poisoned"
    PRONE = "prone"
    RESTRAINED = "restrained"
    STUNNED = "stunned"
    UNCONSCIOUS = "unconscious"


ALL_CONDITIONS: Final[frozenset[Condition]] = frozenset(Condition)
"""All 15 SRD conditions."""

TRACKED_CONDITIONS: Final[frozenset[Condition]] = ALL_CONDITIONS - {Condition.EXHAUSTION}
"""Conditions stored in ``PlayState.conditions``; Exhaustion is a level field."""


class DamageType(StrEnum):
    """The 13 damage types of the Rules Glossary ("Damage Types" table)."""

    ACID = "acid"
    BLUDGEONING = "bludgeoning"
    COLD = "cold"
    FIRE = "fire"
    FORCE = "force"
    LIGHTNING = "lightning"
    NECROTIC = "necrotic"
    PIERCING = "piercing"
    POISON = "poison"
    PSYCHIC = "psychic"
    RADIANT = "radiant"
    SLASHING = "slashing"
    THUNDER = "thunder"


HitDie = Literal["d6", "d8", "d10", "d12"]
HIT_DIE_SIZES: Final[tuple[HitDie, ...]] = ("d6", "d8", "d10", "d12")
HIT_DIE_SIDES: Final[dict[str, int]] = {"d6": 6, "d8": 8, "d10": 10, "d12": 12}

# Rules Glossary, "Death Saving Throw": three successes stabilize, three
# failures kill.
MAX_DEATH_SAVES: Final = 3
# Rules Glossary, "Exhaustion": you die if your Exhaustion level is 6.
MAX_EXHAUSTION: Final = 6
# Spell slot levels run 1..9.
MAX_SPELL_LEVEL: Final = 9

NonNegInt = Annotated[int, Field(ge=0)]
SpellLevel = Annotated[int, Field(ge=1, le=MAX_SPELL_LEVEL)]
ResourceId = Annotated[str, Field(min_length=1, max_length=100)]
SpellId = Annotated[str, Field(min_length=1, max_length=100)]


# ---------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------


class PlayError(ValueError):
    """A rules-play mistake (illegal action for the current state).

    ``code`` is a stable machine-readable identifier; ``field`` names the
    input or state field the problem concerns (or ``None``).
    """

    code: str = "play_error"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code

    def to_dict(self) -> dict[str, str | None]:
        """Return a JSON-friendly description of the error."""
        return {"code": self.code, "field": self.field, "message": self.message}


class AlreadyDeadError(PlayError):
    """The action is impossible because the character is dead."""

    code = "already_dead"


class NotDyingError(PlayError):
    """A death saving throw was requested for a character who isn't dying."""

    code = "not_dying"


class InvalidRollError(PlayError):
    """A die roll is outside the faces of the die."""

    code = "invalid_roll"


class NothingLeftError(PlayError):
    """A resource, slot or Hit Point Die was spent with none remaining."""

    code = "nothing_left"


class UnknownResourceError(PlayError):
    """A resource, slot level or die size the character does not have."""

    code = "unknown_resource"


# ---------------------------------------------------------------------------
# Models
# ---------------------------------------------------------------------------


class DeathSaves(BaseModel):
    """Tally of Death Saving Throw successes and failures (each 0..3)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    successes: int = Field(default=0, ge=0, le=MAX_DEATH_SAVES)
    failures: int = Field(default=0, ge=0, le=MAX_DEATH_SAVES)


class PlayState(BaseModel):
    """Everything about a character that changes during play.

    ``hp_current`` is ``None`` while the character is at its Hit Point
    maximum, so the state stays correct when the maximum changes (level up,
    Constitution change).  Conditions are stored by id; Exhaustion is kept as
    a level in ``exhaustion`` and must not appear in ``conditions``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    hp_current: int | None = Field(default=None, ge=0)
    temp_hp: int = Field(default=0, ge=0)
    death_saves: DeathSaves = Field(default_factory=DeathSaves)
    conditions: frozenset[Condition] = frozenset()
    exhaustion: int = Field(default=0, ge=0, le=MAX_EXHAUSTION)
    concentration: SpellId | None = None
    hit_dice_spent: dict[HitDie, NonNegInt] = Field(default_factory=dict)
    spell_slots_spent: dict[SpellLevel, NonNegInt] = Field(default_factory=dict)
    pact_slots_spent: int = Field(default=0, ge=0)
    resources_spent: dict[ResourceId, NonNegInt] = Field(default_factory=dict)
    heroic_inspiration: bool = False
    stable: bool = False
    dead: bool = False

    @field_validator("conditions", mode="after")
    @classmethod
    def _no_exhaustion_in_conditions(cls, value: frozenset[Condition]) -> frozenset[Condition]:
        if Condition.EXHAUSTION in value:
            raise ValueError("exhaustion is tracked as a level in the 'exhaustion' field, not in 'conditions'")
        return value

    @field_serializer("conditions")
    def _serialize_conditions(self, value: frozenset[Condition]) -> list[str]:
        return sorted(c.value for c in value)

    @field_serializer("hit_dice_spent", "spell_slots_spent", "resources_spent")
    def _serialize_sorted(self, value: dict[str, int] | dict[int, int]) -> dict[str, int] | dict[int, int]:
        return dict(sorted(value.items()))  # type: ignore[return-value]

    @model_validator(mode="after")
    def _consistent(self) -> PlayState:
        if self.stable and self.dead:
            raise ValueError("a character cannot be both stable and dead")
        if self.stable and self.hp_current != 0:
            raise ValueError("stable only applies to a character at 0 Hit Points")
        return self

    # Convenience accessors -------------------------------------------------

    def has(self, condition: Condition | str) -> bool:
        """Return whether the condition is active (Exhaustion: level > 0)."""
        cond = Condition(condition)
        if cond is Condition.EXHAUSTION:
            return self.exhaustion > 0
        return cond in self.conditions

    def hp(self, hp_max: int) -> int:
        """Return current Hit Points given the Hit Point maximum."""
        if self.hp_current is None:
            return hp_max
        return min(self.hp_current, hp_max)


# ---------------------------------------------------------------------------
# Limits: the numbers from the character sheet the play functions need
# ---------------------------------------------------------------------------

Recharge = Literal["short_rest", "long_rest"]


@dataclass(frozen=True, slots=True)
class ResourceLimit:
    """Maximum uses of a limited class/species/feat resource and how it recharges.

    ``recharge`` is the rest that restores *all* expended uses ("short_rest"
    resources also recharge on a Long Rest).  ``short_rest_regain`` is the
    number of uses a Short Rest restores when that differs from "all": e.g.
    Rage, Channel Divinity, Wild Shape or Second Wind are ``long_rest`` with
    ``short_rest_regain=1`` (one expended use back on a Short Rest).  ``None``
    means a Short Rest restores all uses of a ``short_rest`` resource and none
    of a ``long_rest`` one.
    """

    max: int
    recharge: Recharge = "long_rest"
    short_rest_regain: int | None = None

    def __post_init__(self) -> None:
        if self.max < 0:
            raise ValueError("resource max must be >= 0")
        if self.recharge not in ("short_rest", "long_rest"):
            raise ValueError("recharge must be 'short_rest' or 'long_rest'")
        if self.short_rest_regain is not None and self.short_rest_regain < 0:
            raise ValueError("short_rest_regain must be >= 0 or None")

    def regained_on_short_rest(self, spent: int) -> int:
        """Return how many of ``spent`` uses a Short Rest restores."""
        if self.short_rest_regain is not None:
            return min(spent, self.short_rest_regain)
        return spent if self.recharge == "short_rest" else 0


@dataclass(frozen=True, slots=True)
class PlayLimits:
    """The sheet-derived numbers the play, rest and spend functions need.

    Only ``hp_max`` is required; everything else defaults to "the character
    has none".  Build it from a computed sheet with
    ``play.limits_from_sheet``.

    * ``hit_dice``: maximum Hit Point Dice per die size (``{"d8": 3}``).
    * ``spell_slots``: maximum spell slots per slot level (``{1: 4, 2: 2}``).
    * ``pact_slots`` / ``pact_slot_level``: Pact Magic slots.
    * ``resources``: limited-use features by id.
    * ``resistances`` / ``vulnerabilities`` / ``immunities``: damage types;
      ``resist_all`` for Resistance to all damage.
    * ``condition_immunities``: conditions the character can't receive.
    * ``heroic_inspiration_on_long_rest``: e.g. the Human's Resourceful trait.
    """

    hp_max: int
    con_mod: int = 0
    hit_dice: Mapping[str, int] = field(default_factory=dict)
    spell_slots: Mapping[int, int] = field(default_factory=dict)
    pact_slots: int = 0
    pact_slot_level: int = 0
    resources: Mapping[str, ResourceLimit] = field(default_factory=dict)
    resistances: frozenset[DamageType] = frozenset()
    vulnerabilities: frozenset[DamageType] = frozenset()
    immunities: frozenset[DamageType] = frozenset()
    resist_all: bool = False
    condition_immunities: frozenset[Condition] = frozenset()
    heroic_inspiration_on_long_rest: bool = False

    def __post_init__(self) -> None:
        if self.hp_max < 1:
            raise ValueError("hp_max must be >= 1 (a Hit Point maximum of 0 means death)")
        for die, count in self.hit_dice.items():
            if die not in HIT_DIE_SIDES:
                raise ValueError(f"unknown hit die size {die!r}")
            if count < 0:
                raise ValueError(f"hit_dice[{die!r}] must be >= 0")
        for level, count in self.spell_slots.items():
            if not 1 <= level <= MAX_SPELL_LEVEL:
                raise ValueError(f"spell slot level {level} must be 1..{MAX_SPELL_LEVEL}")
            if count < 0:
                raise ValueError(f"spell_slots[{level}] must be >= 0")
        if self.pact_slots < 0:
            raise ValueError("pact_slots must be >= 0")
        if not 0 <= self.pact_slot_level <= MAX_SPELL_LEVEL:
            raise ValueError(f"pact_slot_level must be 0..{MAX_SPELL_LEVEL}")


# ---------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------


class Event(StrEnum):
    """Machine-readable things that happened during one play operation."""

    DAMAGE_TAKEN = "damage_taken"
    DAMAGE_IMMUNE = "damage_immune"
    DAMAGE_RESISTED = "damage_resisted"
    DAMAGE_VULNERABLE = "damage_vulnerable"
    NO_DAMAGE = "no_damage"
    TEMP_HP_ABSORBED = "temp_hp_absorbed"
    DROPPED_TO_ZERO = "dropped_to_zero"
    MASSIVE_DAMAGE = "massive_damage"
    DEATH_SAVE_SUCCESS = "death_save_success"
    DEATH_SAVE_FAILURE = "death_save_failure"
    DEATH_SAVES_RESET = "death_saves_reset"
    STABILIZED = "stabilized"
    STABILITY_LOST = "stability_lost"
    DIED = "died"
    BLOODIED = "bloodied"
    HEALED = "healed"
    REGAINED_CONSCIOUSNESS = "regained_consciousness"
    KNOCKED_OUT = "knocked_out"
    REVIVED = "revived"
    TEMP_HP_GAINED = "temp_hp_gained"
    TEMP_HP_KEPT = "temp_hp_kept"
    TEMP_HP_LOST = "temp_hp_lost"
    CONCENTRATION_CHECK = "concentration_check"
    CONCENTRATION_STARTED = "concentration_started"
    CONCENTRATION_ENDED = "concentration_ended"
    CONDITION_ADDED = "condition_added"
    CONDITION_ALREADY_PRESENT = "condition_already_present"
    CONDITION_IMMUNE = "condition_immune"
    CONDITION_REMOVED = "condition_removed"
    CONDITION_NOT_PRESENT = "condition_not_present"
    CONDITION_STILL_IMPLIED = "condition_still_implied"
    EXHAUSTION_CHANGED = "exhaustion_changed"
    HIT_DICE_SPENT = "hit_dice_spent"
    HIT_DICE_REGAINED = "hit_dice_regained"
    RESOURCE_SPENT = "resource_spent"
    RESOURCE_REGAINED = "resource_regained"
    SPELL_SLOT_SPENT = "spell_slot_spent"
    SPELL_SLOTS_REGAINED = "spell_slots_regained"
    PACT_SLOT_SPENT = "pact_slot_spent"
    PACT_SLOTS_REGAINED = "pact_slots_regained"
    HEROIC_INSPIRATION_GAINED = "heroic_inspiration_gained"
    HEROIC_INSPIRATION_USED = "heroic_inspiration_used"
    SHORT_REST = "short_rest"
    LONG_REST = "long_rest"


class PlayReport(BaseModel):
    """Base of every operation report: what happened, plus the life status after it."""

    model_config = ConfigDict(frozen=True)

    events: list[Event] = Field(default_factory=list)
    messages: list[str] = Field(default_factory=list)
    unconscious: bool = False
    stable: bool = False
    dead: bool = False
