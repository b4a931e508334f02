"""Declarative base of the campaign service: every table lives in schema ``campaign``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dnd_shared.db.base import make_base

SCHEMA = "campaign"

if TYPE_CHECKING:
    from sqlalchemy.orm import DeclarativeBase

    class Base(DeclarativeBase):
        """What ``make_base`` returns, spelled out for the type checker (a variable cannot be a base)."""

else:
    Base = make_base(SCHEMA)
