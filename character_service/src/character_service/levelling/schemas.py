"""HTTP shapes of level-up."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class FeatChoice(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=80)
    choices: dict[str, Any] = Field(default_factory=dict)


class LevelUpIn(BaseModel):
    """The choices of one level; ``hit_points`` ``roll`` rolls the class's die on the server unless
    ``hp_roll`` gives the roll made at the table."""

    model_config = ConfigDict(extra="forbid")
    class_id: str = Field(min_length=1, max_length=40)
    hit_points: Literal["fixed", "roll"] = "fixed"
    hp_roll: int | None = Field(default=None, ge=1, le=12)
    subclass: str | None = Field(default=None, max_length=60)
    feat: FeatChoice | None = None
    options: dict[str, Any] | None = None
    skill_proficiencies: list[str] = Field(default_factory=list)
    expertise: list[str] = Field(default_factory=list)
    tool_proficiencies: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    weapon_masteries: list[str] = Field(default_factory=list)
    fighting_styles: list[str] = Field(default_factory=list)
    cantrips: list[str] = Field(default_factory=list)
    prepared: list[str] = Field(default_factory=list)
    spellbook: list[str] = Field(default_factory=list)

    def rules_choices(self, hp_roll: int | None) -> dict[str, Any]:
        """The ``choices`` mapping the rules engine's ``apply_level_up`` takes."""
        chosen: dict[str, Any] = {
            key: value for key, value in self.model_dump(exclude={"class_id", "hit_points", "hp_roll"}).items()
            if value not in (None, [], {})
        }
        if hp_roll is not None:
            chosen["hp_roll"] = hp_roll
        return chosen


class LevelUpOut(BaseModel):
    character: dict[str, Any]
    level: int
    hit_points_gained: int
    hp_roll: int | None
    new_features: list[str]
