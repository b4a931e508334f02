"""Declarative base of the llm service: every table lives in schema ``llm``."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from dnd_shared.db.base import schema_metadata

SCHEMA = "llm"


class Base(DeclarativeBase):
    metadata = schema_metadata(SCHEMA)
