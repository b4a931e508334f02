"""Declarative base of the image service: every table lives in schema ``image``."""

from __future__ import annotations

from dnd_shared.db.base import make_base

SCHEMA = "image"
Base = make_base(SCHEMA)
