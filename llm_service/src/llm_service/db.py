"""Declarative base of the llm service: every table lives in schema ``llm``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dnd_shared.db.base import make_base

SCHEMA = "llm"

if TYPE_CHECKING:
    # mypy cannot use a base class built at run time; it sees an equivalent static one.
    from sqlalchemy.orm import DeclarativeBase

    class Base(DeclarativeBase):
        pass
else:
    Base = make_base(SCHEMA)
