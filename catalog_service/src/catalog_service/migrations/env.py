"""Alembic environment of the catalog service: schema ``catalog`` only."""

from dnd_shared.db.migrations import run_env

from catalog_service.db import SCHEMA, Base
from catalog_service import models  # noqa: F401  (registers every table on Base.metadata)
from catalog_service.config import Settings

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
