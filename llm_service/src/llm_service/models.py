"""Imports every ORM model of the llm service so Alembic sees the whole schema."""
