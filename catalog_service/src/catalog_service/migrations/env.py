"""Alembic environment of the catalog service: schema ``catalog`` only."""

from catalog_service import models  # noqa: F401  (registers every table on Base.metadata)
from catalog_service.config import Settings
from catalog_service.db import SCHEMA, Base
from dnd_shared.db.migrations import run_env

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
