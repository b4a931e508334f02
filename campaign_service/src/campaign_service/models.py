"""Imports every ORM model of the campaign service so Alembic sees the whole schema."""
