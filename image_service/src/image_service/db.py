"""Declarative base of the image service: every table lives in schema ``image``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "image"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
