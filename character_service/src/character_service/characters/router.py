"""HTTP routes for characters: create, guided drafts, read with the sheet, edit, delete, restore."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, Query, Request, Response, status

from character_service.builder.steps import add_catalog_spells, builder_report
from character_service.campaign_links.access import CampaignDmAccess
from character_service.characters.models import Character
from character_service.characters.repository import CharacterRepository
from character_service.characters.schemas import (
    CharacterOut,
    CharacterPage,
    CharacterSummary,
    RulesProblemOut,
    ValidationReport,
)
from character_service.characters.service import CharacterService, etag_of, parse_build, sheet_of
from character_service.events import EventsDep
from character_service.rules.build import Build
from character_service.rules.validation import validate
from dnd_shared.contracts.envelope import PrincipalClaims
from dnd_shared.db.engine import ReadSessionDep, SessionDep
from dnd_shared.identity import CurrentUser

router = APIRouter(prefix="/api/v1/characters", tags=["characters"])


def get_character_service(session: SessionDep, request: Request) -> CharacterService:
    hub = getattr(request.app.state, "hub", None)
    return CharacterService(CharacterRepository(session), CampaignDmAccess(session, hub))


CharacterServiceDep = Annotated[CharacterService, Depends(get_character_service)]


def get_reading_character_service(session: ReadSessionDep, request: Request) -> CharacterService:
    """For single-query GETs: no transaction round trips (writes through it would not be committed)."""
    hub = getattr(request.app.state, "hub", None)
    return CharacterService(CharacterRepository(session), CampaignDmAccess(session, hub))


ReadingCharacterServiceDep = Annotated[CharacterService, Depends(get_reading_character_service)]
IfMatch = Annotated[str | None, Header(alias="If-Match", description="The ETag you last read")]


def character_out(character: Character, response: Response | None = None) -> CharacterOut:
    """The API shape, with the sheet computed now; sets the ETag when a response is given."""
    if response is not None:
        response.headers["ETag"] = etag_of(character)
    sheet = sheet_of(character)
    return CharacterOut(
        id=character.id, version=character.version, status=character.status,
        owner_id=character.owner_id, rules_version=character.rules_version, created_at=character.created_at,
        updated_at=character.updated_at, deleted_at=character.deleted_at, build=character.build,
        state=character.state, sheet=dict(sheet) if sheet is not None else None,
    )


def summary_of(character: Character) -> CharacterSummary:
    classes = [c for c in character.build.get("classes", []) if isinstance(c, dict)]
    species = character.build.get("species")
    return CharacterSummary(
        id=character.id, version=character.version, status=character.status,
        name=str(character.build.get("name", "")),
        level=sum(int(c.get("level", 0)) for c in classes),
        classes=[{"id": c.get("id"), "level": c.get("level"), "subclass": c.get("subclass")} for c in classes],
        species=species.get("id") if isinstance(species, dict) else None,
        updated_at=character.updated_at, deleted_at=character.deleted_at,
    )


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create a character from a complete build")
async def create_character(build: Build, user: CurrentUser, service: CharacterServiceDep,
                           response: Response, events: EventsDep) -> CharacterOut:
    character = await service.create(user, build)
    events.created(character)
    response.headers["Location"] = f"/api/v1/characters/{character.id}"
    return character_out(character, response)


@router.post("/validate", summary="Check a build against the rules without saving it")
async def validate_build(user: CurrentUser, document: Annotated[dict[str, Any], Body()]) -> ValidationReport:
    problems = validate(parse_build(document))
    return ValidationReport(valid=not problems, problems=[RulesProblemOut(**p.to_dict()) for p in problems])


@router.post("/drafts", status_code=status.HTTP_201_CREATED, summary="Start a character with the guided builder")
async def create_draft(user: CurrentUser, service: CharacterServiceDep, response: Response,
                       document: Annotated[dict[str, Any] | None, Body()] = None) -> CharacterOut:
    character = await service.create_draft(user, document or {"name": "", "rules_version": "2024"})
    response.headers["Location"] = f"/api/v1/characters/{character.id}"
    return character_out(character, response)


@router.post("/{character_id}/complete", summary="Turn a finished draft into an active character")
async def complete_draft(character_id: uuid.UUID, user: CurrentUser, service: CharacterServiceDep,
                         response: Response, events: EventsDep, if_match: IfMatch = None) -> CharacterOut:
    character = await service.complete_draft(user, character_id, if_match)
    events.created(character)
    return character_out(character, response)


@router.get("", summary="List your characters")
async def list_characters(
    user: CurrentUser,
    service: CharacterServiceDep,
    name: Annotated[str | None, Query(max_length=100, description="Part of the name")] = None,
    status_: Annotated[str | None, Query(alias="status", pattern="^(draft|active)$")] = None,
    class_id: Annotated[str | None, Query(alias="class", max_length=40)] = None,
    species: Annotated[str | None, Query(max_length=40)] = None,
    deleted: Annotated[bool, Query(description="List soft-deleted characters instead")] = False,
    all_users: Annotated[bool, Query(description="Admins only: everyone's characters")] = False,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
) -> CharacterPage:
    page = await service.list(user, all_users=all_users, name=name, status=status_, class_id=class_id,
                              species_id=species, limit=limit, cursor=cursor, deleted=deleted)
    return CharacterPage(items=[summary_of(c) for c in page.items], next_cursor=page.next_cursor)


@router.get("/{character_id}", summary="A character: build, play state and the sheet computed now",
            response_model=CharacterOut)
async def get_character(
    character_id: uuid.UUID, user: CurrentUser, service: ReadingCharacterServiceDep
) -> Response:
    # The hottest route: serialised once by pydantic straight to JSON (no second validation pass).
    character = await service.get_visible(user, character_id, allow_dm=True)
    return Response(character_out(character).model_dump_json(), media_type="application/json",
                    headers={"ETag": etag_of(character)})


@router.get("/{character_id}/sheet", summary="The sheet alone")
async def get_sheet(character_id: uuid.UUID, user: CurrentUser, service: CharacterServiceDep,
                    response: Response) -> dict[str, Any]:
    character = await service.get_visible(user, character_id, allow_dm=True)
    response.headers["ETag"] = etag_of(character)
    sheet = sheet_of(character)
    return dict(sheet) if sheet is not None else {}


@router.get("/{character_id}/builder", summary="What is still to choose, with the legal options for each step")
async def builder(character_id: uuid.UUID, user: CurrentUser, service: CharacterServiceDep,
                  request: Request) -> dict[str, Any]:
    character = await service.get_visible(user, character_id)
    report = builder_report(character.build)
    await add_catalog_spells(report, getattr(request.app.state, "hub", None), PrincipalClaims.from_principal(user))
    return report


@router.patch("/{character_id}", summary="Edit independent build fields (JSON merge patch, If-Match required)")
async def patch_character(character_id: uuid.UUID, user: CurrentUser, service: CharacterServiceDep,
                          response: Response, patch: Annotated[dict[str, Any], Body()], events: EventsDep,
                          if_match: IfMatch = None) -> CharacterOut:
    character = await service.patch_build(user, character_id, patch, if_match)
    events.updated(character, "edit " + ", ".join(sorted(patch)))
    return character_out(character, response)


@router.delete("/{character_id}", status_code=status.HTTP_200_OK, summary="Soft delete (restorable)")
async def delete_character(character_id: uuid.UUID, user: CurrentUser, service: CharacterServiceDep,
                           response: Response, events: EventsDep, if_match: IfMatch = None) -> CharacterOut:
    character = await service.delete(user, character_id, if_match)
    events.deleted(character)
    return character_out(character, response)


@router.post("/{character_id}/restore", summary="Bring a soft-deleted character back")
async def restore_character(character_id: uuid.UUID, user: CurrentUser, service: CharacterServiceDep,
                            response: Response, events: EventsDep) -> CharacterOut:
    character = await service.restore(user, character_id)
    events.deleted(character, restored=True)
    return character_out(character, response)
