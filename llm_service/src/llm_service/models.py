"""Imports every ORM model of the llm service so Alembic sees the whole schema."""

from llm_service.usage.models import UsageRecord

__all__ = ["UsageRecord"]
