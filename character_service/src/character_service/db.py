"""Declarative base of the character service: every table lives in schema ``character``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "character"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
