"""Declarative base of the catalog service: every table lives in schema ``catalog``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "catalog"
Base = make_base(SCHEMA)
