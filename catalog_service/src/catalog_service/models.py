"""Imports every ORM model of the catalog service so Alembic sees the whole schema."""
