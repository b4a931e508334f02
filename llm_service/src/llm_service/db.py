"""Declarative base of the llm service: every table lives in schema ``llm``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "llm"
Base = make_base(SCHEMA)
