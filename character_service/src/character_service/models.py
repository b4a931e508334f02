"""Imports every ORM model of the character service so Alembic sees the whole schema."""
