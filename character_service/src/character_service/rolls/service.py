"""Roll for a character on the server and log it."""

from __future__ import annotations

import uuid

from character_service.characters.service import CharacterService, sheet_of
from character_service.rolls.dice import natural_d20, prepare_check, prepare_expression, roll
from character_service.rolls.models import Roll
from character_service.rolls.repository import RollRepository
from character_service.rolls.schemas import RollIn, RollOut
from character_service.rules.state import PlayState
from dnd_shared.db.pagination import Page
from dnd_shared.errors import ConflictError
from dnd_shared.identity import Principal


def roll_out(row: Roll) -> RollOut:
    details = dict(row.details)
    return RollOut(
        id=row.id, character_id=row.character_id, request=row.request, expression=row.expression, total=row.total,
        result=row.result, natural=details.pop("natural", None), critical=details.pop("critical", False),
        fumble=details.pop("fumble", False), notes=details.pop("notes", []), details=details,
        created_at=row.created_at,
    )


class RollService:
    def __init__(self, characters: CharacterService, rolls: RollRepository) -> None:
        self.characters = characters
        self.rolls = rolls

    async def roll(self, principal: Principal, character_id: uuid.UUID, request: RollIn) -> RollOut:
        character = await self.characters.get_visible(principal, character_id, allow_dm=True)
        if request.check is not None:
            sheet = sheet_of(character)
            if sheet is None:
                raise ConflictError("A draft has no sheet to roll checks from yet.", code="character_is_draft")
            prepared = prepare_check(request.check, request.mode, sheet, PlayState.model_validate(character.state))
        else:
            assert request.expression is not None
            prepared = prepare_expression(request.expression)
        result = roll(prepared)
        natural = natural_d20(result) if prepared.kind in ("check", "save", "attack") else None
        row = await self.rolls.create(
            character_id=character.id, roller_id=principal.user_id, request=prepared.request,
            expression=prepared.expression, total=int(result.total), result=str(result),
            details={**prepared.details, "kind": prepared.kind, "notes": prepared.notes, "natural": natural,
                     "critical": natural == 20, "fumble": natural == 1},
        )
        return roll_out(row)

    async def log(self, principal: Principal, character_id: uuid.UUID, limit: int, cursor: str | None
                  ) -> Page[Roll]:
        character = await self.characters.get_visible(principal, character_id, allow_dm=True)
        return await self.rolls.list(filters={"character_id": character.id}, limit=limit, cursor=cursor)
