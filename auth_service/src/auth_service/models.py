"""Imports every ORM model of the auth service so Alembic sees the whole schema."""
