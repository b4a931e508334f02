"""Alembic environment of the character service: schema ``character`` only."""

from dnd_shared.db.migrations import run_env

from character_service.db import SCHEMA, Base
from character_service import models  # noqa: F401  (registers every table on Base.metadata)
from character_service.config import Settings

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
