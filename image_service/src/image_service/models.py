"""Imports every ORM model of the image service so Alembic sees the whole schema."""
