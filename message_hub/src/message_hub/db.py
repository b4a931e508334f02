"""Declarative base of the message hub: every table lives in schema ``hub``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "hub"
Base = make_base(SCHEMA)
