"""Imports every ORM model of the character service so Alembic sees the whole schema."""

from character_service.characters.models import Character

__all__ = ["Character"]
