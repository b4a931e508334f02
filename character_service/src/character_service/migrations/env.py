"""Alembic environment of the character service: schema ``character`` only."""

from character_service import models  # noqa: F401  (registers every table on Base.metadata)
from character_service.config import Settings
from character_service.db import SCHEMA, Base
from dnd_shared.db.migrations import run_env

run_env(Base.metadata, SCHEMA, default_url=Settings().database_url)
