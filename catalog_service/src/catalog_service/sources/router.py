"""``GET /sources`` (public): where the content comes from, its licence and attribution."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter
from pydantic import BaseModel

from catalog_service.config import API_PREFIX
from catalog_service.content.repository import EntryRepository, ReleaseRepository
from catalog_service.srd.adapter import SOURCE_PACKAGE, SOURCE_VERSION
from catalog_service.srd.seed import CONTENT_KEY
from dnd_shared.db.engine import SessionDep

router = APIRouter(prefix=API_PREFIX)

SRD_ATTRIBUTION = (
    'This work includes material from the System Reference Document 5.2 ("SRD 5.2") by Wizards of the Coast '
    "LLC, available at https://www.dndbeyond.com/srd. The SRD 5.2 is licensed under the Creative Commons "
    "Attribution 4.0 International License, available at https://creativecommons.org/licenses/by/4.0/legalcode."
)


class SourceOut(BaseModel):
    key: str
    title: str
    license: str
    license_url: str
    attribution: str
    package: str | None
    content_version: str | None
    loaded_at: datetime | None
    counts: dict[str, int]


class SourcesOut(BaseModel):
    sources: list[SourceOut]


@router.get("/sources", response_model=SourcesOut, summary="Content sources and SRD attribution")
async def sources(session: SessionDep) -> SourcesOut:
    """The SRD 5.2 source (attribution, licence, loaded version, entries per type)."""
    release = await ReleaseRepository(session).get_by_key(CONTENT_KEY)
    counts = await EntryRepository(session).count_live(source="srd-5.2")
    return SourcesOut(
        sources=[
            SourceOut(
                key="srd-5.2",
                title="System Reference Document 5.2 (D&D 2024 rules)",
                license="CC-BY-4.0",
                license_url="https://creativecommons.org/licenses/by/4.0/legalcode",
                attribution=SRD_ATTRIBUTION,
                package=f"{SOURCE_PACKAGE}=={SOURCE_VERSION}",
                content_version=release.content_version if release else None,
                loaded_at=release.loaded_at if release else None,
                counts=counts,
            )
        ]
    )
