"""Declarative base of the message hub: every table lives in schema ``hub``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "hub"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
