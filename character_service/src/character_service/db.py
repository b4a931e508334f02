"""Declarative base of the character service: every table lives in schema ``character``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "character"
Base = make_base(SCHEMA)
