"""Declarative base of the catalog service: every table lives in schema ``catalog``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "catalog"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
