"""Declarative base of the auth service: every table lives in schema ``auth``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "auth"
Base = make_base(SCHEMA)
