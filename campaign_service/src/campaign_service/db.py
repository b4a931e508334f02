"""Declarative base of the campaign service: every table lives in schema ``campaign``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "campaign"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
