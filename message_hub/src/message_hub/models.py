"""Imports every ORM model of the message hub so Alembic sees the whole schema."""
