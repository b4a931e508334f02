"""Declarative base of the campaign service: every table lives in schema ``campaign``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "campaign"
Base = make_base(SCHEMA)
