"""HTTP routes for spell lists. Every change is validated by the rules engine (cantrip and prepared
limits per class table; always-prepared spells do not count)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from character_service.characters.models import Character
from character_service.characters.router import CharacterServiceDep, IfMatch
from character_service.characters.service import check_if_match, etag_of, parse_build, sheet_of
from character_service.rules.spell_changes import RULES, describe, replacements
from character_service.spells.schemas import ClassSpellsIn, SpellbookIn, SpellsOut
from dnd_shared.errors import ConflictError, ErrorDetail, UnprocessableError
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters/{character_id}", tags=["spells"])
ClassId = Annotated[str, Path(min_length=1, max_length=40)]


def spells_out(character: Character, response: Response) -> SpellsOut:
    sheet = sheet_of(character)
    if sheet is None:
        raise ConflictError("A draft has no sheet yet; complete it first.", code="character_is_draft")
    response.headers["ETag"] = etag_of(character)
    spells: dict[str, Any] = character.build.get("spells", {})
    return SpellsOut(
        character_id=character.id, version=character.version, cantrips=spells.get("cantrips", {}),
        prepared=spells.get("prepared", {}), spellbook=spells.get("spellbook", []),
        spellcasting={k: dict(v) for k, v in sheet["spellcasting"].items()},
        spell_slots=dict(sheet["spell_slots"]), pact_slots=dict(sheet["pact_slots"]) if sheet["pact_slots"] else None,
        changes={class_id: {kind: {"allowed_now": character.spell_swaps.get(class_id, {}).get(kind, 0),
                                   "rule": describe(class_id, kind)} for kind in RULES.get(class_id, {})}
                 for class_id in sheet["spellcasting"]},
    )


@router.get("/spells", summary="Spell lists with each class's limits, DC and attack bonus")
async def get_spells(character_id: uuid.UUID, user: CurrentUser, characters: CharacterServiceDep,
                     response: Response) -> SpellsOut:
    return spells_out(await characters.get_visible(user, character_id, allow_dm=True), response)


@router.put("/spells/{class_id}", summary="Replace a class's cantrips and/or prepared spells")
async def set_class_spells(character_id: uuid.UUID, class_id: ClassId, body: ClassSpellsIn, user: CurrentUser,
                           characters: CharacterServiceDep, response: Response,
                           if_match: IfMatch = None) -> SpellsOut:
    character = await characters.lock_visible(user, character_id)
    check_if_match(character, if_match, required=False)
    if class_id not in {c.get("id") for c in character.build.get("classes", [])}:
        raise UnprocessableError("The character has no levels in that class.", code="unknown_class",
                                 details=[ErrorDetail("class_id", f"not one of the character's classes: {class_id}")])
    spells = dict(character.build.get("spells", {}))
    swaps = {k: dict(v) for k, v in character.spell_swaps.items()}
    for key, value in (("cantrips", body.cantrips), ("prepared", body.prepared)):
        if value is not None:
            used = replacements(spells.get(key, {}).get(class_id, []), value)
            left = swaps.get(class_id, {}).get(key, 0)
            if used and character.status == "active":
                if used > left:
                    raise UnprocessableError(
                        f"Too many {key} replaced: {describe(class_id, key)}.",  # type: ignore[arg-type]
                        code="spell_change_not_allowed",
                        details=[ErrorDetail(key, f"{used} replaced, {left} allowed now")])
                swaps.setdefault(class_id, {})[key] = left - used
            spells[key] = {**spells.get(key, {}), class_id: value}
    character.spell_swaps = swaps
    build = parse_build({**character.build, "spells": spells})
    stored = await characters.replace_build(character, build, author=user, message=f"Spells: {class_id} lists")
    return spells_out(stored, response)


@router.put("/spellbook", summary="Replace the wizard's spellbook")
async def set_spellbook(character_id: uuid.UUID, body: SpellbookIn, user: CurrentUser,
                        characters: CharacterServiceDep, response: Response, if_match: IfMatch = None) -> SpellsOut:
    character = await characters.lock_visible(user, character_id)
    check_if_match(character, if_match, required=False)
    spells = {**character.build.get("spells", {}), "spellbook": body.spells}
    build = parse_build({**character.build, "spells": spells})
    return spells_out(await characters.replace_build(character, build, author=user, message="Spellbook"), response)
