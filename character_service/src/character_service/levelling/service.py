"""Level-up through the rules engine: options, HP fixed or rolled, choices validated all at once."""

from __future__ import annotations

import random
import uuid

from character_service.characters.models import Character
from character_service.characters.service import (
    CharacterService,
    check_if_match,
    parse_build,
    rules_error,
    sheet_of,
)
from character_service.levelling.schemas import LevelUpIn
from character_service.rules.data.classes import CLASSES
from character_service.rules.level_up import LevelUpOptions, apply_level_up, level_up_options
from character_service.rules.spell_changes import granted
from character_service.rules.validation import Problem, validate
from dnd_shared.errors import ConflictError, ErrorDetail, UnprocessableError
from dnd_shared.identity import Principal


class LevellingService:
    def __init__(self, characters: CharacterService, rng: random.Random | None = None) -> None:
        self.characters = characters
        self.rng = rng or random.SystemRandom()

    async def options(self, principal: Principal, character_id: uuid.UUID, class_id: str | None) -> LevelUpOptions:
        character = await self.characters.get_visible(principal, character_id)
        self._require_active(character)
        build = parse_build(character.build)
        return level_up_options(build, class_id or build.classes[0].id)

    async def level_up(self, principal: Principal, character_id: uuid.UUID, body: LevelUpIn,
                       if_match: str | None) -> tuple[Character, int, int | None, list[str]]:
        character = await self.characters.lock_visible(principal, character_id)
        check_if_match(character, if_match, required=False)
        self._require_active(character)
        build = parse_build(character.build)
        class_def = CLASSES.get(body.class_id)
        if class_def is None:
            raise UnprocessableError("Unknown class.", code="unknown_class",
                                     details=[ErrorDetail("class_id", f"no class '{body.class_id}'")])
        hp_roll = body.hp_roll
        if body.hit_points == "roll" and hp_roll is None:
            hp_roll = self.rng.randint(1, class_def.hit_die)
        if body.hit_points == "fixed" and hp_roll is not None:
            raise UnprocessableError("A fixed HP increase takes no roll.", code="validation_error",
                                     details=[ErrorDetail("hp_roll", "only with hit_points: roll")])
        if hp_roll is not None and hp_roll > class_def.hit_die:
            raise UnprocessableError("The roll is larger than the class's Hit Die.", code="validation_error",
                                     details=[ErrorDetail("hp_roll", f"at most {class_def.hit_die}")])
        options = level_up_options(build, body.class_id)
        result = apply_level_up(build, body.class_id, body.rules_choices(hp_roll))
        if isinstance(result, list):
            raise rules_error(result, "The level-up is not allowed.")
        problems: list[Problem] = validate(result)
        if problems:
            raise rules_error(problems, "The level-up leaves the build breaking the rules.")
        before = sheet_of(character)
        new_level = next(c.level for c in result.classes if c.id == body.class_id)
        character.spell_swaps = granted(character.spell_swaps, "level_up", [body.class_id])
        character = await self.characters.replace_build(
            character, result, author=principal, message=f"Level up: {body.class_id.title()} {new_level}")
        after = sheet_of(character)
        assert before is not None and after is not None
        gained = after["hit_points"]["max"] - before["hit_points"]["max"]
        return character, gained, hp_roll, list(options["new_features"])

    @staticmethod
    def _require_active(character: Character) -> None:
        if character.status == "draft":
            raise ConflictError("A draft cannot level up; complete it first.", code="character_is_draft")
