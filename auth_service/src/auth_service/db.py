"""Declarative base of the auth service: every table lives in schema ``auth``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "auth"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
