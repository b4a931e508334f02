"""HTTP routes for export (json, foundry, pdf) and import (our JSON or a Foundry actor)."""

from __future__ import annotations

import re
import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Response, status
from pydantic import ValidationError

from character_service.characters.router import CharacterServiceDep, character_out
from character_service.characters.schemas import CharacterOut
from character_service.characters.service import checked_build, parse_state, pydantic_error, sheet_of
from character_service.transfer.foundry import FoundryActor, from_foundry, to_foundry
from character_service.transfer.native import ExportDocument, export_document
from character_service.transfer.pdf import render_pdf
from dnd_shared.errors import ConflictError, ErrorDetail, UnprocessableError
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters", tags=["import/export"])


def _filename(name: str, extension: str) -> str:
    return (re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-") or "character") + f".{extension}"


@router.get("/{character_id}/export", summary="Export as our JSON (lossless), a Foundry dnd5e actor, or a PDF sheet",
            response_model=None)
async def export(character_id: uuid.UUID, user: CurrentUser, characters: CharacterServiceDep,
                 format: Annotated[Literal["json", "foundry", "pdf"], Query()] = "json") -> Any:
    character = await characters.get_visible(user, character_id, allow_dm=True)
    name = str(character.build.get("name", ""))
    if format == "json":
        return export_document(character).model_dump(mode="json")
    sheet = sheet_of(character)
    if sheet is None:
        raise ConflictError("A draft has no sheet to export yet.", code="character_is_draft")
    if format == "foundry":
        return to_foundry(character.build, sheet, character.state)
    return Response(render_pdf(character.build, sheet), media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(name, "pdf")}"'})


@router.post("/import", status_code=status.HTTP_201_CREATED,
             summary="Import our JSON export, or a Foundry dnd5e actor (best effort: completed as a draft)")
async def import_character(user: CurrentUser, characters: CharacterServiceDep, response: Response,
                           document: Annotated[dict[str, Any], Body()]) -> CharacterOut:
    if document.get("format") == "dnd-platform.character":
        try:
            exported = ExportDocument.model_validate(document)
        except ValidationError as exc:
            raise pydantic_error(exc) from exc
        state = parse_state(exported.state)
        if exported.status == "active":
            character = await characters.create(user, checked_build(exported.build), state)
        else:
            character = await characters.create_draft(user, exported.build)
        character = await characters.repository.update(
            character, {"advancement": exported.advancement, "milestone_level": exported.milestone_level})
    elif document.get("type") == "character" and "system" in document:
        try:
            actor = FoundryActor.model_validate(document)
        except ValidationError as exc:
            raise pydantic_error(exc) from exc
        # Foundry holds less than a 2024 build needs: the result is a draft the builder completes.
        character = await characters.create_draft(user, from_foundry(actor))
    else:
        raise UnprocessableError("Unknown import format.", code="unknown_import_format",
                                 details=[ErrorDetail("format", "expected our export or a Foundry dnd5e actor")])
    response.headers["Location"] = f"/api/v1/characters/{character.id}"
    return character_out(character, response)
